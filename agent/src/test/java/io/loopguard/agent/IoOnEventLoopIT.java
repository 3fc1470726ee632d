package io.loopguard.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.loopguard.scenarios.BlockingCallsIn;
import io.loopguard.scenarios.IoBlockers;
import io.loopguard.testkit.ForkedJvm;
import io.loopguard.testkit.Jdk;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * File, file-system metadata, socket, selector, name-resolution, process and client I/O on a Netty event loop
 * is reported at the application's call site with the operation named, and so is a static initialiser's
 * blocking; the same calls on a plain thread are not, and neither are the calls Loopguard decides not to
 * report (console writes, class loading, a static initialiser reading its resources, selectNow, ...).
 */
class IoOnEventLoopIT {
    private static final String SCENARIO = IoBlockers.class.getName();

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.loopguard.testkit.Jdk#all")
    void everyIoCallOnANettyEventLoopIsReportedAtTheApplicationsCallSite(Jdk jdk) {
        ForkedJvm.Run run = runAllCalls(jdk, "event-loop");
        for (Map.Entry<String, String> call : IoBlockers.OPERATIONS.entrySet()) {
            List<JsonNode> found = run.events().atCallSite(SCENARIO, call.getKey());
            assertEquals(1, found.size(), call.getKey() + " should be reported exactly once\n" + run.events());
            assertEquals(call.getValue(), found.get(0).path("operation").asText(), call.getKey());
            assertTrue(found.get(0).path("thread").asText().startsWith("multiThreadIoEventLoopGroup-"),
                    found.get(0).toString());
        }
        for (String call : IoBlockers.NON_BLOCKING) {
            assertTrue(run.events().atCallSite(SCENARIO, call).isEmpty(),
                    call + " must not be reported\n" + run.events());
        }
        // Clients (connect, write and read) and walks, all at the line in the application that made the call.
        for (Map.Entry<String, String> call : IoBlockers.SEVERAL_REPORTS.entrySet()) {
            Set<String> operations = run.events().atCallSite(SCENARIO, call.getKey()).stream()
                    .map(e -> e.path("operation").asText()).collect(Collectors.toSet());
            assertTrue(operations.contains(call.getValue()), call.getKey() + ": " + operations + "\n" + run.events());
        }
        // A static initialiser's own blocking, at its line; not the class loading before it.
        for (Map.Entry<String, String> initializer : IoBlockers.IN_STATIC_INITIALIZERS.entrySet()) {
            List<JsonNode> found = run.events().atCallSite(SCENARIO + "$" + initializer.getKey(), "<clinit>");
            assertEquals(1, found.size(), initializer.getKey() + " should be reported exactly once\n" + run.events());
            assertEquals(initializer.getValue(), found.get(0).path("operation").asText(), initializer.getKey());
        }
        assertVia(run, "jdbcQuery", "org.postgresql.jdbc.PgStatement.executeQuery", "the PostgreSQL JDBC driver");
        assertVia(run, "jedisCommand", "redis.clients.jedis.Jedis.set", "a Redis client");
        // The public types the application called, not the JDK's implementations of them.
        assertVia(run, "httpUrlConnectionGet", "java.net.URLConnection.getInputStream");
        assertVia(run, "fileExists", null);
        assertVia(run, "httpClientSend", null);
        assertVia(run, "filesExists", "java.nio.file.Files.exists");
        assertVia(run, "fileMkdirs", null);
        assertVia(run, "filesDeleteIfExists", "java.nio.file.Files.deleteIfExists");
        assertVia(run, "filesNewInputStreamRead", "java.io.InputStream.read");
        assertTrue(run.events().blockingCalls().stream().allMatch(e -> e.path("callSite").asText().startsWith(SCENARIO)),
                "nothing but the scenario's calls is reported (not Netty, not the helpers)\n" + run.events());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.loopguard.testkit.Jdk#all")
    void aTeamAcceptsFileMetadataWithOneOption(Jdk jdk) {
        List<String> metadata = List.of("fileExists", "fileListFiles", "filesSize", "filesWalk", "filesDelete");
        ForkedJvm.Run run = ForkedJvm.on(jdk).agentOptions("accept=file-metadata")
                .run(BlockingCallsIn.class, BlockingCallsOnEventLoopIT.args("event-loop", 1,
                        Stream.concat(metadata.stream(), Stream.of("filesReadAllBytes")))).assertSucceeded();
        assertCompleted(run, metadata.stream());
        List<JsonNode> reported = run.events().blockingCalls();
        assertEquals(1, reported.size(), "only the file read is reported\n" + run.events());
        assertEquals("java.nio.file.Files.readAllBytes", reported.get(0).path("operation").asText());
        assertFalse(run.stderr().contains("NOT probed"), "an accepted kind is not a probe that failed\n" + run.stderr());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.loopguard.testkit.Jdk#all")
    void strictModeReportsAStaticInitializersBlockingWithoutBreakingTheClass(Jdk jdk) {
        ForkedJvm.Run run = ForkedJvm.on(jdk).agentOptions("mode=strict")
                .run(BlockingCallsIn.class, "event-loop", "1", "SleepingInitializer").assertSucceeded();
        assertTrue(run.stdout().contains("RESULT SleepingInitializer ok"), run.toString());
        assertEquals(1, run.events().atCallSite(SCENARIO + "$SleepingInitializer", "<clinit>").size(), run.events().toString());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.loopguard.testkit.Jdk#all")
    void consoleReadsAreCaughtOnAnEventLoopAndNotOnAPlainThread(Jdk jdk) {
        ForkedJvm.Run run = ForkedJvm.on(jdk).inTerminal().stdin("typed\n")
                .run(BlockingCallsIn.class, "event-loop", "1", "consoleReadLine").assertSucceeded();
        assertTrue(run.stdout().contains("RESULT consoleReadLine ok"), run.toString());
        List<JsonNode> found = run.events().atCallSite(SCENARIO, "consoleReadLine");
        assertEquals(1, found.size(), run.events().toString());
        assertEquals(IoBlockers.IN_A_TERMINAL.get("consoleReadLine"), found.get(0).path("operation").asText());

        ForkedJvm.Run plain = ForkedJvm.on(jdk).inTerminal().stdin("typed\n")
                .run(BlockingCallsIn.class, "thread:plain-worker", "1", "consoleReadLine").assertSucceeded();
        assertTrue(plain.stdout().contains("RESULT consoleReadLine ok"), plain.toString());
        assertEquals(0, plain.events().all().size(), plain.events().toString());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.loopguard.testkit.Jdk#all")
    void theSameCallsOnAPlainThreadAreNotReported(Jdk jdk) {
        ForkedJvm.Run run = runAllCalls(jdk, "thread:plain-worker");
        assertEquals(0, run.events().all().size(), run.events().toString());
        assertTrue(run.stderr().contains("loopguard: summary: no blocking calls"), run.stderr());
    }

    private static ForkedJvm.Run runAllCalls(Jdk jdk, String where) {
        ForkedJvm.Run run = ForkedJvm.on(jdk).stdin("a line for System.in\n")
                .run(BlockingCallsIn.class, BlockingCallsOnEventLoopIT.args(where, 1, allCalls())).assertSucceeded();
        assertCompleted(run, allCalls());
        return run;
    }

    private static Stream<String> allCalls() {
        return Stream.of(IoBlockers.OPERATIONS.keySet().stream(), IoBlockers.SEVERAL_REPORTS.keySet().stream(),
                IoBlockers.IN_STATIC_INITIALIZERS.keySet().stream(), Stream.of(IoBlockers.NON_BLOCKING)).flatMap(s -> s);
    }

    private static void assertCompleted(ForkedJvm.Run run, Stream<String> calls) {
        calls.forEach(call -> assertTrue(run.stdout().contains("RESULT " + call + " ok"), call + " did not complete\n" + run));
    }

    /** Some report of {@code call} names {@code via} as what the application called ({@code null}: none, the operation is). */
    private static void assertVia(ForkedJvm.Run run, String call, String via) {
        List<JsonNode> found = run.events().atCallSite(SCENARIO, call);
        assertFalse(found.isEmpty(), call);
        assertTrue(found.stream().anyMatch(e -> via == null ? !e.hasNonNull("via") : e.path("via").asText().equals(via)),
                call + ": " + via + "\n" + found);
    }

    /** As {@link #assertVia(ForkedJvm.Run, String, String)}, and every report names the library the call blocks in. */
    private static void assertVia(ForkedJvm.Run run, String call, String via, String library) {
        assertVia(run, call, via);
        assertTrue(run.events().atCallSite(SCENARIO, call).stream().allMatch(e -> e.path("acceptWith").asText().startsWith(
                "the call blocks inside " + library + ": moving the call off this thread is better; to accept it instead: allow=")),
                library + "\n" + run.events().atCallSite(SCENARIO, call));
    }
}
