package aimengine.engine;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The flags of one engine version, looked up by name or alias ('_' and '-' alike). */
public final class FlagCatalog {
    private final Backend backend;
    private final String version;
    private final Map<String, FlagSpec> flags;
    private final Map<String, FlagSpec> byName;

    public FlagCatalog(Backend backend, String version, List<FlagSpec> specs) {
        this.backend = backend;
        this.version = version;
        this.flags = new LinkedHashMap<>();
        this.byName = new LinkedHashMap<>();
        for (FlagSpec s : specs) {
            flags.put(s.flag(), s);
            byName.put(EngineFlags.normalize(s.flag()), s);
            for (String alias : s.aliases()) {
                byName.putIfAbsent(alias.startsWith("--") ? EngineFlags.normalize(alias) : alias, s);
            }
        }
    }

    public Backend backend() {
        return backend;
    }

    public String version() {
        return version;
    }

    /** "vllm v0.19.0", for messages. */
    public String label() {
        return backend.key() + " " + version;
    }

    public Optional<FlagSpec> find(String flag) {
        String key = flag.startsWith("--") ? EngineFlags.normalize(flag) : flag;
        return Optional.ofNullable(byName.get(key));
    }

    /** True when the flag is the "--no-x" spelling of a bool-optional flag. */
    public boolean isNegation(String flag) {
        return find(flag).map(s -> s.kind().equals("bool-optional") && !EngineFlags.sameFlag(s.flag(), flag))
                .orElse(false);
    }

    public Collection<FlagSpec> all() {
        return flags.values();
    }
}
