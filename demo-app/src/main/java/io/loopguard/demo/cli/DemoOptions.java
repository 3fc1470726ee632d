package io.loopguard.demo.cli;

import io.loopguard.demo.server.Mode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Every option of the demo, with its default; parsed from {@code --name value} or {@code --name=value}. */
public record DemoOptions(
        String command,
        int port,
        int eventLoops,
        String backend,
        int workers,
        int queue,
        String target,
        Duration callTime,
        int concurrent,
        Duration workTime,
        int rate,
        int healthRate,
        Duration duration,
        Duration timeout,
        List<String> modes,
        Path report,
        String agent,
        String postgresUrl,
        String redis) {

    /** One line of {@code --help}: the option, its default and what it does. */
    public record Option(String name, String defaultValue, String help) { }

    static final List<String> COMMANDS = List.of("show", "serve", "experiment", "load");

    public static final List<Option> OPTIONS = List.of(
            new Option("port", "0", "serve: the port on 127.0.0.1 (0: any free port, printed at start)"),
            new Option("event-loops", "1", "serve: Netty event loops; one makes the arithmetic easy to see"),
            new Option("backend", "legacy", "where the work comes from: legacy (an in-process slow HTTP service), postgres (SELECT pg_sleep)"),
            new Option("workers", "8", "serve: threads of the /offload worker pool"),
            new Option("queue", "32", "serve: waiting places in the /offload queue; when full, 503 at once"),
            new Option("target", "", "experiment, load: the server to drive, e.g. http://127.0.0.1:8080 (show starts its own)"),
            new Option("call-time", "2s", "experiment: how long one call of the slow backend takes"),
            new Option("concurrent", "5", "experiment: requests sent at the same moment, per mode"),
            new Option("work-time", "50ms", "load: how long one call of the slow backend takes"),
            new Option("rate", "40", "load: requests per second sent to each mode (open loop: sent on time, whatever the answers do)"),
            new Option("health-rate", "5", "load: /health requests per second during each mode's run"),
            new Option("duration", "10s", "load: how long requests are sent to each mode"),
            new Option("timeout", "15s", "experiment, load: a request not answered by then counts as an error"),
            new Option("modes", "blocking,offload,async", "experiment, load: which modes to drive, in order"),
            new Option("report", "loopguard-demo-report.html", "show, load: where the HTML report is written"),
            new Option("agent", "", "show: the Loopguard agent jar (default: found next to this jar or at agent/target)"),
            new Option("postgres", "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres", "serve: the database of --backend postgres"),
            new Option("redis", "127.0.0.1:6379", "serve: the Redis server of the /…/stream endpoints"));

    /** Parses the command line; throws {@link IllegalArgumentException} with a sentence a user can act on. */
    public static DemoOptions parse(String... args) {
        Map<String, String> values = new LinkedHashMap<>();
        OPTIONS.forEach(option -> values.put(option.name(), option.defaultValue()));
        String command = "show";
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--")) {
                if (!COMMANDS.contains(arg)) {
                    throw new IllegalArgumentException("unknown command '" + arg + "'; commands: " + COMMANDS);
                }
                command = arg;
                continue;
            }
            String name = arg.substring(2);
            String value;
            int equals = name.indexOf('=');
            if (equals >= 0) {
                value = name.substring(equals + 1);
                name = name.substring(0, equals);
            } else if (i + 1 < args.length) {
                value = args[++i];
            } else {
                throw new IllegalArgumentException("option --" + name + " needs a value");
            }
            if (!values.containsKey(name)) {
                throw new IllegalArgumentException("unknown option --" + name + "; see --help");
            }
            values.put(name, value);
        }
        return new DemoOptions(command,
                integer(values, "port"), positive(values, "event-loops"), oneOf(values, "backend", "legacy", "postgres"),
                positive(values, "workers"), positive(values, "queue"), values.get("target"),
                duration(values, "call-time"), positive(values, "concurrent"), duration(values, "work-time"),
                positive(values, "rate"), integer(values, "health-rate"), duration(values, "duration"),
                duration(values, "timeout"), modes(values), Path.of(values.get("report")), values.get("agent"),
                values.get("postgres"), values.get("redis"));
    }

    /** These options as command-line arguments, for the child JVM that serves. */
    public List<String> serveArguments() {
        return List.of("serve", "--port", String.valueOf(port), "--event-loops", String.valueOf(eventLoops),
                "--backend", backend, "--workers", String.valueOf(workers), "--queue", String.valueOf(queue),
                "--postgres", postgresUrl, "--redis", redis);
    }

    private static int integer(Map<String, String> values, String name) {
        try {
            int value = Integer.parseInt(values.get(name));
            if (value < 0) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("option --" + name + ": '" + values.get(name) + "' is not a whole number >= 0");
        }
    }

    private static int positive(Map<String, String> values, String name) {
        int value = integer(values, name);
        if (value == 0) {
            throw new IllegalArgumentException("option --" + name + ": must be at least 1");
        }
        return value;
    }

    private static String oneOf(Map<String, String> values, String name, String... allowed) {
        String value = values.get(name);
        if (!List.of(allowed).contains(value)) {
            throw new IllegalArgumentException("option --" + name + ": '" + value + "' is not one of " + List.of(allowed));
        }
        return value;
    }

    /** Accepts {@code 250ms}, {@code 2s}, {@code 1m}. */
    private static Duration duration(Map<String, String> values, String name) {
        String value = values.get(name).trim();
        try {
            if (value.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(value.substring(0, value.length() - 2)));
            }
            if (value.endsWith("s")) {
                return Duration.ofMillis(Math.round(Double.parseDouble(value.substring(0, value.length() - 1)) * 1000));
            }
            if (value.endsWith("m")) {
                return Duration.ofSeconds(Long.parseLong(value.substring(0, value.length() - 1)) * 60);
            }
        } catch (NumberFormatException e) {
            // falls through to the error below
        }
        throw new IllegalArgumentException("option --" + name + ": '" + value + "' is not a duration like 250ms, 2s or 1m");
    }

    private static List<String> modes(Map<String, String> values) {
        List<String> modes = List.of(values.get("modes").split(","));
        for (String mode : modes) {
            if (!Mode.NAMES.contains(mode)) {
                throw new IllegalArgumentException("option --modes: '" + mode + "' is not one of " + Mode.NAMES);
            }
        }
        return modes;
    }
}
