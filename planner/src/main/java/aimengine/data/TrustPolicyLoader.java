package aimengine.data;

import aimengine.engine.Backend;
import aimengine.engine.EngineVersions;
import aimengine.facts.Advisory;
import aimengine.facts.AllowedSource;
import aimengine.facts.ModelSource;
import aimengine.facts.NativeArchitectures;
import aimengine.facts.RemoteCodeAllowed;
import aimengine.facts.TrustPolicy;
import aimengine.io.DataFolders;
import aimengine.io.InputException;
import aimengine.io.InputProblem;
import aimengine.yaml.MapReader;
import aimengine.yaml.YamlDocument;
import aimengine.yaml.YamlNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads the trust policy (rules/trust.yaml format) and the engines' native architectures (rules/architectures.yaml)
 * strictly: every mistake is reported as file:line.
 */
final class TrustPolicyLoader {
    private static final Set<String> CONDITIONS = Set.of(Advisory.ALWAYS, Advisory.AUTO_MAP, Advisory.REMOTE_CODE,
            Advisory.MULTI_GPU);

    TrustPolicy policy(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new InputException(file.toString(), 0, "trust policy file does not exist or is not a file");
        }
        String name = DataFolders.displayName(file);
        YamlNode root = YamlDocument.read(file);
        List<InputProblem> problems = new ArrayList<>();
        MapReader m = MapReader.of(name, root, "a trust policy", problems);
        if (m == null) {
            throw new InputException(problems);
        }
        List<AllowedSource> sources = new ArrayList<>();
        YamlNode sourcesNode = m.raw("sources");
        MapReader s = sourcesNode == null ? null : MapReader.of(name, sourcesNode, "'sources'", problems);
        if (s != null) {
            for (String kind : List.of(ModelSource.HUB, ModelSource.LOCAL)) {
                int line = s.has(kind) ? s.lineOf(kind) : sourcesNode.line();
                String at = name + ":" + line + " (sources." + kind + ")";
                s.stringList(kind).forEach(p -> sources.add(new AllowedSource(kind, p, at)));
            }
            s.finish();
        }
        List<RemoteCodeAllowed> remoteCode = new ArrayList<>();
        String remoteCodeAt = at(name, m, "remote_code");
        m.stringList("remote_code").forEach(p -> remoteCode.add(new RemoteCodeAllowed(p, remoteCodeAt)));
        Boolean pickle = m.bool("pickle");
        Boolean requireRevision = m.bool("require_revision");
        List<Advisory> advisories = advisories(name, m.raw("advisories"), problems);
        m.finish();
        if (!problems.isEmpty()) {
            throw new InputException(problems);
        }
        return new TrustPolicy(name, sources, at(name, m, "sources"), remoteCode, remoteCodeAt,
                Boolean.TRUE.equals(pickle), at(name, m, "pickle"), Boolean.TRUE.equals(requireRevision),
                at(name, m, "require_revision"), advisories);
    }

    private static String at(String name, MapReader m, String key) {
        return name + ":" + (m.has(key) ? m.lineOf(key) : m.node().line()) + " (" + key + ")";
    }

    private static List<Advisory> advisories(String name, YamlNode node, List<InputProblem> problems) {
        List<Advisory> list = new ArrayList<>();
        if (node == null || node.isNull()) {
            return list;
        }
        if (!node.isList()) {
            problems.add(new InputProblem(name, node.line(), "'advisories' must be a list, found " + node.describe()));
            return list;
        }
        for (YamlNode item : node.items()) {
            MapReader a = MapReader.of(name, item, "an advisory", problems);
            if (a == null) {
                continue;
            }
            int before = problems.size();
            String id = a.requiredString("id");
            String engine = a.requiredString("engine");
            String from = a.requiredString("from");
            String until = a.requiredString("before");
            String condition = a.requiredString("condition");
            String action = a.requiredString("action");
            String summary = a.requiredString("summary");
            a.finish();
            if (engine != null && Backend.parse(engine) == null) {
                a.problem(a.lineOf("engine"), "unknown engine '" + engine + "'; expected vllm or sglang");
            }
            for (String v : new String[] {from, until}) {
                if (v != null && !EngineVersions.valid(v)) {
                    a.problem(item.line(), "'" + v + "' is not a version number such as 0.14.0");
                }
            }
            if (condition != null && !CONDITIONS.contains(condition)) {
                a.problem(a.lineOf("condition"), "unknown condition '" + condition + "'; expected one of "
                        + String.join(", ", CONDITIONS.stream().sorted().toList()));
            }
            if (action != null && !action.equals("warn") && !action.equals("reject")) {
                a.problem(a.lineOf("action"), "unknown action '" + action + "'; expected warn or reject");
            }
            if (problems.size() == before) {
                list.add(new Advisory(id, Backend.parse(engine).key(), from, until, condition, action.equals("reject"),
                        summary, name + ":" + item.line()));
            }
        }
        return list;
    }

    List<NativeArchitectures> nativeArchitectures(Path file) {
        String name = DataFolders.displayName(file);
        List<InputProblem> problems = new ArrayList<>();
        MapReader m = MapReader.of(name, YamlDocument.read(file), "the native architectures", problems);
        List<NativeArchitectures> list = new ArrayList<>();
        if (m != null) {
            for (Backend b : Backend.values()) {
                list.add(new NativeArchitectures(b.key(), new HashSet<>(m.stringList(b.key())),
                        name + ":" + (m.has(b.key()) ? m.lineOf(b.key()) : 1)));
            }
            m.finish();
        }
        if (!problems.isEmpty()) {
            throw new InputException(problems);
        }
        return list;
    }
}
