package io.loopguard.agent.scan;

import java.io.PrintStream;
import java.util.List;

/** The findings for people: one block per blocking call, its path as a stack, the fix, and how to accept it. */
final class TextReport {

    private TextReport() {
    }

    static void print(Scan.Result result, Baseline baseline, PrintStream out) {
        List<Finding> findings = result.findings();
        long fresh = findings.stream().filter(finding -> !baseline.contains(finding)).count();
        out.printf("loopguard scan: %s reachable from %s in %s (%d new, %d in the baseline), %.1f s%n",
                count(findings.size(), "blocking call"), count(result.entryPoints(), "event-loop entry point"),
                count(result.classes(), "class"), fresh, findings.size() - fresh, result.millis() / 1000.0);
        for (Finding finding : findings) {
            out.println();
            BlockingCalls.BlockingCall call = finding.call();
            String endsIn = call.operation().equals(call.method()) ? "" : " (ends in " + call.operation() + ")";
            out.println((baseline.contains(finding) ? "known: " : "blocking call on an event loop: ") + call.method()
                    + endsIn);
            for (Frame frame : finding.stack()) {
                out.println("    at " + frame);
            }
            EntryPoint entry = finding.entryPoint();
            String others = finding.otherEntryPoints() == 0 ? ""
                    : " (and " + finding.otherEntryPoints() + " more entry point"
                    + (finding.otherEntryPoints() == 1 ? "" : "s") + ")";
            out.println("  entry point: " + entry.method().displayName() + ", " + entry.reason() + others);
            out.println("  fix: " + call.hint());
            Frame caller = finding.stack().get(0);
            out.println("  accepted here? --allow " + caller.className() + "#" + caller.methodName()
                    + ", or list it in a --baseline file: " + finding.id());
        }
    }

    private static String count(int count, String noun) {
        return count + " " + noun + (count == 1 ? "" : noun.endsWith("s") ? "es" : "s");
    }
}
