package io.loopguard.agent.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class MainTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void helpListsEveryCommand() {
        assertEquals(0, run("--help"));
        for (Main.Subcommand command : Main.COMMANDS) {
            assertTrue(out().contains("  " + command.name() + " "), out());
        }
    }

    @Test
    void anUnknownCommandIsAUsageError() {
        assertEquals(Command.USAGE_ERROR, run("scna"));
        assertTrue(err().contains("there is no command 'scna'"), err());
    }

    @Test
    void noCommandPrintsTheHelpAsAnError() {
        assertEquals(Command.USAGE_ERROR, run());
        assertTrue(err().contains("Usage: java -jar loopguard-agent.jar COMMAND"), err());
    }

    @Test
    void aCommandGetsItsOwnArguments() {
        assertEquals(0, run("scan", "--help"));
        assertTrue(out().contains("Usage: java -jar loopguard-agent.jar scan"), out());
    }

    @Test
    void everyCommandClassIsACommand() {
        for (Main.Subcommand command : Main.COMMANDS) {
            assertTrue(command.create() instanceof Command, command.toString());
        }
    }

    private int run(String... args) {
        return Main.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }
}
