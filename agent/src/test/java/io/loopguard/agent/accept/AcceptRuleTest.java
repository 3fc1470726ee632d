package io.loopguard.agent.accept;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loopguard.agent.common.MethodRef;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AcceptRuleTest {
    private static final String SLEEP = "java.lang.Thread.sleep";
    private static final String READ = "java.io.FileInputStream.read";
    private static final String LOOP = "nioEventLoopGroup-2-1";

    /** A stack, innermost first, each frame {@code Class#method}. */
    private static List<StackTraceElement> stack(String... frames) {
        return java.util.Arrays.stream(frames).map(frame -> {
            int hash = frame.indexOf('#');
            return new StackTraceElement(frame.substring(0, hash), frame.substring(hash + 1), null, -1);
        }).toList();
    }

    private static final List<StackTraceElement> CONFIG_LOAD = stack("java.io.FileInputStream#read",
            "com.acme.Config#load", "com.acme.legacy.Handler#channelRead", "io.netty.channel.Loop#run");

    @ParameterizedTest(name = "{0} accepts a call in Config#load: {1}")
    @CsvSource(delimiter = '|', value = {
        "com.acme.Config#load                       | true",
        "com.acme.Config                            | true",
        "com.acme.Config#lo*                        | true",
        "com.acme.Config#save                       | false",
        "com.acme.*                                 | true",
        "com.*                                      | false",
        "com.**                                     | true",
        "*Config#load*                              | true",
        "Config#load                                | true",
        "*Handler#load                              | false",
        "com.acme.legacy.*                          | true",
        "com.acme.legacy.*#close                    | false",
        "io.netty.**                                | true",
        "org.slf4j.**                               | false",
        "java.io.FileInputStream.read@com.acme.Config#load | true",
        "java.lang.Thread.sleep@com.acme.Config#load | false",
        "java.io.*.read@com.acme.Config            | true",
        "com.acme.Config#load on nioEventLoopGroup-* | true",
        "com.acme.Config#load on nioEventLoopGroup-2-1 | true",
        "com.acme.Config#load on epollEventLoopGroup-* | false",
    })
    void matchesAnyFrameOfTheStack(String rule, boolean accepted) {
        assertEquals(accepted, AcceptRule.parse(rule).accepts(READ, null, LOOP, CONFIG_LOAD));
    }

    @Test
    void onlyARuleThatNamesOneMethodAndNothingElseIsWovenIntoIt() {
        assertEquals(new MethodRef("com.acme.LegacyCache", "load"), AcceptRule.parse("com.acme.LegacyCache#load").exactMethod());
        for (String broader : List.of("com.acme.LegacyCache", "com.acme.*#load", "*Cache#load", "com.acme.LegacyCache#load*",
                "java.lang.Thread.sleep@com.acme.LegacyCache#load", "com.acme.LegacyCache#load on worker",
                "com.acme.Config#<init>", "com.acme.Config#<clinit>")) {
            assertNull(AcceptRule.parse(broader).exactMethod(), broader);
        }
    }

    @Test
    void aSingleStarStaysWithinOnePackageLevel() {
        AcceptRule rule = AcceptRule.parse("com.acme.legacy.*");
        assertTrue(rule.accepts(SLEEP, null, LOOP, stack("com.acme.legacy.Cache#get")));
        assertTrue(rule.accepts(SLEEP, null, LOOP, stack("com.acme.legacy.Cache$Entry#get")), "a nested class");
        assertFalse(rule.accepts(SLEEP, null, LOOP, stack("com.acme.legacy.store.Cache#get")), "a sub-package");
        assertFalse(rule.accepts(SLEEP, null, LOOP, stack("com.acme.legacyx.Cache#get")));
    }

    @Test
    void aClassPatternWithoutADotNamesClassesOfAnyPackage() {
        AcceptRule rule = AcceptRule.parse("*Cache#load*");
        assertTrue(rule.accepts(SLEEP, null, LOOP, stack("com.acme.UserCache#loadAll")));
        assertTrue(rule.accepts(SLEEP, null, LOOP, stack("Cache#load")), "a class of the unnamed package");
        assertFalse(rule.accepts(SLEEP, null, LOOP, stack("com.acme.UserCache#get")));
        assertFalse(rule.accepts(SLEEP, null, LOOP, stack("com.acme.CacheLoader#load")));
    }

    @Test
    void constructorsAndStaticInitializersAreNamedAsTheJvmNamesThem() {
        List<StackTraceElement> constructing = stack("java.io.FileInputStream#read", "com.acme.Config#<init>");
        assertTrue(AcceptRule.parse("com.acme.Config#<init>").accepts(READ, null, LOOP, constructing));
        assertFalse(AcceptRule.parse("com.acme.Config#<clinit>").accepts(READ, null, LOOP, constructing));
        assertFalse(AcceptRule.parse("com.acme.Config#load").accepts(READ, null, LOOP, constructing));
    }

    @Test
    void anOperationMatchesTheProbedMethodOrTheOneTheApplicationCalled() {
        AcceptRule rule = AcceptRule.parse("java.nio.file.Files.readAllBytes@com.acme.Config");
        assertTrue(rule.accepts("java.nio.channels.FileChannel.read", "java.nio.file.Files.readAllBytes", LOOP,
                CONFIG_LOAD));
        assertFalse(rule.accepts("java.nio.channels.FileChannel.read", null, LOOP, CONFIG_LOAD));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "''                         | it names no class",
        "#load                      | it names no class",
        "com.acme.Config#           | nothing follows #",
        "com.acme.Config#lo ad      | 'lo ad' is not a method name or pattern",
        "com-acme.Config            | 'com-acme.Config' is not a class name or pattern",
        "sleep@com.acme.Config      | 'sleep' before @ is not an operation",
        "@com.acme.Config           | '' before @ is not an operation",
        "com.acme.Config#<constructor> | '<constructor>' is not a method name or pattern",
    })
    void aBadRuleSaysWhatIsWrong(String rule, String problem) {
        String message = assertThrows(IllegalArgumentException.class, () -> AcceptRule.parse(rule)).getMessage();
        assertTrue(message.startsWith("'" + rule.trim() + "' is not a rule: " + problem), message);
        assertTrue(message.endsWith("write [operation@]Class[#method][ on thread-family], e.g."
                + " java.io.FileInputStream.read@com.acme.Config#load on nioEventLoopGroup-*"), message);
    }

    @Test
    void aRuleIsItsText() {
        assertEquals("java.io.FileInputStream.read@com.acme.Config#load on loop-*",
                AcceptRule.parse(" java.io.FileInputStream.read@com.acme.Config#load on loop-* ").toString());
        assertEquals(AcceptRule.parse("a.B#c"), AcceptRule.parse("a.B#c"));
    }
}
