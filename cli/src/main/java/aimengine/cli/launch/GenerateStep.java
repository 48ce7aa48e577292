package aimengine.cli.launch;

import aimengine.engine.Backend;
import aimengine.engine.EngineFlags;
import aimengine.engine.EngineSetting;
import aimengine.engine.FlagCatalog;
import aimengine.engine.FlagValidator;
import aimengine.generate.EngineCommand;
import aimengine.generate.EngineCommandBuilder;
import aimengine.generate.NodeGroupCommand;
import aimengine.generate.EngineEnvironment;
import aimengine.generate.EngineOverrides;
import aimengine.generate.OverrideMerger;
import aimengine.hardware.Hardware;
import aimengine.io.InputException;
import aimengine.io.InputProblem;
import aimengine.plan.Plan;
import aimengine.plan.SelectedPlan;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Turns the plan into the engine's argv and environment with the user's overrides merged in (recipe &lt; overrides
 * &lt; system flags), every flag checked against the flags of the engine version that will run.
 */
public final class GenerateStep implements Step {
    private final EngineOverrides overrides;
    private final Function<Backend, FlagCatalog> catalogs;
    private final FlagValidator validator;
    private final Function<String, Hardware> hardware;
    private final EngineSecrets secrets;
    private final LaunchSettings settings;
    private final EventLog log;

    /**
     * @param catalogs the flag catalog of the engine version that will run (--engine-version, installed, newest)
     * @param hardware the hardware catalog's entry for a product key
     * @param secrets  the API key and Hugging Face token the engine gets, never shown
     */
    public GenerateStep(EngineOverrides overrides, Function<Backend, FlagCatalog> catalogs, FlagValidator validator,
                        Function<String, Hardware> hardware, EngineSecrets secrets, LaunchSettings settings,
                        EventLog log) {
        this.secrets = secrets;
        this.overrides = overrides;
        this.catalogs = catalogs;
        this.validator = validator;
        this.hardware = hardware;
        this.settings = settings;
        this.log = log;
    }

    @Override
    public String name() {
        return "generate";
    }

    @Override
    public List<ResultKey<?>> needs() {
        return List.of(LaunchKeys.PLAN);
    }

    @Override
    public ResultKey<?> gives() {
        return LaunchKeys.COMMAND;
    }

    @Override
    public String run(StepResults results) {
        Plan plan = results.get(LaunchKeys.PLAN);
        SelectedPlan s = plan.selected();
        Backend backend = s.variant().backend();
        FlagCatalog catalog = catalogs.apply(backend);
        refuseTrustOverrides(backend);
        OverrideMerger.Merged merged = new OverrideMerger(validator, catalog).merge(s.recipe(), s.variant(), overrides);
        merged.warnings().forEach(w -> log.warn(name(), w, null));
        // A context the user sets explicitly wins over the shorter one the plan chose to make the model fit.
        boolean userContext = overrides.sets(backend.profile().names(EngineSetting.CONTEXT_LENGTH));
        int imposed = s.shortened() && !userContext ? s.maxModelLen() : 0;
        Hardware hw = hardware.apply(s.candidate().hardware());
        EngineCommand command = new EngineCommandBuilder(b -> catalog).build(s.recipe(), merged.variant(), hw,
                new EngineCommandBuilder.Target(s.checkpoint(), plan.request().model(), imposed, settings.port(), settings.bind()));
        if (s.span().nodes() > 1) {
            command = NodeGroupCommand.forGroup(command, backend, s.span());
        }
        if (settings.offline()) {
            command = command.withEnv("HF_HUB_OFFLINE", "1");
        }
        command = secrets.protect(command);
        if (!secrets.hasApiKey() && !loopback(settings.bind())) {
            log.warn(name(), "the engine's API is open to the network: it listens on " + settings.bind() + " without"
                    + " an API key; give one with --api-key-file, AIM_API_KEY_FILE or AIM_API_KEY", null);
        }
        List<String> envProblems = EngineEnvironment.problems(command.env());
        if (!envProblems.isEmpty()) {
            throw new InputException(envProblems.stream()
                    .map(m -> new InputProblem("engine environment (recipe " + s.recipe().source() + ")", 0, m)).toList());
        }
        results.put(LaunchKeys.COMMAND, command);
        log.debug(name(), "engine command generated", Map.of("argv", command.shown().argv(), "catalog", catalog.label()));
        return command.argv().size() + " arguments, " + command.env().size() + " environment variables, flags checked"
                + " against " + catalog.label() + (overrides.all().isEmpty() ? "" : ", " + overrides.all().size()
                + " override(s)");
    }

    /**
     * Flags that carry a secret or lift the trust policy are aim-engine's to set: an override would put a key on the
     * command line, or run the model's own code without the operator's --trust-remote-code on this command.
     */
    private void refuseTrustOverrides(Backend backend) {
        List<InputProblem> problems = new ArrayList<>();
        for (EngineOverrides.Override o : overrides.all()) {
            if (backend.profile().isSecretFlag(o.flag())) {
                // The origin of an --engine-arg holds the value: it must not reach the error message either.
                problems.add(new InputProblem(o.origin().replace(String.valueOf(o.value()), EngineCommand.MASK), 0,
                        o.flag() + " carries a secret and would be on the engine's command line; give the API key with"
                        + " --api-key-file, AIM_API_KEY_FILE or AIM_API_KEY, the Hugging Face token as HF_TOKEN"));
            } else if (EngineFlags.sameFlag(o.flag(), "--trust-remote-code")) {
                problems.add(new InputProblem(o.origin(), 0, "the trust policy decides whether the model's code runs;"
                        + " use aim-engine's --trust-remote-code"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InputException(problems);
        }
    }

    /** Whether an address only accepts connections from this host. */
    static boolean loopback(String bind) {
        return bind.equals("localhost") || bind.startsWith("127.") || bind.equals("::1") || bind.equals("[::1]");
    }
}
