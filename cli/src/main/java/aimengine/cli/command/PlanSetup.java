package aimengine.cli.command;

import aimengine.cache.CacheRoot;
import aimengine.cli.CliContext;
import aimengine.data.DataLoader;
import aimengine.engine.EngineCommandBuilder;
import aimengine.engine.FlagCatalogs;
import aimengine.hardware.HardwareCatalog;
import aimengine.model.ModelResolver;
import aimengine.plan.Plan;
import aimengine.plan.Planner;
import aimengine.probe.HostProfile;
import aimengine.probe.HostView;
import aimengine.rules.RuleBases;
import aimengine.rules.RuleCache;

/** Builds the planner and the host view from the plan options, and plans. Shared by plan, config and run. */
public final class PlanSetup {
    private final CliContext context;
    private final PlanMixin options;
    private final DataLoader data;
    private HardwareCatalog hardware;

    public PlanSetup(CliContext context, PlanMixin options) {
        this.context = context;
        this.options = options;
        this.data = new DataLoader(options.data.toOptions(context.workingDirectory()));
    }

    public HardwareCatalog hardware() {
        if (hardware == null) {
            hardware = data.hardware();
        }
        return hardware;
    }

    public CacheRoot cacheRoot() {
        return CacheRoot.resolve(options.cacheDir, context.env(), context.home());
    }

    public HostView host() {
        if (options.host != null) {
            return new HostProfile(hardware()).read(context.workingDirectory().resolve(options.host));
        }
        throw new ExitException(ExitCodes.BAD_INPUT, "--host FILE is required until GPU detection is available");
    }

    public Plan plan(int port, String bindAddress) {
        HostView host = host();
        Planner planner = new Planner(RuleBases.load(data, RuleCache.defaultRoot(context.env(), context.home())),
                hardware(), data.recipes(hardware()), new ModelResolver(cacheRoot(), data.models()),
                new EngineCommandBuilder(FlagCatalogs.builtin()::newest));
        return planner.plan(options.request(), host, port, bindAddress);
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
            throw new aimengine.yaml.InputException("DEFAULT_PORT=" + p + ": must be a port number (1-65535)");
        }
    }
}
