package io.loopguard.agent.config;

import io.loopguard.agent.accept.AcceptRule;
import io.loopguard.agent.accept.AllowPacks;
import io.loopguard.agent.catalog.Remedy;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;
import java.util.regex.Pattern;

/**
 * Every agent option, declared once: this list drives parsing, the unknown-option line, the table in
 * {@code docs/options.md} (a test compares them) and {@link Options#toString()}. How each option's value is read
 * and written back is a {@code switch} by key ({@link OptionValues#parse}, {@link Options.Builder#set},
 * {@link Options#text}), not three lambdas per option: each lambda is a class spun at every start.
 */
final class KnownOptions {

    static final List<Option<?>> ALL = List.of(
            new Option<>("mode", "`report`, `strict`, `off`", "`report`: report and let the call block — the"
                    + " application behaves exactly as without the agent. `strict`: report, then throw"
                    + " `io.loopguard.BlockingCallError` (an `Error`) from the blocking call, before the JDK changes"
                    + " any state ([what that does to a service](strict-mode.md)). `off`: install nothing.",
                    "the default report is kept", Mode.REPORT),
            new Option<>("events", "a file path", "Append every detection to this"
                    + " [JSON Lines](events.md#events-file) file, nothing rate-limited.",
                    "detections are reported on stderr only", (Path) null),
            new Option<>("events-max-size", "a size (`256MiB`, `512KiB`, `1GiB`, a bare number is bytes; at least"
                    + " `16KiB`)", "When the events file reaches this size it is renamed to `<events>.1` (replacing"
                    + " the older one) and a new file is started with a `rotated` record.",
                    "the default 256MiB is kept", EventsMaxSize.DEFAULT),
            new Option<>("events-follow-symlinks", "`true`, `false`", "Write the events file even where its path is"
                    + " a symbolic link. Off by default: in a shared directory another user could aim the writes at any"
                    + " file the application's account can write.",
                    "symbolic links are not followed", false),
            new Option<>("threads", "a Java regex", "Also designate threads whose whole name matches, e.g."
                    + " `threads=order-loop-\\d+`. Virtual threads only where the pattern says `virtual:`"
                    + " (`threads=virtual:request-.*`; see [Virtual threads](virtual-threads.md)); carrier threads never.",
                    "no thread is designated by name", (Pattern) null),
            new Option<>("allow", "a list of rules `[operation@]Class[#method][ on thread-family]` (`;` or `,`"
                    + " between rules)", "Accept blocking calls that a rule matches: a call is accepted when any frame"
                    + " of its stack is in the class (and method) named, wherever in the call chain; `*` stands for any"
                    + " name within a package level, `**` for any depth (`com.acme.legacy.*`, `org.slf4j.**`,"
                    + " `*Cache#load*`), `#<init>` is a constructor, `#<clinit>` a static initializer."
                    + " `operation@` accepts only that blocking method"
                    + " (`java.io.FileInputStream.read@com.acme.Config#load`), ` on family` only on those threads"
                    + " (`on nioEventLoopGroup-*`). A rule that matched nothing is named at exit."
                    + " See [Adopting Loopguard](adopting.md).",
                    "no call is accepted by this option", List.<AcceptRule>of()),
            new Option<>("allow-packs", "a list of " + code(AllowPacks.NAMES) + " (`,` or `;` between names)", "Also accept what these"
                    + " curated packs accept from a well-known library, each rule with its reason, e.g. a synchronous"
                    + " file appender's writes while the team moves to an asynchronous one"
                    + " ([the packs](adopting.md#curated-packs)).",
                    "no pack applies", List.<String>of()),
            new Option<>("baseline", "a file path", "Known findings, one call site a line, as `write-baseline`"
                    + " writes them: still counted (the meters' `baseline` tag, the events file's `baseline` field),"
                    + " but not shown on stderr, not failing tests and not thrown in strict mode. A call site not in"
                    + " it is reported as usual; a line that matched nothing is named at exit.",
                    "every finding is reported", (Path) null),
            new Option<>("write-baseline", "a file path", "At exit, record every finding of the run in this baseline"
                    + " file, merged with the findings it already lists (their reasons kept; those that did not occur"
                    + " are named); the file is replaced at once, never half-written.",
                    "no baseline is written", (Path) null),
            new Option<>("accept", "a list of kinds of operation (`;` or `,` between entries): "
                    + code(kinds()),
                    "Accept these kinds of blocking call everywhere: their operations are not probed at all. E.g."
                    + " `accept=file-metadata` where files are on a local disk ([the kinds](catalogue.md#kinds)).",
                    "every kind of operation is reported", List.<Remedy>of()),
            new Option<>("common-pool", "`true`, `false`", "Also designate the workers of"
                    + " `ForkJoinPool.commonPool()`, where `CompletableFuture.*Async` runs by default. Off by default:"
                    + " many applications block there on purpose.",
                    "the common pool's workers are not designated", false),
            new Option<>("metrics-port", "a port, 1-65535", "Serve the [metrics](metrics.md)"
                    + " in the Prometheus text format at `http://127.0.0.1:<port>/metrics`, e.g. `metrics-port=9404`.",
                    "Prometheus metrics are not served", 0),
            new Option<>("metrics-host", "a host name or IP address", "The address the metrics endpoint listens on"
                    + " (with `metrics-port`). Anything but loopback makes it reachable from the network: read"
                    + " [the warning](metrics.md#prometheus-endpoint) first.",
                    "metrics stay on 127.0.0.1", "127.0.0.1"),
            new Option<>("stall-threshold", "a duration (`250ms`, `2s`, a bare number is milliseconds; at least"
                    + " `20ms`), or `off`", "Report an event-loop task that runs longer than this as a"
                    + " [stall](stalls.md). `off`: no stall reports"
                    + " (delay and utilisation are still measured).",
                    "the default " + StallThreshold.DEFAULT.toMillis() + "ms is kept",
                    StallThreshold.DEFAULT),
            new Option<>("lock-wait-threshold", "a duration (`5ms`, `1s`, a bare number is milliseconds)", "Report"
                    + " taking a lock or semaphore (`ReentrantLock`, `ReentrantReadWriteLock`, `Semaphore`) only when the"
                    + " thread waited longer than this for it, with how long, when the wait ends: a lock held for a"
                    + " moment by another thread is not a blocking call. `0`: every wait. Latches, barriers, queues and"
                    + " futures wait for an event, not a lock: every wait of theirs is reported.",
                    "the default " + LockWaitThreshold.DEFAULT.toMillis() + "ms is kept",
                    LockWaitThreshold.DEFAULT),
            new Option<>("pinned", "`true`, `false`", "Report virtual threads that block while pinned to their"
                    + " carrier thread (JDK 21+), from the JDK's own `jdk.VirtualThreadPinned` events: a Flight Recorder"
                    + " stream started when the first virtual thread appears (0.5-1.2 s of CPU and 6-18 MiB then, measured on"
                    + " JDK 25)."
                    + " See [Virtual threads](virtual-threads.md).",
                    "pinned virtual threads are reported", true),
            new Option<>("cache", "`on`, `off`, or a directory", "Keep the classes the agent has rewritten on disk, so"
                    + " that later starts skip rewriting them (the bulk of the agent's start-up time). `on`: in"
                    + " `$XDG_CACHE_HOME/loopguard/classes`, else `~/.cache/loopguard/classes`, a directory only you can"
                    + " write to; an entry is used only if it matches the class's bytes and the agent jar exactly."
                    + " A directory that cannot be created (a read-only home) just means no cache.",
                    "woven classes are cached in the default directory", "on"),
            new Option<>("config", "a file path", "Read options from this properties file, one `key=value` per"
                    + " line (e.g. `mode=strict`); every other source wins over it. Can itself be given as"
                    + " `-Dloopguard.config=` or `LOOPGUARD_CONFIG`.",
                    "no options file is read", (Path) null),
            new Option<>("show-options", "`true`, `false`", "At start-up, print one line per option that was"
                    + " given, with its value and where it came from (system property, environment variable,"
                    + " agent argument or config file).",
                    "options are not shown", false),
            new Option<>("otlp-endpoint", "an `http://` or `https://` address, or `off`", "Send the meters and each"
                    + " new finding to an OpenTelemetry Collector over OTLP/HTTP, e.g."
                    + " `otlp-endpoint=http://otel-collector:4318` ([Many services](otlp.md)). Without it,"
                    + " `OTEL_EXPORTER_OTLP_ENDPOINT` turns the export on; `off` keeps it off even then.",
                    "nothing is exported over OTLP", (String) null),
            new Option<>("otlp-step", "a duration (`30s`, `1m`; at least `1s`)", "How often the meters are pushed"
                    + " over OTLP.",
                    "the default " + OtlpOptions.DEFAULT_STEP.toSeconds() + "s is kept", OtlpOptions.DEFAULT_STEP));

    private KnownOptions() {
    }

    /** The option with this key, matched whatever its case; {@code null} if there is none. */
    static Option<?> named(String key) {
        String lower = key.toLowerCase(Locale.ROOT);
        for (Option<?> option : ALL) {
            if (option.key().equals(lower)) {
                return option;
            }
        }
        return null;
    }

    /** {@code mode, events, ...}: for the line that says a key is not an option. */
    static String keys() {
        StringJoiner keys = new StringJoiner(", ");
        for (Option<?> option : ALL) {
            keys.add(option.key());
        }
        return keys.toString();
    }

    /** {@code `a`, `b`}: plain loops, as everything that runs at every start, not a lambda per call site. */
    private static String code(List<String> names) {
        StringJoiner list = new StringJoiner(", ");
        for (String name : names) {
            list.add("`" + name + "`");
        }
        return list.toString();
    }

    private static List<String> kinds() {
        List<String> kinds = new ArrayList<>();
        for (Remedy remedy : Remedy.values()) {
            kinds.add(remedy.kind());
        }
        return kinds;
    }
}
