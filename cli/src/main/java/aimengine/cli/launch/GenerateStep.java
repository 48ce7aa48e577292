package aimengine.cli.launch;

import aimengine.engine.Backend;
import aimengine.engine.EngineSetting;
import aimengine.engine.FlagCatalog;
import aimengine.engine.FlagValidator;
import aimengine.generate.EngineCommand;
import aimengine.generate.EngineCommandBuilder;
import aimengine.generate.EngineEnvironment;
import aimengine.generate.EngineOverrides;
import aimengine.generate.OverrideMerger;
import aimengine.hardware.Hardware;
import aimengine.io.InputException;
import aimengine.io.InputProblem;
import aimengine.plan.Plan;
import aimengine.plan.SelectedPlan;
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
    private final LaunchSettings settings;
    private final EventLog log;

    /**
     * @param catalogs the flag catalog of the engine version that will run (--engine-version, installed, newest)
     * @param hardware the hardware catalog's entry for a product key
     */
    public GenerateStep(EngineOverrides overrides, Function<Backend, FlagCatalog> catalogs, FlagValidator validator,
                        Function<String, Hardware> hardware, LaunchSettings settings, EventLog log) {
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
        OverrideMerger.Merged merged = new OverrideMerger(validator, catalog).merge(s.recipe(), s.variant(), overrides);
        merged.warnings().forEach(w -> log.warn(name(), w, null));
        // A context the user sets explicitly wins over the shorter one the plan chose to make the model fit.
        boolean userContext = overrides.sets(backend.profile().names(EngineSetting.CONTEXT_LENGTH));
        int imposed = s.shortened() && !userContext ? s.maxModelLen() : 0;
        Hardware hw = hardware.apply(s.candidate().hardware());
        EngineCommand command = new EngineCommandBuilder(b -> catalog).build(s.recipe(), merged.variant(), hw,
                new EngineCommandBuilder.Target(s.checkpoint(), plan.request().model(), imposed, settings.port(), settings.bind()));
        if (settings.offline()) {
            command = command.withEnv("HF_HUB_OFFLINE", "1");
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
}
