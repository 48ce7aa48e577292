package aimengine.bench.hello;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The start-up floor: the smallest picocli application shaped like aim-engine (a root command and a plan
 * subcommand with a few options). Whatever aim-engine takes beyond this is its own cost.
 */
@Command(name = "hello", mixinStandardHelpOptions = true, subcommands = HelloMain.Plan.class)
public final class HelloMain implements Callable<Integer> {

    @Command(name = "plan", mixinStandardHelpOptions = true, description = "Says hello.")
    static final class Plan implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "MODEL")
        String model;

        @Option(names = "--output", defaultValue = "text")
        String output;

        @Override
        public Integer call() {
            System.out.println("json".equals(output) ? "{\"hello\": \"" + model + "\"}" : "hello " + model);
            return 0;
        }
    }

    @Override
    public Integer call() {
        new CommandLine(this).usage(System.out);
        return 0;
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new HelloMain()).execute(args));
    }
}
