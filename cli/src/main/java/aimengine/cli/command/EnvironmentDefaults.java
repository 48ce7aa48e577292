package aimengine.cli.command;

import aimengine.cli.base.CliContext;
import java.util.Map;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Option defaults an image sets through its environment, so that the seed's `aim-engine launch MODEL N` needs no
 * extra flag: the SGLang image sets AIM_BACKEND=sglang. A flag given on the command line still wins.
 */
final class EnvironmentDefaults implements IDefaultValueProvider {
    /** Option name to the variable that gives its default. */
    private static final Map<String, String> VARIABLES = Map.of("--backend", "AIM_BACKEND");

    private final CliContext context;

    EnvironmentDefaults(CliContext context) {
        this.context = context;
    }

    @Override
    public String defaultValue(ArgSpec arg) {
        if (arg instanceof OptionSpec option) {
            String variable = VARIABLES.get(option.longestName());
            if (variable != null) {
                return context.env(variable, null);
            }
        }
        return null;
    }
}
