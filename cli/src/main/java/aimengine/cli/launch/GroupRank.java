package aimengine.cli.launch;

import aimengine.cli.base.ExitCodes;
import aimengine.cli.base.ExitException;
import aimengine.engine.Backend;
import aimengine.engine.NodeSpanning;
import aimengine.generate.EngineCommand;
import aimengine.generate.NodeGroupCommand;
import aimengine.io.Executables;
import aimengine.plan.SelectedPlan;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * One rank of a multi-node group, after planning and command generation. The leader (rank 0) opens the group
 * channel, starts the runtime (Ray head, or nothing when the engine has its own multi-node mode), waits until every
 * rank has joined, starts the engine with the API server and waits until it is healthy. A worker waits for the
 * leader (retrying), joins, and starts its part (a Ray worker, or the engine headless). From then on every rank
 * watches its own processes and the channel: a process that dies or a rank that leaves fails the whole group, the
 * rank stops what it started and exits 1, so the orchestrator recreates the group. There are no restarts: a single
 * rank cannot rejoin a running collective.
 */
public final class GroupRank {
    private static final Duration TICK = Duration.ofSeconds(1);
    private static final Duration RETRY = Duration.ofSeconds(1);

    private final GroupRole role;
    private final NodeSpanning.Runtime runtime;
    private final LaunchSettings settings;
    private final EngineInstallation installation;
    private final EventLog log;
    private final Wakeup wakeup;
    private final StopRequest stop;
    private final HealthCheck health;
    private final GroupStateFile stateFile;
    private final List<EngineProcess> processes = new ArrayList<>();

    public GroupRank(GroupRole role, NodeSpanning.Runtime runtime, LaunchSettings settings, EngineInstallation installation,
                     EventLog log, Wakeup wakeup, StopRequest stop, HealthCheck health, GroupStateFile stateFile) {
        this.role = role;
        this.runtime = runtime;
        this.settings = settings;
        this.installation = installation;
        this.log = log;
        this.wakeup = wakeup;
        this.stop = stop;
        this.health = health;
        this.stateFile = stateFile;
    }

    /** Runs this rank until the group fails or a signal stops it; always stops what it started. */
    public int run(SelectedPlan plan, EngineCommand groupCommand) throws Exception {
        if (plan.span().nodes() != role.nodes()) {
            throw new ExitException(ExitCodes.NO_PLAN, "the plan uses " + plan.span().nodes() + " node(s), but this group"
                    + " has " + role.nodes() + " (--nodes); start " + plan.span().nodes() + " rank(s), or give --strict to"
                    + " plan for exactly " + role.nodes());
        }
        int port = role.leader().portOr(runtime.defaultPort());
        log.info("group", "rank " + role.rank() + " of " + role.nodes() + " (" + runtime.key() + " runtime, leader "
                + role.leader().host() + ":" + port + ", group channel port " + role.groupPort() + ")", null);
        try {
            return role.leads() ? lead(plan, groupCommand, port) : follow(plan, groupCommand, port);
        } finally {
            stopAll();
            stateFile.delete();
        }
    }

    private int lead(SelectedPlan plan, EngineCommand groupCommand, int port) throws Exception {
        try (GroupLeader leader = new GroupLeader(role.nodes(), wakeup)) {
            leader.start(settings.bind(), role.groupPort());
            String address = role.nodeAddress() != null ? role.nodeAddress()
                    : InetAddress.getByName(role.leader().host()).getHostAddress();
            if (runtime == NodeSpanning.Runtime.RAY) {
                spawnRay(List.of("ray", "start", "--head", "--port", String.valueOf(port), "--node-ip-address",
                        address, "--block"), nodeEnv(Map.of(), plan, address));
            }
            long start = System.nanoTime();
            await(leader::allJoined, () -> leader.lost(), "all " + role.nodes() + " ranks to join", start);
            log.info("group", "all " + role.nodes() + " ranks joined: " + leader.ranks(), null);
            stateFile.write(role, runtime, address, leader.ranks());
            EngineCommand command = NodeGroupCommand.forRank(groupCommand, runtime, role.nodes(), 0, address, port);
            spawnEngine(withEnv(command, nodeEnv(command.env(), plan, address)));
            await(this::healthy, () -> leader.lost(), "the engine to serve on " + settings.base(), start);
            log.info("group", "serving on " + settings.base() + " with " + role.nodes() + " nodes", null);
            stateFile.write(role, runtime, address, leader.ranks());
            return supervise(() -> leader.lost(), () -> stateFile.write(role, runtime, address, leader.ranks()));
        }
    }

    private int follow(SelectedPlan plan, EngineCommand groupCommand, int port) throws Exception {
        try (GroupMember member = new GroupMember(role.leader().host(), role.groupPort(), role.rank(), role.nodes(), wakeup)) {
            long start = System.nanoTime();
            boolean said = false;
            while (!member.tryJoin()) {
                if (!said) {
                    log.info("group", "waiting for the leader at " + role.leader().host() + ":" + role.groupPort(), null);
                    said = true;
                }
                checkStopAndTimeout(start, "the leader at " + role.leader().host() + ":" + role.groupPort());
                wakeup.sleep(RETRY);
            }
            String address = role.nodeAddress() != null ? role.nodeAddress() : member.localAddress();
            log.info("group", "joined the leader as rank " + role.rank() + " (this node: " + address + ")", null);
            if (runtime == NodeSpanning.Runtime.RAY) {
                spawnRay(List.of("ray", "start", "--address", role.leader().host() + ":" + port, "--node-ip-address",
                        address, "--block"), nodeEnv(Map.of(), plan, address));
            } else {
                EngineCommand command = NodeGroupCommand.forRank(groupCommand, runtime, role.nodes(), role.rank(),
                        role.leader().host(), port);
                spawnEngine(withEnv(command, nodeEnv(command.env(), plan, address)));
            }
            return supervise(member::lost, () -> { });
        }
    }

    private static EngineCommand withEnv(EngineCommand command, Map<String, String> env) {
        return new EngineCommand(command.backend(), command.argv(), env, command.secrets());
    }

    /** VLLM_HOST_IP (vLLM and Ray pick the node's address by it), and the socket interface for NCCL/RCCL and Gloo. */
    private Map<String, String> nodeEnv(Map<String, String> env, SelectedPlan plan, String address) {
        Map<String, String> all = new LinkedHashMap<>(env);
        if (Backend.parse(plan.candidate().backend()) == Backend.VLLM) {
            all.put("VLLM_HOST_IP", address);
        }
        if (role.networkInterface() != null) {
            all.put("NCCL_SOCKET_IFNAME", role.networkInterface());
            all.put("GLOO_SOCKET_IFNAME", role.networkInterface());
        }
        return all;
    }

    private void spawnEngine(EngineCommand command) throws IOException {
        start(command.backend().key(), installation.program(command), command.argv(), command.env(),
                command.shown().argv(), settings.logFile(), command::mask);
    }

    /** `ray start ... --block`: Ray's daemons stay in the foreground, in the process group aim-engine watches. */
    private void spawnRay(List<String> argv, Map<String, String> env) throws IOException {
        Path ray = Executables.find("ray", settings.env().get("PATH")).orElseThrow(() -> new ExitException(
                ExitCodes.ENGINE_MISSING, "Ray is not installed: no 'ray' program on PATH; this vLLM version"
                + " spans nodes with Ray (pip install ray, or use a vLLM version with --nnodes)"));
        start("ray", ray, argv, env, argv, settings.logFile().resolveSibling("ray.log"), UnaryOperator.identity());
    }

    private void start(String name, Path program, List<String> argv, Map<String, String> env, List<String> shown,
                       Path logFile, UnaryOperator<String> mask) throws IOException {
        Map<String, String> processEnv = new LinkedHashMap<>(settings.env());
        processEnv.putAll(env);
        EngineSpawner spawner = new EngineSpawner(installation.setsid(), program, argv, processEnv,
                settings.workingDirectory(), logFile, name, log, wakeup, Clock.systemUTC(), mask);
        EngineProcess p = spawner.spawn(0);
        processes.add(p);
        log.info("group", "started " + name + " (pid " + p.pid() + ")", Map.of("argv", shown));
    }

    private boolean healthy() throws InterruptedException {
        return health.check(settings.base()).isPresent();
    }

    /** Waits for {@code done}, failing on a signal, the timeout, a lost rank or a dead process. */
    private void await(Condition done, Failure lost, String what, long start) throws Exception {
        while (!done.met()) {
            checkGroup(lost);
            checkStopAndTimeout(start, what);
            wakeup.sleep(TICK);
        }
    }

    /** Keeps watching until something fails or a signal arrives. */
    private int supervise(Failure lost, Runnable everyTick) throws Exception {
        while (true) {
            if (stop.requested()) {
                return stop.signal().orElseThrow().exitCode();
            }
            checkGroup(lost);
            everyTick.run();
            wakeup.sleep(TICK);
        }
    }

    private void checkGroup(Failure lost) {
        lost.why().ifPresent(why -> {
            throw new ExitException(ExitCodes.FAILURE, "the group failed: " + why + "; stopping this rank");
        });
        for (EngineProcess p : processes) {
            if (!p.alive()) {
                throw new ExitException(ExitCodes.FAILURE, "the group failed: pid " + p.pid() + " on rank " + role.rank()
                        + " " + p.describeExit() + "; stopping this rank");
            }
        }
    }

    private void checkStopAndTimeout(long start, String what) {
        stop.signal().ifPresent(s -> {
            throw new ExitException(s.exitCode(), "stopped by " + s.label() + " while waiting for " + what);
        });
        if (System.nanoTime() - start > settings.timeout().toNanos()) {
            throw new ExitException(ExitCodes.FAILURE, "gave up after " + settings.timeout().toSeconds()
                    + " s (--timeout) waiting for " + what);
        }
    }

    private void stopAll() throws InterruptedException {
        for (int i = processes.size() - 1; i >= 0; i--) {
            processes.get(i).stop(settings.grace(), stop::urgent);
        }
    }

    @FunctionalInterface
    private interface Condition {
        boolean met() throws Exception;
    }

    @FunctionalInterface
    private interface Failure {
        Optional<String> why();
    }
}
