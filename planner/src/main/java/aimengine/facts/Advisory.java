package aimengine.facts;

import aimengine.engine.EngineVersions;

/**
 * A known vulnerability of an engine release range, from the trust policy.
 *
 * @param id        e.g. "CVE-2026-22807"
 * @param engine    engine key, e.g. "vllm"
 * @param from      first affected version (inclusive)
 * @param before    first fixed version (exclusive)
 * @param condition when a plan is exposed: always, auto-map (the model's config has auto_map), remote-code (the plan
 *                  runs the model's own code) or multi-gpu (tensor parallelism over more than one GPU)
 * @param reject    true: candidates exposed to it are rejected; false: the plan states a warning
 * @param summary   one line: what goes wrong
 * @param at        where it is written (file:line)
 */
public record Advisory(String id, String engine, String from, String before, String condition, boolean reject,
                       String summary, String at) {
    public static final String ALWAYS = "always";
    public static final String AUTO_MAP = "auto-map";
    public static final String REMOTE_CODE = "remote-code";
    public static final String MULTI_GPU = "multi-gpu";

    public boolean affects(String version) {
        return EngineVersions.compare(version, from) >= 0 && EngineVersions.compare(version, before) < 0;
    }

    /** For messages: "CVE-2026-22807 (vllm 0.10.1 to before 0.14.0)". */
    public String describe() {
        return id + " (" + engine + " " + from + " to before " + before + ")";
    }
}
