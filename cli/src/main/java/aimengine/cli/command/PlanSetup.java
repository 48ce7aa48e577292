package aimengine.cli.command;

import aimengine.cache.CacheRoot;
import aimengine.cache.CheckpointStatus;
import aimengine.cli.base.AimPaths;
import aimengine.cli.base.CliContext;
import aimengine.cli.base.EarlyRuleBase;
import aimengine.cli.base.ExitCodes;
import aimengine.cli.base.ExitException;
import aimengine.cli.launch.EngineSecrets;
import aimengine.data.DataLoader;
import aimengine.data.DataOptions;
import aimengine.deploy.DeploySizing;
import aimengine.engine.Backend;
import aimengine.engine.FlagCatalogs;
import aimengine.facts.EngineVersion;
import aimengine.facts.TrustRequest;
import aimengine.generate.EngineCommandBuilder;
import aimengine.hardware.HardwareCatalog;
import aimengine.hardware.Precision;
import aimengine.model.ModelResolver;
import aimengine.model.hub.HubClient;
import aimengine.model.hub.HubException;
import aimengine.model.hub.HubFacts;
import aimengine.model.hub.HubSettings;
import aimengine.plan.Plan;
import aimengine.plan.Planner;
import aimengine.plan.SelectedPlan;
import aimengine.plan.TrustInputs;
import aimengine.probe.Detection;
import aimengine.probe.HostProfile;
import aimengine.rules.RuleBase;
import aimengine.probe.HostView;
import aimengine.probe.MissingGpus;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Builds the planner and the host view from the plan options, and plans. Shared by plan, config and run. */
public final class PlanSetup {
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(5);
    private final CliContext context;
    private final PlanMixin options;
    private final DataLoader data;
    /** Started when the command starts, so that it builds while the host and the data are read. */
    private final RuleBase rules;
    private final boolean offline;
    private HardwareCatalog hardware;

    /** @param offline run's --offline: the Hub may not be asked for model facts */
    public PlanSetup(CliContext context, PlanMixin options, boolean offline) {
        this.context = context;
        this.options = options;
        this.data = DataLoaders.of(options.data, context);
        EarlyRuleBase early = context.earlyRules();
        DataOptions parsed = data.options();
        this.rules = early != null && early.isFor(parsed.rulesDirs(), parsed.builtinRules()) ? early.ruleBase()
                : data.ruleBase(AimPaths.of(context).cache());
        this.offline = offline;
    }

    public HardwareCatalog hardware() {
        if (hardware == null) {
            hardware = data.hardware();
        }
        return hardware;
    }

    /** How deploy sizes what it writes: rules/deploy/sizing.yaml, or a --rules folder's. */
    public DeploySizing deploySizing() {
        return data.deploySizing();
    }

    public CacheRoot cacheRoot() {
        return CacheRoot.resolve(options.cacheDir, context.env(), context.home());
    }

    /**
     * The host profile when --host is given, else what the probes detect. The engine probe costs seconds
     * (import torch), so only `run` asks for it.
     */
    public HostView host(boolean engineProbe) {
        if (options.host != null) {
            return new HostProfile(hardware()).read(context.workingDirectory().resolve(options.host));
        }
        HostView detected = new Detection(hardware(), context.workingDirectory().resolve(options.root), context.env(),
                PROBE_TIMEOUT).detect(engineProbe);
        MissingGpus.problem(detected).ifPresent(message -> {
            throw new ExitException(ExitCodes.NO_PLAN, message);
        });
        return detected;
    }

    public Plan plan(int port, String bindAddress) {
        return plan(host(false), port, bindAddress);
    }

    /**
     * Plans for a host view already taken (run detects once, as its own step).
     *
     * @throws ExitException exit 1 when the Hub had to be asked for the model's facts and could not answer
     */
    public Plan plan(HostView host, int port, String bindAddress) {
        return plan(host, port, bindAddress, Optional.empty());
    }

    /**
     * Plans for a host view already taken, with the version of the installed engine when --engine-version does not
     * say which will run (run asks the engine; the advisories of that version then apply).
     *
     * @throws ExitException exit 1 when the Hub had to be asked for the model's facts and could not answer
     */
    public Plan plan(HostView host, int port, String bindAddress, Optional<String> installedVersion) {
        Path aimCache = AimPaths.of(context).cache();
        HubSettings hub = HubSettings.from(context.env(), offline);
        Planner planner = new Planner(rules, hardware(), data.recipes(hardware()),
                new ModelResolver(cacheRoot(), data.models(), new HubFacts(hub, new HubClient(hub), aimCache.resolve("hub"))),
                new EngineCommandBuilder(FlagCatalogs.builtin()::newest), trustInputs(installedVersion));
        try {
            return planner.plan(options.request(), options.nodeRequest(host.nodes()), host, port, bindAddress);
        } catch (HubException e) {
            throw new ExitException(e.kind() == HubException.Kind.FAILED ? ExitCodes.FAILURE : ExitCodes.NO_PLAN,
                    e.getMessage(), e);
        }
    }

    /**
     * The plan as plan and config show it: its command with the API key given the engine's way (masked when
     * shown). run adds the key when it generates the command; deploy never puts it in a manifest.
     */
    public Plan withSecrets(Plan plan) {
        if (!plan.feasible()) {
            return plan;
        }
        SelectedPlan s = plan.selected();
        return plan.withSelected(s.withCommand(secrets().protect(s.command())));
    }

    /** The API key (--api-key-file, AIM_API_KEY_FILE, AIM_API_KEY) and the Hugging Face token the engine gets. */
    public EngineSecrets secrets() {
        return EngineSecrets.from(options.trust.apiKeyFile, context.env(), context.workingDirectory());
    }

    /** --engine-version: the engine version that will run, or null when not given. */
    public String engineVersion() {
        return options.trust.engineVersion;
    }

    /** The engine the plan is for (--backend). */
    /**
     * The engine whose installed version matters before planning: the one asked for with --backend, else vLLM, which
     * plans prefer (policy.drl) and the images install.
     */
    public Backend backend() {
        Backend asked = Backend.parse(options.request().backend());
        return asked != null ? asked : Backend.VLLM;
    }

    /** The trust policy (--trust-policy or the built-in one) and what this command allows beyond it. */
    private TrustInputs trustInputs(Optional<String> installedVersion) {
        TrustMixin t = options.trust;
        Path policy = t.policy == null ? null : context.workingDirectory().resolve(t.policy);
        Optional<String> version = Optional.ofNullable(t.engineVersion).or(() -> installedVersion);
        List<EngineVersion> versions = version.map(v -> List.of(new EngineVersion(backend().key(), v)))
                .orElse(List.of());
        return new TrustInputs(data.trustPolicy(policy), data.nativeArchitectures(),
                new TrustRequest(t.trustRemoteCode, t.allowPickle), versions);
    }

    /** Whether the selected checkpoint is in the model cache, and how much would be downloaded. */
    public CheckpointStatus cacheStatus(Plan plan) {
        SelectedPlan s = plan.selected();
        long expected = plan.model() == null ? 0 : (long) (plan.model().totalParameters()
                * Precision.parse(s.candidate().precision()).bytesPerParameter());
        return CheckpointStatus.check(cacheRoot(), s.checkpoint(), expected);
    }

    /** The port the engine listens on: DEFAULT_PORT, else 8000. */
    public int defaultPort() {
        String p = context.env("DEFAULT_PORT", "8000");
        try {
            int port = Integer.parseInt(p.trim());
            if (port < 1 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new aimengine.io.InputException("DEFAULT_PORT=" + p + ": must be a port number (1-65535)");
        }
    }
}
