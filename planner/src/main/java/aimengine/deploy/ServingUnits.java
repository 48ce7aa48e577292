package aimengine.deploy;

import aimengine.engine.Backend;
import aimengine.facts.Candidate;
import aimengine.hardware.Hardware;
import aimengine.io.InputException;
import aimengine.plan.Plan;
import aimengine.plan.SelectedPlan;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Turns a feasible plan and the operator's settings into the {@link ServingUnit} every target writes. */
public final class ServingUnits {
    private static final String CACHE_VOLUME_SUFFIX = "-model-cache";
    private final DeploySizing sizing;

    public ServingUnits(DeploySizing sizing) {
        this.sizing = sizing;
    }

    /**
     * @param hardware the catalog entry of the plan's product
     * @throws IllegalArgumentException when the plan is infeasible (the caller reports that first)
     */
    public ServingUnit build(Plan plan, Hardware hardware, DeploySettings s) {
        if (!plan.feasible()) {
            throw new IllegalArgumentException("no plan to deploy");
        }
        SelectedPlan selected = plan.selected();
        Candidate c = selected.candidate();
        int nodes = selected.span().nodes();
        s.target().refusal(nodes).ifPresent(why -> {
            throw new InputException("--target " + s.target().key() + ": " + why);
        });
        GpuVendor vendor = GpuVendor.of(hardware);
        String name = s.name() != null ? s.name()
                : KubernetesNames.fromModel(plan.request().model(), DeploySettings.maxNameLength(s.target()));
        long weightBytes = (long) Math.ceil(selected.memory().totalWeightsGiB() * DeploySizing.GIB);
        // The cluster's cache is not this machine's: a new claim is empty and an existing one cannot be looked into
        // from here, so the whole checkpoint is budgeted as a download. A longer budget only delays noticing a hung
        // start; a shorter one kills a pod in the middle of its first download, again and again.
        int startup = sizing.startupSeconds(weightBytes, weightBytes, s.floorSeconds());
        long shm = sizing.shmBytes(c.gpuCount());

        Map<String, String> env = new LinkedHashMap<>(selected.command().env());
        env.put("CACHE_DIR", DeploySettings.CACHE_MOUNT);
        env.put("HF_HOME", DeploySettings.CACHE_MOUNT);

        boolean create = s.cachePvc() == null;
        String cacheSize = !create ? null
                : s.cacheSize() != null ? s.cacheSize() : KubernetesNames.gibibytes(sizing.cacheBytes(weightBytes));
        ServingUnit.ModelCache cache = new ServingUnit.ModelCache(create ? name + CACHE_VOLUME_SUFFIX : s.cachePvc(),
                create, cacheSize, s.replicas() > 1 || nodes > 1 ? "ReadWriteMany" : "ReadWriteOnce", DeploySettings.CACHE_MOUNT);

        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("app.kubernetes.io/name", "aim-engine");
        labels.put("app.kubernetes.io/instance", name);
        labels.put("app.kubernetes.io/component", "inference-server");
        labels.put("app.kubernetes.io/managed-by", "aim-engine");
        Map<String, String> annotations = new LinkedHashMap<>();
        annotations.put("aim-engine/model", plan.request().model());
        annotations.put("aim-engine/recipe", c.recipeId());
        annotations.put("aim-engine/plan", (nodes > 1 ? nodes + " nodes x " : "") + c.gpuCount() + " x " + hardware.key()
                + ", " + c.precision() + ", " + c.backend());

        List<Long> groups = s.gpuGroups() != null ? s.gpuGroups() : vendor.defaultGroups();
        return new ServingUnit(name, s.namespace(), s.image() != null ? s.image() : vendor.defaultImage(Backend.parse(c.backend())),
                PinnedRun.args(plan, s.port(), startup, s.graceSeconds(), s.trustFlags()), env,
                new ServingUnit.SecretRef(s.hfTokenSecret(), DeploySettings.HF_TOKEN_KEY, true),
                new ServingUnit.SecretRef(s.apiKeySecret(), DeploySettings.API_KEY_KEY, true),
                List.of(new ServingUnit.Port("http", s.port(), 80)), Backend.parse(c.backend()).profile().serving(),
                new ServingUnit.GpuRequest(vendor, c.gpuCount(), hardware.key(), vendor.nodeLabel(),
                        vendor.nodeLabelValues(hardware), nodes),
                shm, cache, startup, sizing.terminationGraceSeconds(s.graceSeconds()),
                new ServingUnit.Identity(s.uid(), s.uid(), groups), s.replicas(), labels, annotations, Map.of(),
                notes(plan, hardware, weightBytes, startup, shm, cache, s));
    }

    private List<String> notes(Plan plan, Hardware hardware, long weightBytes, int startup, long shm,
                               ServingUnit.ModelCache cache, DeploySettings s) {
        Candidate c = plan.selected().candidate();
        List<String> notes = new ArrayList<>();
        aimengine.facts.NodeSpan span = plan.selected().span();
        notes.add("aim-engine deploy " + plan.request().model() + ": recipe " + c.recipeId() + ", "
                + (span.nodes() > 1 ? span.nodes() + " nodes x " : "") + c.gpuCount() + " x " + hardware.key() + ", "
                + c.precision() + ", " + c.backend()
                + (span.nodes() > 1 ? " (tensor parallel " + span.tensor() + " x pipeline parallel " + span.pipeline()
                + ")" : ""));
        notes.add(String.format(Locale.ROOT, "startup budget %d s = %.1f GiB to download at %d MiB/s + %.1f GiB of"
                        + " weights to load at %d MiB/s + %d s engine start (at least DEFAULT_TIMEOUT, %d s)",
                startup, gib(weightBytes), sizing.downloadBytesPerSecond() >> 20, gib(weightBytes),
                sizing.loadBytesPerSecond() >> 20, sizing.engineStartSeconds(), s.floorSeconds()));
        notes.add(String.format(Locale.ROOT, "/dev/shm %s = %s per GPU x %d (at least %s)",
                KubernetesNames.gibibytes(shm), KubernetesNames.gibibytes(sizing.shmBytesPerGpu()), c.gpuCount(),
                KubernetesNames.gibibytes(sizing.minShmBytes())));
        if (!cache.create()) {
            notes.add("model cache: the existing claim " + cache.claimName());
        } else if (s.cacheSize() != null) {
            notes.add("model cache: claim " + cache.claimName() + " of " + cache.size() + " (--cache-size)");
        } else {
            notes.add(String.format(Locale.ROOT, "model cache: claim %s of %s = %.1f GiB checkpoint x %.2f",
                    cache.claimName(), cache.size(), gib(weightBytes), sizing.cacheHeadroom()));
        }
        String source = plan.selected().recipe().source();
        if (source != null && !source.startsWith("builtin:")) {
            notes.add("the recipe comes from " + source + ", which the image does not ship: add it to the image"
                    + " or run will refuse the pinned recipe");
        }
        return notes;
    }

    private static double gib(long bytes) {
        return bytes / (double) DeploySizing.GIB;
    }
}
