package aimengine.cli.command;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.Command;

/** The subcommand table names each command as its @Command does, so that finding the one being run needs no reflection. */
class SubcommandNamesTest {
    @Test
    void eachNameIsItsCommandsName() {
        for (Map.Entry<String, Class<?>> e : AimEngineCommand.SUBCOMMANDS.entrySet()) {
            assertEquals(e.getValue().getAnnotation(Command.class).name(), e.getKey(), e.getValue().getName());
        }
    }
}
