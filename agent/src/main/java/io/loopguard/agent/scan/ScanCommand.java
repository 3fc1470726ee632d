package io.loopguard.agent.scan;

import io.loopguard.agent.command.Command;
import java.io.IOException;
import java.io.PrintStream;
import java.util.List;

/**
 * {@code java -jar loopguard-agent.jar scan}: finds blocking calls reachable from event-loop entry points in
 * compiled code, prints them, writes SARIF when asked, and fails (exit code 1) on findings not in the baseline.
 */
public final class ScanCommand implements Command {
    /** Exit code when there are findings not in the baseline. */
    public static final int NEW_FINDINGS = 1;

    @Override
    public int run(List<String> arguments, PrintStream out, PrintStream err) {
        if (arguments.contains("--help") || arguments.contains("-h")) {
            out.print(ScanOptions.USAGE);
            return 0;
        }
        ScanOptions options;
        try {
            options = ScanOptions.parse(arguments);
        } catch (IllegalArgumentException e) {
            err.println("loopguard scan: " + e.getMessage());
            return USAGE_ERROR;
        }
        try {
            Scan.Result result = Scan.run(options,
                    line -> {
                        if (!options.quiet()) {
                            err.println("loopguard scan: " + line);
                        }
                    });
            if (options.updateBaseline()) {
                Baseline.write(options.baseline(), result.findings());
                out.println("loopguard scan: wrote " + result.findings().size() + " findings to the baseline "
                        + options.baseline());
                return 0;
            }
            Baseline baseline = options.baseline() == null ? Baseline.none() : Baseline.read(options.baseline());
            TextReport.print(result, baseline, out);
            if (options.sarif() != null) {
                SarifReport.write(options.sarif(), result.findings(), baseline, options.sourceRoot());
            }
            return result.findings().stream().anyMatch(finding -> !baseline.contains(finding)) ? NEW_FINDINGS : 0;
        } catch (IOException e) {
            err.println("loopguard scan: " + e.getMessage());
            return USAGE_ERROR;
        }
    }
}
