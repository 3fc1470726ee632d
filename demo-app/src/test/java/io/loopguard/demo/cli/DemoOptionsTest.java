package io.loopguard.demo.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The command line: defaults, both spellings of an option, and a sentence for every mistake. */
class DemoOptionsTest {

    @Test
    void noArgumentsIsTheShowWithItsDefaults() {
        DemoOptions options = DemoOptions.parse();
        assertEquals("show", options.command());
        assertEquals(1, options.eventLoops());
        assertEquals("legacy", options.backend());
        assertEquals(Duration.ofSeconds(2), options.callTime());
        assertEquals(List.of("blocking", "offload", "async"), options.modes());
    }

    @Test
    void optionsTakeTheirValueAfterASpaceOrAnEqualsSign() {
        DemoOptions options = DemoOptions.parse("load", "--rate", "60", "--duration=1.5s", "--work-time", "20ms", "--modes=async");
        assertEquals("load", options.command());
        assertEquals(60, options.rate());
        assertEquals(Duration.ofMillis(1500), options.duration());
        assertEquals(Duration.ofMillis(20), options.workTime());
        assertEquals(List.of("async"), options.modes());
    }

    @Test
    void everyMistakeIsNamedInASentence() {
        assertEquals("unknown option --rat; see --help", message("--rat", "5"));
        assertEquals("unknown command 'shwo'; commands: [show, serve, experiment, load]", message("shwo"));
        assertEquals("option --duration: 'ten' is not a duration like 250ms, 2s or 1m", message("--duration", "ten"));
        assertEquals("option --event-loops: must be at least 1", message("--event-loops", "0"));
        assertEquals("option --backend: 'mysql' is not one of [legacy, postgres]", message("--backend", "mysql"));
        assertEquals("option --modes: 'sync' is not one of [blocking, offload, async]", message("--modes", "blocking,sync"));
        assertEquals("option --port needs a value", message("--port"));
    }

    private static String message(String... args) {
        return assertThrows(IllegalArgumentException.class, () -> DemoOptions.parse(args)).getMessage();
    }
}
