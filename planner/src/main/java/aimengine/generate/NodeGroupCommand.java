package aimengine.generate;

import aimengine.engine.Backend;
import aimengine.engine.EngineFlags;
import aimengine.engine.EngineSetting;
import aimengine.engine.NodeSpanning;
import aimengine.facts.NodeSpan;
import java.util.ArrayList;
import java.util.List;

/**
 * The engine command of a multi-node plan: the one-node command with the group's parallelism (the same on every
 * rank), and per rank the flags that reach the leader. Flags the multi-node plan owns are taken out of the recipe's
 * arguments first (a recipe's {@code --distributed-executor-backend mp} must not fight Ray).
 */
public final class NodeGroupCommand {
    private NodeGroupCommand() {
    }

    public static EngineCommand forGroup(EngineCommand oneNode, Backend backend, NodeSpan span) {
        List<String> argv = without(oneNode.argv(), NodeSpanning.ownedFlags(backend));
        int tp = indexOfAny(argv, backend.profile().names(EngineSetting.TENSOR_PARALLEL));
        argv.set(tp + 1, String.valueOf(span.tensor()));
        argv.addAll(tp + 2, NodeSpanning.groupArgs(backend, span.nodes(),
                new NodeSpanning.Parallelism(span.tensor(), span.pipeline())));
        return new EngineCommand(backend, argv, oneNode.env(), oneNode.secrets());
    }

    public static EngineCommand forRank(EngineCommand group, NodeSpanning.Runtime runtime, int nodes, int rank,
                                        String leaderHost, int port) {
        List<String> argv = new ArrayList<>(group.argv());
        argv.addAll(NodeSpanning.rankArgs(runtime, nodes, rank, leaderHost, port));
        return new EngineCommand(group.backend(), argv, group.env(), group.secrets());
    }

    private static List<String> without(List<String> argv, List<String> flags) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < argv.size(); i++) {
            String a = argv.get(i);
            if (matches(a, flags)) {
                boolean takesValue = !a.equals("--headless") && i + 1 < argv.size() && !argv.get(i + 1).startsWith("-");
                i += takesValue ? 1 : 0;
                continue;
            }
            out.add(a);
        }
        return out;
    }

    private static int indexOfAny(List<String> argv, List<String> names) {
        for (int i = 0; i < argv.size(); i++) {
            if (matches(argv.get(i), names)) {
                return i;
            }
        }
        throw new IllegalStateException("no tensor-parallel flag in " + argv);
    }

    private static boolean matches(String arg, List<String> names) {
        return arg.startsWith("-") && names.stream().anyMatch(n -> n.equals(arg)
                || n.startsWith("--") && arg.startsWith("--") && EngineFlags.sameFlag(n, arg));
    }
}
