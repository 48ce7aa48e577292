package aimengine.engine;

import aimengine.io.Lazy;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The engine flag catalogs shipped in the jar (aim/engines/catalogs.txt lists them, oldest first), one per
 * engine version. The newest of an engine is the default for validation; older ones tell when a flag was removed.
 */
public final class FlagCatalogs {
    private static final String DIR = "aim/engines/";
    /** Per engine, oldest first. A catalog file is parsed when first asked for: a plan needs only the newest. */
    private final Map<Backend, List<Entry>> byBackend;

    private record Entry(String version, Lazy<FlagCatalog> catalog) {
    }

    private FlagCatalogs(Map<Backend, List<Entry>> byBackend) {
        this.byBackend = byBackend;
    }

    public static FlagCatalogs builtin() {
        Map<Backend, List<Entry>> map = new EnumMap<>(Backend.class);
        for (String line : lines(DIR + "catalogs.txt")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.trim().split("\\s+");
            Backend backend = Backend.parse(f[0]);
            map.computeIfAbsent(backend, b -> new ArrayList<>()).add(new Entry(f[1],
                    Lazy.of(() -> new FlagCatalog(backend, f[1], parse(lines(DIR + f[2]))))));
        }
        return new FlagCatalogs(map);
    }

    public FlagCatalog newest(Backend backend) {
        List<Entry> list = byBackend.get(backend);
        return list.get(list.size() - 1).catalog().get();
    }

    /** The catalog of a version ("v0.16.0" or "0.16.0"), or empty when none ships. */
    public Optional<FlagCatalog> version(Backend backend, String version) {
        String v = version.startsWith("v") ? version : "v" + version;
        return entries(backend).stream().filter(e -> e.version().equals(v) || e.version().startsWith(v + "-"))
                .findFirst().map(e -> e.catalog().get());
    }

    /** Every catalog of an engine, oldest first. */
    public List<FlagCatalog> all(Backend backend) {
        return entries(backend).stream().map(e -> e.catalog().get()).toList();
    }

    public List<String> versions(Backend backend) {
        return entries(backend).stream().map(Entry::version).toList();
    }

    /**
     * When a flag unknown to {@code current} existed in an older catalog: the last version that had it.
     */
    public Optional<FlagCatalog> lastHaving(FlagCatalog current, String flag) {
        List<FlagCatalog> list = all(current.backend());
        for (int i = list.indexOf(current) - 1; i >= 0; i--) {
            if (list.get(i).find(flag).isPresent()) {
                return Optional.of(list.get(i));
            }
        }
        return Optional.empty();
    }

    /**
     * When a flag unknown to {@code current} exists in a newer catalog: the first version that has it.
     */
    public Optional<FlagCatalog> firstHavingAfter(FlagCatalog current, String flag) {
        List<FlagCatalog> list = all(current.backend());
        for (int i = list.indexOf(current) + 1; i < list.size(); i++) {
            if (list.get(i).find(flag).isPresent()) {
                return Optional.of(list.get(i));
            }
        }
        return Optional.empty();
    }

    private List<Entry> entries(Backend backend) {
        return byBackend.getOrDefault(backend, List.of());
    }

    static List<FlagSpec> parse(List<String> lines) {
        List<FlagSpec> specs = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] c = Arrays.copyOf(line.split("\t", -1), 11);
            if (c[0] == null || !c[0].startsWith("-")) {
                continue;
            }
            specs.add(new FlagSpec(c[0], c[1], split(c[2]), split(c[5]), c[6], "yes".equals(c[9]),
                    c[10] == null ? "" : c[10]));
        }
        return specs;
    }

    private static List<String> split(String s) {
        return s == null || s.isBlank() ? List.of() : Arrays.stream(s.split(",")).map(String::trim).toList();
    }

    private static List<String> lines(String resource) {
        try (InputStream in = FlagCatalogs.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("engine flag catalog " + resource + " is missing from the build");
            }
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
