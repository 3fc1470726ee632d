package io.loopguard.agent.scan;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The findings as SARIF 2.1.0, the format GitHub and GitLab code scanning read: one result per finding, located at
 * the blocking call, with the path from the entry point as its code flow and the baseline's verdict as its state.
 */
final class SarifReport {
    static final String RULE = "blocking-call-on-event-loop";

    private SarifReport() {
    }

    static void write(Path file, List<Finding> findings, Baseline baseline, String sourceRoot) throws IOException {
        Map<String, Object> rule = map(
                "id", RULE,
                "name", "BlockingCallOnEventLoop",
                "shortDescription", text("A blocking call is reachable from code that runs on an event loop"),
                "fullDescription", text("While an event loop waits in a blocking call, every connection it serves"
                        + " waits too. The path shows how an entry point that runs on the loop reaches the call."),
                "help", text("Make the call non-blocking, or move it to a worker pool and hand the result back to the"
                        + " loop. If blocking is accepted there, pass --allow Class#method or list the finding in a"
                        + " --baseline file."),
                "defaultConfiguration", map("level", "error"));
        List<Object> results = new ArrayList<>();
        for (Finding finding : findings) {
            results.add(result(finding, baseline, sourceRoot));
        }
        Map<String, Object> driver = map(
                "name", "Loopguard",
                "informationUri", "https://github.com/loopguard/loopguard",
                "rules", List.of(rule));
        String version = SarifReport.class.getPackage().getImplementationVersion();
        if (version != null) {
            driver.put("version", version);
        }
        Map<String, Object> sarif = map(
                "$schema", "https://json.schemastore.org/sarif-2.1.0.json",
                "version", "2.1.0",
                "runs", List.of(map("tool", map("driver", driver), "results", results)));
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(file, JsonWriter.write(sarif));
    }

    private static Map<String, Object> result(Finding finding, Baseline baseline, String sourceRoot) {
        List<Object> flow = new ArrayList<>();
        List<Frame> stack = finding.stack();
        for (int i = stack.size() - 1; i >= 0; i--) {
            flow.add(map("location", location(stack.get(i), sourceRoot)));
        }
        String message = finding.stack().get(0).className() + "." + finding.stack().get(0).methodName() + " calls "
                + finding.call().method() + ", reachable from " + finding.entryPoint().method().displayName() + " ("
                + finding.entryPoint().reason() + "). Fix: " + finding.call().hint();
        return map(
                "ruleId", RULE,
                "level", "error",
                "message", text(message),
                "locations", List.of(location(stack.get(0), sourceRoot)),
                "partialFingerprints", map("loopguardFinding/v1", finding.id()),
                "baselineState", baseline.contains(finding) ? "unchanged" : "new",
                "codeFlows", List.of(map("threadFlows", List.of(map("locations", flow)))));
    }

    private static Map<String, Object> location(Frame frame, String sourceRoot) {
        Map<String, Object> physical = map("artifactLocation", map("uri", sourcePath(frame, sourceRoot)));
        if (frame.line() > 0) {
            physical.put("region", map("startLine", frame.line()));
        }
        return map(
                "physicalLocation", physical,
                "logicalLocations", List.of(map("fullyQualifiedName", frame.className() + "." + frame.methodName(),
                        "kind", "function")));
    }

    /** {@code src/main/java/com/acme/Handler.java}: the class's package as folders, and its source file. */
    private static String sourcePath(Frame frame, String sourceRoot) {
        int lastDot = frame.className().lastIndexOf('.');
        String folder = lastDot < 0 ? "" : frame.className().substring(0, lastDot).replace('.', '/') + "/";
        String file = frame.sourceFile() != null ? frame.sourceFile()
                : frame.className().substring(lastDot + 1).replaceAll("\\$.*", "") + ".java";
        String root = sourceRoot == null || sourceRoot.isEmpty() ? "" : sourceRoot.replaceAll("/+$", "") + "/";
        return root + folder + file;
    }

    private static Map<String, Object> text(String text) {
        return map("text", text);
    }

    private static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
