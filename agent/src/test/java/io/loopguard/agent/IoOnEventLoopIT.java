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
 * File, socket, name-resolution, process and client I/O on a Netty event loop is reported at the
 * application's call site with the operation named; the same calls on a plain thread are not, and
 * neither are the calls Loopguard decides not to report (console writes, file metadata, ...).
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
        // Clients: connect, write and read, all at the line in the application that used the client.
        for (Map.Entry<String, String> call : IoBlockers.CLIENTS.entrySet()) {
            Set<String> operations = run.events().atCallSite(SCENARIO, call.getKey()).stream()
                    .map(e -> e.path("operation").asText()).collect(Collectors.toSet());
            assertTrue(operations.contains(call.getValue()), call.getKey() + ": " + operations + "\n" + run.events());
        }
        assertVia(run, "jdbcQuery", "org.postgresql.jdbc.PgStatement.executeQuery", "the PostgreSQL JDBC driver");
        assertVia(run, "jedisCommand", "redis.clients.jedis.Jedis.set", "a Redis client");
        assertTrue(run.events().blockingCalls().stream().allMatch(e -> e.path("callSite").asText().startsWith(SCENARIO + ".")),
                "nothing but the scenario's calls is reported (not Netty, not the helpers)\n" + run.events());
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
        return Stream.of(IoBlockers.OPERATIONS.keySet().stream(), IoBlockers.CLIENTS.keySet().stream(),
                Stream.of(IoBlockers.NON_BLOCKING)).flatMap(s -> s);
    }

    private static void assertCompleted(ForkedJvm.Run run, Stream<String> calls) {
        calls.forEach(call -> assertTrue(run.stdout().contains("RESULT " + call + " ok"), call + " did not complete\n" + run));
    }

    /** The client's method is shown as {@code via}, and the report names the library the call blocks in. */
    private static void assertVia(ForkedJvm.Run run, String call, String via, String library) {
        List<JsonNode> found = run.events().atCallSite(SCENARIO, call);
        assertFalse(found.isEmpty(), call);
        assertTrue(found.stream().anyMatch(e -> e.path("via").asText().equals(via)), via + "\n" + found);
        assertTrue(found.stream().allMatch(e -> e.path("acceptWith").asText().startsWith("the call blocks inside "
                + library + ": moving the call off this thread is better; to accept it instead: allow=")), library + "\n" + found);
    }
}
