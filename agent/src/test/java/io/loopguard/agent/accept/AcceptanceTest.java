package io.loopguard.agent.accept;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AcceptanceTest {
    private static final String SLEEP = "java.lang.Thread.sleep";
    private static final String LOOP = "nioEventLoopGroup-2-1";
    private static final StackTraceElement HANDLER = frame("com.acme.Handler", "channelRead");
    private static final StackTraceElement CACHE = frame("com.acme.Cache", "load");

    @TempDir
    Path dir;
    private final List<String> lines = new ArrayList<>();

    private static StackTraceElement frame(String className, String method) {
        return new StackTraceElement(className, method, className.substring(className.lastIndexOf('.') + 1) + ".java", 7);
    }

    @Test
    void aRuleThatMatchedIsNotNamedAtExitAndOneThatDidNotIs() {
        Acceptance acceptance = Acceptance.of(List.of(AcceptRule.parse("com.acme.Cache#load"),
                AcceptRule.parse("com.acme.Gone#never")), List.of(), null, null, lines::add);
        assertTrue(acceptance.allows(SLEEP, null, LOOP, List.of(CACHE, HANDLER)));
        assertFalse(acceptance.allows(SLEEP, null, LOOP, List.of(HANDLER)));
        acceptance.atExit(rule -> false, lines::add);
        assertEquals(List.of("allow rule com.acme.Gone#never matched nothing during this run: remove it?"), lines);
    }

    @Test
    void aPackAcceptsWhatItsRulesName() {
        Acceptance acceptance = Acceptance.of(List.of(), List.of("logback"), null, null, lines::add);
        List<StackTraceElement> appending = List.of(frame("ch.qos.logback.core.OutputStreamAppender", "writeBytes"),
                HANDLER);
        assertTrue(acceptance.allows("java.io.FileOutputStream.write", null, LOOP, appending));
        assertFalse(acceptance.allows(SLEEP, null, LOOP, appending), "only the operations the pack names");
        acceptance.atExit(rule -> false, lines::add);
        assertEquals(List.of(), lines, "a pack's rules that matched nothing are not named");
    }

    @Test
    void everyPackParsesAndGivesEachRuleAReason() {
        for (String pack : AllowPacks.NAMES) {
            List<AllowPacks.PackRule> rules = AllowPacks.rules(pack);
            assertFalse(rules.isEmpty(), pack);
            rules.forEach(rule -> assertTrue(rule.reason().length() > 20, pack + ": " + rule));
        }
    }

    @Test
    void aWrittenBaselineMakesTheSameFindingsKnownAndListsTheOnesThatDidNotRecur() throws IOException {
        Path file = dir.resolve("loopguard-baseline.txt");
        Acceptance first = Acceptance.of(List.of(), List.of(), null, file, lines::add);
        assertFalse(first.judge(SLEEP, LOOP, HANDLER, null).baseline());
        assertFalse(first.judge(SLEEP, "nioEventLoopGroup-2-2", CACHE, null).baseline());
        first.atExit(rule -> false, lines::add);
        assertEquals(List.of("baseline written to " + file + ": 2 known call sites, 2 of them new in this run"), lines);
        String text = Files.readString(file);
        assertTrue(text.contains("\njava.lang.Thread.sleep | com.acme.Cache#load | nioEventLoopGroup-* | reason: \n"
                + "java.lang.Thread.sleep | com.acme.Handler#channelRead | nioEventLoopGroup-* | reason: \n"), text);

        Files.writeString(file, text.replace("Cache#load | nioEventLoopGroup-* | reason: ",
                "Cache#load | nioEventLoopGroup-* | reason: until the cache is async"));
        lines.clear();
        Acceptance second = Acceptance.of(List.of(), List.of(), file, file, lines::add);
        assertTrue(second.judge(SLEEP, "nioEventLoopGroup-3-1", HANDLER, null).baseline(), "same family");
        assertFalse(second.judge(SLEEP, "worker-1", HANDLER, null).baseline(), "another family");
        assertFalse(second.judge("java.lang.Object.wait", LOOP, HANDLER, null).baseline(), "another operation");
        second.atExit(rule -> false, lines::add);
        assertEquals(List.of("baseline " + file + ": java.lang.Thread.sleep | com.acme.Cache#load | nioEventLoopGroup-*"
                        + " did not occur during this run: fixed? then delete its line",
                "baseline written to " + file + ": 4 known call sites, 2 of them new in this run"), lines);
        assertTrue(Files.readString(file).contains("Cache#load | nioEventLoopGroup-* | reason: until the cache is async\n"),
                "reasons are kept");
    }

    @Test
    void writingIntoAnotherBaselineNamesItsLinesThatDidNotRecurAndKeepsThem() throws IOException {
        Path file = dir.resolve("staging-baseline.txt");
        Files.writeString(file, "java.lang.Thread.sleep | com.acme.Cache#load | nioEventLoopGroup-* | reason: warm-up\n");
        Acceptance acceptance = Acceptance.of(List.of(), List.of(), null, dir.resolve("./staging-baseline.txt"),
                lines::add);
        acceptance.judge(SLEEP, LOOP, HANDLER, null);
        acceptance.atExit(rule -> false, lines::add);
        assertEquals(List.of("baseline " + dir.resolve("./staging-baseline.txt") + ": java.lang.Thread.sleep |"
                        + " com.acme.Cache#load | nioEventLoopGroup-* did not occur during this run: fixed? then delete"
                        + " its line",
                "baseline written to " + dir.resolve("./staging-baseline.txt") + ": 2 known call sites, 1 of them new"
                        + " in this run"), lines);
        assertTrue(Files.readString(file).contains("com.acme.Cache#load | nioEventLoopGroup-* | reason: warm-up\n"));
    }

    @Test
    void aBadBaselineLineIsNamedByFileAndLineAndTheOthersApply() throws IOException {
        Path file = dir.resolve("baseline.txt");
        Files.writeString(file, """
                # comment
                java.lang.Thread.sleep | com.acme.Handler#channelRead | nioEventLoopGroup-* | reason: legacy
                java.lang.Thread.sleep com.acme.Cache#load
                java.lang.Thread.sleep | com.acme.Cache#load | nioEventLoopGroup-*
                """);
        Acceptance acceptance = Acceptance.of(List.of(), List.of(), file, null, lines::add);
        assertEquals(List.of("baseline " + file + ":3: the line has 1 column, not 'operation | call site | thread family"
                + " | reason: ...'; it is left out, the other lines apply"), lines);
        assertTrue(acceptance.judge(SLEEP, LOOP, HANDLER, null).baseline());
        assertTrue(acceptance.judge(SLEEP, LOOP, CACHE, null).baseline(), "the reason is optional");
    }

    @Test
    void theVerdictEndsWithTheNarrowestRuleAndNamesTheLibrary() {
        Acceptance acceptance = Acceptance.of(List.of(), List.of(), null, null, lines::add);
        assertEquals("fixing the call is better; to accept it instead:"
                        + " allow=java.lang.Thread.sleep@com.acme.Handler#channelRead on nioEventLoopGroup-*",
                acceptance.judge(SLEEP, LOOP, HANDLER, null).acceptWith());
        String library = acceptance.judge("java.net.SocketInputStream.read", "event loop 7", HANDLER,
                "the PostgreSQL JDBC driver").acceptWith();
        assertEquals("the call blocks inside the PostgreSQL JDBC driver: moving the call off this thread is better;"
                + " to accept it instead: allow=java.net.SocketInputStream.read@com.acme.Handler#channelRead on event*loop*", library);
        String rule = library.substring(library.indexOf("allow=") + "allow=".length());
        assertTrue(AcceptRule.parse(rule).accepts("java.net.SocketInputStream.read", null, "event loop 7",
                List.of(HANDLER)), "the rule suggested accepts the finding");
    }
}
