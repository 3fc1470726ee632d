package io.loopguard.agent.accept;

import io.loopguard.agent.common.MethodRef;
import io.loopguard.agent.common.ThreadGroupName;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.IntPredicate;

/**
 * What the team accepts: the {@code allow} rules, the packs named by {@code allow-packs} and the known findings
 * of the {@code baseline} file. Asked by the detector, on whichever thread completes a detection; at exit it
 * lists the rules and baseline lines that matched nothing and writes {@code write-baseline}.
 */
public final class Acceptance {
    /** Accepts nothing: what a detector judges with until it is given the one the options make. */
    public static final Acceptance NOTHING = new Acceptance(List.of(), List.of(), null, List.of(), null);

    private final List<AcceptRule> rules;
    private final List<AtomicBoolean> matched;
    private final List<AcceptRule> packRules;
    private final Path baseline;
    private final Map<String, KnownFinding> known = new LinkedHashMap<>();
    private final Set<String> knownSeen = ConcurrentHashMap.newKeySet();
    private final Path writeBaseline;
    private final Map<String, KnownFinding> found = new ConcurrentHashMap<>();

    private Acceptance(List<AcceptRule> rules, List<AcceptRule> packRules, Path baseline, List<KnownFinding> known,
                       Path writeBaseline) {
        this.rules = rules;
        List<AtomicBoolean> matched = new ArrayList<>();
        for (int i = 0; i < rules.size(); i++) {
            matched.add(new AtomicBoolean());
        }
        this.matched = List.copyOf(matched);
        this.packRules = packRules;
        this.baseline = baseline;
        known.forEach(finding -> this.known.putIfAbsent(finding.key(), finding));
        this.writeBaseline = writeBaseline;
    }

    /**
     * @param baseline      the {@code baseline} file, or {@code null}
     * @param writeBaseline the {@code write-baseline} file, or {@code null}
     * @param problems      told of each bad line of the baseline file (file:line and what is wrong)
     */
    public static Acceptance of(List<AcceptRule> rules, List<String> packs, Path baseline, Path writeBaseline,
                                Consumer<String> problems) {
        List<AcceptRule> packRules = new ArrayList<>();
        for (String pack : packs) {
            for (AllowPacks.PackRule rule : AllowPacks.rules(pack)) {
                packRules.add(rule.rule());
            }
        }
        List<KnownFinding> known = baseline == null ? List.of() : BaselineFile.read(baseline, problems);
        return new Acceptance(List.copyOf(rules), List.copyOf(packRules), baseline, known, writeBaseline);
    }

    /**
     * Whether a rule accepts a blocking call; a rule that does is remembered as used.
     *
     * @param frames the stack of the call, innermost first
     */
    public boolean allows(String operation, String via, String thread, List<StackTraceElement> frames) {
        for (int i = 0; i < rules.size(); i++) {
            if (rules.get(i).accepts(operation, via, thread, frames)) {
                matched.get(i).set(true);
                return true;
            }
        }
        for (AcceptRule rule : packRules) {
            if (rule.accepts(operation, via, thread, frames)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Judges a finding no rule accepts: known from the baseline or new, and what would accept it.
     *
     * @param callSite the first application frame, or {@code null}
     * @param library  the client library the call blocks in ("the PostgreSQL JDBC driver"), or {@code null}
     */
    public Verdict judge(String operation, String thread, StackTraceElement callSite, String library) {
        String family = ThreadGroupName.of(thread);
        String site = callSite == null ? KnownFinding.NO_CALL_SITE
                : callSite.getClassName() + "#" + callSite.getMethodName();
        KnownFinding finding = new KnownFinding(operation, site, family, "");
        boolean isKnown = known.containsKey(finding.key());
        if (isKnown) {
            knownSeen.add(finding.key());
        }
        if (writeBaseline != null) {
            found.putIfAbsent(finding.key(), finding);
        }
        return new Verdict(isKnown, NarrowestRule.sentence(operation, site, family, library));
    }

    /** The rules woven into the one method they name ({@link AcceptRule#exactMethod}), by their index. */
    public Map<Integer, MethodRef> wovenRules() {
        Map<Integer, MethodRef> woven = new LinkedHashMap<>();
        for (int i = 0; i < rules.size(); i++) {
            MethodRef method = rules.get(i).exactMethod();
            if (method != null) {
                woven.put(i, method);
            }
        }
        return woven;
    }

    /**
     * At exit: names the rules and baseline lines that matched nothing, and writes {@code write-baseline}.
     *
     * @param wovenRuleUsed whether a woven rule, by its index, accepted a call in its method
     */
    public void atExit(IntPredicate wovenRuleUsed, Consumer<String> lines) {
        for (int i = 0; i < rules.size(); i++) {
            if (!matched.get(i).get() && !wovenRuleUsed.test(i)) {
                lines.accept("allow rule " + rules.get(i) + " matched nothing during this run: remove it?");
            }
        }
        nameStale(baseline, known.values(), knownSeen, lines);
        if (writeBaseline == null) {
            return;
        }
        boolean sameFile = baseline != null && same(baseline, writeBaseline);
        List<KnownFinding> recorded = sameFile ? List.copyOf(known.values())
                : BaselineFile.readIfExists(writeBaseline, lines);
        if (!sameFile) {
            nameStale(writeBaseline, recorded, found.keySet(), lines);
        }
        write(recorded, lines);
    }

    private static void nameStale(Path file, Collection<KnownFinding> listed, Set<String> seen, Consumer<String> lines) {
        for (KnownFinding finding : listed) {
            if (!seen.contains(finding.key())) {
                lines.accept("baseline " + file + ": " + finding.key() + " did not occur during this run: fixed? then"
                        + " delete its line");
            }
        }
    }

    private static boolean same(Path one, Path other) {
        return one.toAbsolutePath().normalize().equals(other.toAbsolutePath().normalize());
    }

    /** The findings of this run merged into those {@code write-baseline} already lists, whose reasons are kept. */
    private void write(List<KnownFinding> recorded, Consumer<String> lines) {
        Map<String, KnownFinding> merged = new LinkedHashMap<>();
        recorded.forEach(finding -> merged.put(finding.key(), finding));
        int before = merged.size();
        found.forEach(merged::putIfAbsent);
        try {
            BaselineFile.write(writeBaseline, new ArrayList<>(merged.values()));
            lines.accept("baseline written to " + writeBaseline + ": " + merged.size() + " known call sites, "
                    + (merged.size() - before) + " of them new in this run");
        } catch (IOException e) {
            lines.accept("baseline " + writeBaseline + ": cannot be written (" + e + "); the findings of this run"
                    + " are not recorded");
        }
    }
}
