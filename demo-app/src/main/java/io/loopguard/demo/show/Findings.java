package io.loopguard.demo.show;

import io.loopguard.demo.server.Mode;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What Loopguard reported about the demo server, read back from its JSON Lines events file: each call site
 * with its count, and which of the demo's handlers it was reached from.
 */
public record Findings(List<CallSite> callSites) {

    /** One place that blocked an event loop. */
    public record CallSite(String operation, String callSite, String handlerFrame, String mode, long count) { }

    private static final Pattern STRING_FIELD = Pattern.compile("\"(\\w+)\":\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final Pattern STACK = Pattern.compile("\"stack\":\\[(.*?)\\]");
    private static final Pattern STACK_FRAME = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final Map<String, String> HANDLER_MODES = Map.of(
            "io.loopguard.demo.server.BlockingHandler.", Mode.BLOCKING,
            "io.loopguard.demo.server.OffloadHandler.", Mode.OFFLOAD,
            "io.loopguard.demo.server.AsyncHandler.", Mode.ASYNC,
            "io.loopguard.demo.server.JedisStream.", "stream",
            "io.loopguard.demo.server.NettyRedisStream.", "stream");

    public static Findings read(Path events) throws IOException {
        Map<String, CallSite> sites = new LinkedHashMap<>();
        if (Files.exists(events)) {
            for (String line : Files.readAllLines(events, StandardCharsets.UTF_8)) {
                Map<String, String> fields = new LinkedHashMap<>();
                Matcher field = STRING_FIELD.matcher(line);
                while (field.find()) {
                    fields.putIfAbsent(field.group(1), field.group(2).replace("\\\"", "\"").replace("\\\\", "\\"));
                }
                if (!"blocking-call".equals(fields.get("type"))) {
                    continue;
                }
                String handlerFrame = handlerFrame(line);
                String mode = HANDLER_MODES.entrySet().stream().filter(e -> handlerFrame.contains(e.getKey()))
                        .map(Map.Entry::getValue).findFirst().orElse("");
                String operation = fields.containsKey("via")
                        ? fields.get("via") + " (" + fields.get("operation") + ")" : fields.get("operation");
                String key = operation + " " + fields.get("callSite");
                CallSite known = sites.get(key);
                sites.put(key, new CallSite(operation, fields.get("callSite"), handlerFrame, mode,
                        known == null ? 1 : known.count() + 1));
            }
        }
        return new Findings(new ArrayList<>(sites.values()));
    }

    /** The call sites reached from a mode's handler. */
    public List<CallSite> inMode(String mode) {
        return callSites.stream().filter(site -> site.mode().equals(mode)).toList();
    }

    public void print(PrintStream out, List<String> modes) {
        out.printf("%nLoopguard's findings (blocking calls on threads that must never block):%n%n");
        for (String mode : modes) {
            List<CallSite> found = inMode(mode);
            if (found.isEmpty()) {
                out.printf("  %-9s  nothing%n", "/" + mode);
            }
            for (CallSite site : found) {
                out.printf("  %-9s  %d × %s%n  %-9s    at %s%n", "/" + mode, site.count(), site.operation(), "", site.callSite());
                if (!site.handlerFrame().isEmpty() && !site.handlerFrame().equals(site.callSite())) {
                    out.printf("  %-9s    in the handler at %s%n", "", site.handlerFrame());
                }
            }
        }
        callSites.stream().filter(site -> !modes.contains(site.mode())).forEach(site ->
                out.printf("  %-9s  %d × %s at %s%n", "elsewhere", site.count(), site.operation(), site.callSite()));
    }

    /** The first stack frame in one of the demo's handlers, or "" if the stack has none. */
    private static String handlerFrame(String line) {
        Matcher stack = STACK.matcher(line);
        if (stack.find()) {
            Matcher frame = STACK_FRAME.matcher(stack.group(1));
            while (frame.find()) {
                String text = frame.group(1);
                if (HANDLER_MODES.keySet().stream().anyMatch(text::contains)) {
                    return text;
                }
            }
        }
        return "";
    }
}
