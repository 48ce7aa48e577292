package aimengine.engine;

import aimengine.io.AtomicFile;
import aimengine.io.Executables;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Asks the installed engine for its own flags: its argument parser dumped as JSON by a Python one-liner. The answer
 * is cached per engine version (asking imports the engine, which takes seconds); when the engine cannot be asked
 * (not installed, no GPU to build vLLM's parser, too slow) the caller falls back to the shipped catalog.
 */
public final class InstalledEngineFlags {
    /** Runs a command; its standard output when it exits 0 within the timeout, else empty. */
    @FunctionalInterface
    public interface Runner {
        Optional<String> run(List<String> argv, Duration timeout);
    }

    private final Runner runner;
    private final Path cacheDir;
    private final Duration timeout;

    /**
     * @param runner   runs python3 with the engine's environment
     * @param cacheDir where answers are kept, one file per engine version
     * @param timeout  how long the engine may take to describe its flags
     */
    public InstalledEngineFlags(Runner runner, Path cacheDir, Duration timeout) {
        this.runner = runner;
        this.cacheDir = cacheDir;
        this.timeout = timeout;
    }

    /** The installed engine's flags, or empty when it cannot be asked. */
    public Optional<FlagCatalog> ask(Backend backend) {
        Optional<String> version = version(runner, backend);
        if (version.isEmpty()) {
            return Optional.empty();
        }
        Path cached = cacheDir.resolve(backend.key() + "-" + version.get() + ".json");
        Optional<List<FlagSpec>> specs = read(cached);
        if (specs.isEmpty()) {
            Optional<String> dump = runner.run(List.of("python3", "-c",
                    backend.profile().flagDumpScript()), timeout).map(InstalledEngineFlags::lastLine);
            specs = dump.flatMap(InstalledEngineFlags::parse);
            if (specs.isPresent()) {
                write(cached, dump.get());
            }
        }
        return specs.map(s -> new FlagCatalog(backend, "v" + version.get() + " (installed)", s));
    }

    /** The installed engine's version (its Python package's metadata, without importing it), or empty. */
    public static Optional<String> version(Runner runner, Backend backend) {
        return runner.run(List.of("python3", "-c",
                "import importlib.metadata as m;print(m.version('" + backend.key() + "'))"), Duration.ofSeconds(15))
                .map(String::trim).filter(v -> v.matches("[0-9A-Za-z.+_-]+"));
    }

    /** Engines log to stdout while importing; the dump is the last line. */
    private static String lastLine(String out) {
        String[] lines = out.strip().split("\n");
        return lines[lines.length - 1];
    }

    private static Optional<List<FlagSpec>> read(Path file) {
        try {
            return Files.isRegularFile(file) ? parse(Files.readString(file)) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Best effort: a cache that cannot be written only means asking again next time. */
    private void write(Path file, String dump) {
        try {
            Files.createDirectories(cacheDir);
            AtomicFile.write(file, dump);
        } catch (IOException ignored) {
            // the flags were read; only the cache is lost
        }
    }

    static Optional<List<FlagSpec>> parse(String json) {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(json);
        } catch (IOException e) {
            return Optional.empty();
        }
        if (root == null || !root.isArray()) {
            return Optional.empty();
        }
        List<FlagSpec> specs = new ArrayList<>();
        for (JsonNode a : root) {
            List<String> options = new ArrayList<>();
            a.path("o").forEach(o -> options.add(o.asText()));
            String kind = kind(a.path("k").asText(), a.path("n").asText(""));
            if (kind == null || options.isEmpty()) {
                continue;
            }
            String flag = options.stream().filter(o -> o.startsWith("--")).findFirst().orElse(options.get(0));
            List<String> choices = new ArrayList<>();
            a.path("c").forEach(c -> choices.add(c.asText()));
            specs.add(new FlagSpec(flag, kind, choices, options.stream().filter(o -> !o.equals(flag)).toList(),
                    a.path("t").isTextual() ? a.path("t").asText() : "", false, ""));
        }
        return specs.isEmpty() ? Optional.empty() : Optional.of(specs);
    }

    /** The catalog's kind for an argparse action class and nargs; null for actions that are no engine flag. */
    private static String kind(String action, String nargs) {
        return switch (action) {
            case "_HelpAction", "_VersionAction", "_SubParsersAction" -> null;
            case "_StoreTrueAction", "_StoreFalseAction" -> "store_true";
            case "BooleanOptionalAction" -> "bool-optional";
            case "_StoreConstAction", "_AppendConstAction", "_CountAction" -> "store_const";
            case "_AppendAction" -> "append";
            default -> switch (nargs) {
                case "+", "*" -> "list";
                case "?" -> "value-optional";
                default -> "value";
            };
        };
    }

    /** Runs commands as child processes with the given environment (python3 is looked up on its PATH). */
    public static Runner processRunner(Map<String, String> env) {
        return (argv, timeout) -> {
            Optional<Path> program = Executables.find(argv.get(0), env.get("PATH"));
            if (program.isEmpty()) {
                return Optional.empty();
            }
            List<String> command = new ArrayList<>(argv);
            command.set(0, program.get().toString());
            ProcessBuilder pb = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD);
            pb.environment().clear();
            pb.environment().putAll(env);
            Process p;
            try {
                p = pb.start();
                p.getOutputStream().close();
            } catch (IOException e) {
                return Optional.empty();
            }
            CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> {
                try (InputStream in = p.getInputStream()) {
                    return new String(in.readAllBytes(), StandardCharsets.UTF_8);
                } catch (IOException e) {
                    return "";
                }
            });
            try {
                if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                    return Optional.empty();
                }
                return p.exitValue() == 0 ? Optional.of(out.get(5, TimeUnit.SECONDS)) : Optional.empty();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            } catch (ExecutionException | TimeoutException e) {
                return Optional.empty();
            } finally {
                if (p.isAlive()) {
                    p.descendants().forEach(ProcessHandle::destroyForcibly);
                    p.destroyForcibly();
                }
            }
        };
    }
}
