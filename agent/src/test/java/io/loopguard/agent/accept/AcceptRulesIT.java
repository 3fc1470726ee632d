package io.loopguard.agent.accept;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.loopguard.scenarios.AdoptionCallSites;
import io.loopguard.testkit.ForkedJvm;
import io.loopguard.testkit.Jdk;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each form of {@code allow} rule, in strict mode, on real event loops: what a rule names runs (not thrown) and is
 * not reported; the same kind of call just outside the pattern is thrown and reported; a rule that matched
 * nothing is named at exit; a rule with a syntax error is one line and the other rules apply.
 */
class AcceptRulesIT {
    private static final String LEGACY = "io.loopguard.scenarios.legacy.";
    private static final String SITES = AdoptionCallSites.class.getName();

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.loopguard.testkit.Jdk#all")
    void eachRuleAcceptsWhatItNamesAndNothingElse(Jdk jdk) {
        String rules = String.join(";",
                "java.lang.Thread.sleep@" + LEGACY + "LegacyConfig#load", // one operation of a method
                LEGACY + "LegacyConfig#<init>",                           // a constructor
                "*Cache#load*",                                           // any frame, by simple name
                LEGACY + "*#flush",                                       // one package level
                LEGACY + "**#sync",                                       // any depth
                SITES + "#handle on beta-*",                              // one thread family
                "com.acme.Never#called",                                  // matches nothing
                LEGACY + "UserCache#evict now");                          // a syntax error
        ForkedJvm.Run run = ForkedJvm.on(jdk).agentOptions("mode=strict,allow=" + rules)
                .run(AdoptionCallSites.class, "config-new@alpha", "config-load@alpha", "cache-load@alpha",
                        "cache-evict@alpha", "journal-flush@alpha", "store-flush@alpha", "store-sync@alpha",
                        "handle@beta", "handle@alpha")
                .assertSucceeded();

        for (String accepted : List.of("config-new@alpha", "cache-load@alpha", "journal-flush@alpha",
                "store-sync@alpha", "handle@beta")) {
            assertTrue(run.stdout().contains("RESULT " + accepted + " ok\n"), accepted + " is accepted\n" + run);
        }
        for (String thrown : List.of("config-load@alpha", "cache-evict@alpha", "store-flush@alpha", "handle@alpha")) {
            assertTrue(run.stdout().contains("RESULT " + thrown + " threw io.loopguard.BlockingCallError\n"),
                    thrown + " is outside every rule\n" + run);
        }
        Set<String> reported = new TreeSet<>();
        for (JsonNode call : run.events().blockingCalls()) {
            String callSite = call.path("callSite").asText();
            reported.add(call.path("operation").asText() + " at " + callSite.substring(0, callSite.indexOf('('))
                    + " on " + call.path("thread").asText().replaceAll("-\\d+-\\d+$", ""));
        }
        assertEquals(new TreeSet<>(List.of(
                "java.io.FileInputStream.read at " + LEGACY + "LegacyConfig.load on alpha",
                "java.lang.Thread.sleep at " + LEGACY + "UserCache.evict on alpha",
                "java.lang.Thread.sleep at " + LEGACY + "store.Store.flush on alpha",
                "java.lang.Thread.sleep at " + SITES + ".handle on alpha")), reported, run.toString());

        String err = run.stderr();
        assertOneLine(err, "loopguard: option allow: '" + LEGACY + "UserCache#evict now' is not a rule: 'evict now'"
                + " is not a method name or pattern");
        assertOneLine(err, "loopguard: allow rule com.acme.Never#called matched nothing during this run: remove it?");
        assertEquals(1, err.lines().filter(line -> line.contains("matched nothing")).count(), err);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.loopguard.testkit.Jdk#all")
    void everyReportEndsWithTheNarrowestRuleAndThatRuleAcceptsIt(Jdk jdk) {
        ForkedJvm.Run first = ForkedJvm.on(jdk).run(AdoptionCallSites.class, "config-load@alpha", "handle@beta")
                .assertSucceeded();
        String read = "allow=java.io.FileInputStream.read@" + LEGACY + "LegacyConfig#load on alpha-*";
        String sleep = "allow=java.lang.Thread.sleep@" + LEGACY + "LegacyConfig#load on alpha-*";
        String handle = "allow=java.lang.Thread.sleep@" + SITES + "#handle on beta-*";
        for (String rule : List.of(read, sleep, handle)) {
            assertTrue(first.stderr().contains("    accept: fixing the call is better; to accept it instead: " + rule
                    + "\n"), rule + "\n" + first);
            assertTrue(first.events().blockingCalls().stream().anyMatch(call -> call.path("acceptWith").asText()
                    .endsWith(rule)), rule + "\n" + first);
        }

        ForkedJvm.Run pasted = ForkedJvm.on(jdk).agentOptions(read + ";" + handle.substring("allow=".length()))
                .run(AdoptionCallSites.class, "config-load@alpha", "handle@beta", "handle@alpha").assertSucceeded();
        Set<String> left = new TreeSet<>();
        pasted.events().blockingCalls().forEach(call -> left.add(call.path("acceptWith").asText()));
        assertEquals(Set.of("fixing the call is better; to accept it instead: " + sleep,
                "fixing the call is better; to accept it instead: " + handle.replace("beta", "alpha")), left,
                "the rules pasted accept exactly their findings\n" + pasted);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.loopguard.testkit.Jdk#all")
    void aPackAcceptsWhatItNamesAndOnlyWhenItIsNamed(Jdk jdk) {
        String write = "java.io.FileOutputStream.write";
        ForkedJvm.Run without = ForkedJvm.on(jdk).run(AdoptionCallSites.class, "jul-log@alpha", "handle@alpha")
                .assertSucceeded();
        assertTrue(without.events().blockingCalls().stream().anyMatch(call -> call.path("operation").asText()
                .equals(write)), "a FileHandler writes its file on the thread that logs\n" + without);

        ForkedJvm.Run with = ForkedJvm.on(jdk).agentOptions("allow-packs=jul")
                .run(AdoptionCallSites.class, "jul-log@alpha", "handle@alpha").assertSucceeded();
        List<String> reported = with.events().blockingCalls().stream().map(call -> call.path("operation").asText()
                + " at " + call.path("callSite").asText().replaceAll("\\(.*", "")).toList();
        assertEquals(List.of("java.lang.Thread.sleep at " + SITES + ".handle"), reported, with.toString());
        assertTrue(with.stderr().lines().noneMatch(line -> line.contains("matched nothing")),
                "a pack's rules are not named at exit\n" + with.stderr());
    }

    private static void assertOneLine(String err, String start) {
        assertEquals(1, err.lines().filter(line -> line.startsWith(start)).count(), start + "\n" + err);
    }
}
