package io.loopguard.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loopguard.scenarios.BlockingCallsIn;
import io.loopguard.scenarios.SleepOnMainThread;
import io.loopguard.scenarios.SleepOnUnnamedThread;
import io.loopguard.testkit.ForkedJvm;
import io.loopguard.testkit.Jdk;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Options that were once swallowed without a word, each now taken as meant or refused in one line (the
 * parser's every case: {@code OptionsParserTest}; generated strings: {@code OptionsParserPropertyTest}).
 */
class SwallowedOptionsIT {

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.loopguard.testkit.Jdk#all")
    void aKeyNotInLowerCaseIsAKeyNotPartOfTheRegexBeforeIt(Jdk jdk) {
        ForkedJvm.Run run = ForkedJvm.on(jdk).agentOptions("threads=main,Mode=strict")
                .run(SleepOnMainThread.class).assertSucceeded();
        assertTrue(run.stdout().contains("RESULT sleep threw io.loopguard.BlockingCallError"),
                "main is designated and the mode is strict\n" + run);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.loopguard.testkit.Jdk#all")
    void anEmptyThreadsOptionDesignatesNoThreadAndSaysSo(Jdk jdk) {
        ForkedJvm.Run run = ForkedJvm.on(jdk).agentOptions("threads=")
                .run(SleepOnUnnamedThread.class).assertSucceeded();
        assertEquals(0, run.events().blockingCalls().size(), "a thread named '' is not designated\n" + run);
        assertOneLine(run, "loopguard: option threads: needs a Java regex");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.loopguard.testkit.Jdk#all")
    void aListKeepsItsGoodEntriesAndEveryOtherProblemIsOneLine(Jdk jdk) throws Exception {
        // Written to a UTF-8 file: a command line would turn non-ASCII digits into '?' in a C locale.
        Path config = Files.writeString(Files.createTempFile("loopguard-", ".properties"), "metrics-port=\u0661\u0669\u0664\u0660\u0666\n",
                StandardCharsets.UTF_8);
        ForkedJvm.Run run = ForkedJvm.on(jdk).agentOptions("allow=io.loopguard.scenarios.AllowedBlocking#run;No pe,"
                        + "mode=strict,mode=report,metrics-host=0.0.0.0,config=" + config)
                .run(BlockingCallsIn.class, "allowed-on-event-loop", "1", "threadSleep").assertSucceeded();
        assertTrue(run.stdout().contains("RESULT threadSleep ok"), "mode=report was used\n" + run);
        assertEquals(0, run.events().blockingCalls().size(), "the good entry of allow was kept\n" + run);
        assertOneLine(run, "loopguard: option allow: 'No pe' is not a rule: 'No pe' is not a class name");
        assertOneLine(run, "loopguard: option mode: given more than once; 'report', from the agent argument, is used");
        assertOneLine(run, "loopguard: option metrics-port (in " + config + "): '");
        assertTrue(run.stderr().contains("is not a port number"), run.stderr());
        assertOneLine(run, "loopguard: option metrics-host: has no effect without metrics-port");
    }

    private static void assertOneLine(ForkedJvm.Run run, String start) {
        assertEquals(1, run.stderr().lines().filter(line -> line.startsWith(start)).count(),
                "expected exactly one line starting with: " + start + "\n" + run.stderr());
    }
}
