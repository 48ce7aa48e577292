package aimengine.deploy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A Compose file equivalent to {@code docker run --device=/dev/kfd --device=/dev/dri --group-add=video ...
 * aim-engine run ...}, shaped by the Compose specification: one service with the same pinned run, environment,
 * /dev/shm, cache and identity as the Kubernetes targets.
 */
final class ComposeWriter implements ManifestWriter {

    @Override
    public List<Manifest> write(ServingUnit u) {
        Map<String, Object> service = new LinkedHashMap<>();
        service.put("image", u.image());
        service.put("command", u.args());
        // Docker's init as PID 1 reaps zombies and forwards SIGTERM to aim-engine, which stops the engine's group.
        service.put("init", true);
        service.put("user", u.identity().uid() + ":" + u.identity().gid());
        GpuVendor vendor = u.gpu().vendor();
        if (!vendor.devices().isEmpty()) {
            service.put("devices", vendor.devices());
        }
        if (!u.identity().supplementalGroups().isEmpty()) {
            service.put("group_add", u.identity().supplementalGroups().stream().map(String::valueOf).toList());
        }
        if (vendor == GpuVendor.NVIDIA) {
            service.put("deploy", Map.of("resources", Map.of("reservations", Map.of("devices", List.of(
                    deviceReservation(u.gpu().count()))))));
        }
        service.put("shm_size", (u.shmBytes() / DeploySizing.GIB) + "gb");
        service.put("ports", u.ports().stream().map(p -> p.containerPort() + ":" + p.containerPort()).toList());
        service.put("environment", environment(u));
        service.put("volumes", List.of(volumeMount(u)));
        service.put("security_opt", List.of("no-new-privileges:true"));
        service.put("cap_drop", List.of("ALL"));
        service.put("healthcheck", healthcheck(u));
        service.put("stop_grace_period", u.terminationGraceSeconds() + "s");
        service.put("restart", "on-failure:3");
        Map<String, Object> compose = new LinkedHashMap<>();
        compose.put("name", u.name());
        compose.put("services", Map.of(u.name(), service));
        compose.put("volumes", Map.of(u.cache().claimName(), volume(u)));
        return List.of(new Manifest("compose.yaml", compose));
    }

    private static Map<String, Object> deviceReservation(int count) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("driver", "nvidia");
        d.put("count", count);
        d.put("capabilities", List.of("gpu"));
        return d;
    }

    /** The plan's variables with values; HF_TOKEN and AIM_API_KEY by name only, so Compose passes the caller's through. */
    private static List<String> environment(ServingUnit u) {
        List<String> env = new ArrayList<>();
        u.env().forEach((k, v) -> env.add(k + "=" + v));
        env.add("HF_TOKEN");
        env.add("AIM_API_KEY");
        return env;
    }

    private static Map<String, Object> volumeMount(ServingUnit u) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", "volume");
        m.put("source", u.cache().claimName());
        m.put("target", u.cache().mountPath());
        return m;
    }

    /** A named local volume, or the existing one --cache-pvc names. */
    private static Map<String, Object> volume(ServingUnit u) {
        return u.cache().create() ? Map.of() : Map.of("external", true);
    }

    /** aim-engine status asks the running engine; the start period is the same budget the probes allow. */
    private static Map<String, Object> healthcheck(ServingUnit u) {
        Map<String, Object> h = new LinkedHashMap<>();
        h.put("test", List.of("CMD", "aim-engine", "status"));
        h.put("interval", "30s");
        h.put("timeout", "10s");
        h.put("retries", 3);
        h.put("start_period", u.startupSeconds() + "s");
        return h;
    }
}
