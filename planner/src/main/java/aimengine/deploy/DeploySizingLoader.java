package aimengine.deploy;

import aimengine.io.InputException;
import aimengine.io.InputProblem;
import aimengine.yaml.MapReader;
import aimengine.yaml.YamlNode;
import java.util.ArrayList;
import java.util.List;

/** Reads the deploy sizing policy (rules/deploy/sizing.yaml) strictly: every key required, none unknown. */
public final class DeploySizingLoader {
    private static final long MIB = 1L << 20;

    public DeploySizing load(String file, YamlNode root) {
        List<InputProblem> problems = new ArrayList<>();
        MapReader m = MapReader.of(file, root, "a deploy sizing file", problems);
        if (m == null) {
            throw new InputException(problems);
        }
        Number download = required(m, m.integer("download_mib_per_second", 1, 1L << 20), "download_mib_per_second");
        Number load = required(m, m.integer("load_mib_per_second", 1, 1L << 20), "load_mib_per_second");
        Number start = required(m, m.integer("engine_start_seconds", 0, 86_400), "engine_start_seconds");
        Number shm = required(m, m.integer("shm_gib_per_gpu", 0, 1024), "shm_gib_per_gpu");
        Number minShm = required(m, m.integer("min_shm_gib", 0, 1024), "min_shm_gib");
        Number headroom = required(m, m.number("cache_headroom", 1.0, 10.0), "cache_headroom");
        Number margin = required(m, m.integer("grace_margin_seconds", 0, 3600), "grace_margin_seconds");
        m.finish();
        if (!problems.isEmpty()) {
            throw new InputException(problems);
        }
        return new DeploySizing(download.longValue() * MIB, load.longValue() * MIB, start.intValue(),
                shm.longValue() * DeploySizing.GIB, minShm.longValue() * DeploySizing.GIB, headroom.doubleValue(),
                margin.intValue());
    }

    private static Number required(MapReader m, Number value, String key) {
        if (value == null && !m.has(key)) {
            m.problem(m.node().line(), "missing required key '" + key + "'");
        }
        return value;
    }
}
