package io.loopguard.agent;

import io.loopguard.agent.accept.Acceptance;
import io.loopguard.agent.catalog.BlockingOperation;
import io.loopguard.agent.catalog.Catalog;
import io.loopguard.agent.common.AttachProtocol;
import io.loopguard.agent.common.Debugger;
import io.loopguard.agent.config.Mode;
import io.loopguard.agent.config.Options;
import io.loopguard.agent.config.OptionsParser;
import io.loopguard.agent.detect.Detector;
import io.loopguard.agent.exit.ExitHook;
import io.loopguard.agent.frameworks.FrameworkDescription;
import io.loopguard.agent.frameworks.Frameworks;
import io.loopguard.agent.jfr.JfrReporter;
import io.loopguard.agent.pinning.PinningWatch;
import io.loopguard.agent.instrument.AgentTransformer;
import io.loopguard.agent.instrument.BootstrapJar;
import io.loopguard.agent.instrument.Instrumenter;
import io.loopguard.agent.metrics.LoopMeters;
import io.loopguard.agent.metrics.MeterExport;
import io.loopguard.agent.metrics.MeterStore;
import io.loopguard.agent.metrics.MetricsReporter;
import io.loopguard.agent.otlp.OtlpExport;
import io.loopguard.agent.otlp.OtlpFindingsReporter;
import io.loopguard.agent.otlp.OtlpSettings;
import io.loopguard.agent.report.ConsoleReporter;
import io.loopguard.agent.report.DetectionQueue;
import io.loopguard.agent.report.EventsFileReporter;
import io.loopguard.agent.report.Reporter;
import io.loopguard.agent.report.ReportingThread;
import io.loopguard.agent.report.SubscribersReporter;
import io.loopguard.agent.threads.DesignatedThreads;
import io.loopguard.agent.threads.DesignatingClasses;
import io.loopguard.agent.threads.RunningLoops;
import io.loopguard.agent.watchdog.LoopSummary;
import io.loopguard.agent.watchdog.Watchdog;
import io.loopguard.bootstrap.AllowRuleUse;
import io.loopguard.bootstrap.Probe;
import java.io.PrintStream;
import java.lang.instrument.Instrumentation;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.function.Consumer;
import java.util.concurrent.Future;
import java.util.function.Supplier;

/**
 * Wires the agent together in the order data flows: options, then, once a thread that must never block may run,
 * reporters, detector, probes, watchdog, self-test.
 */
final class Startup {
    private static final int QUEUE_CAPACITY = 16_384;

    private final Options options;
    private final FrameworkDescription frameworks;
    private final OtlpSettings otlp;
    private final Instrumentation instrumentation;
    private final boolean attachedLate;
    private final ExitHook exit;
    private final PrintStream err;
    private final Consumer<String> problems;
    private AgentTransformer transformer;

    private Startup(Options options, FrameworkDescription frameworks, OtlpSettings otlp, Instrumentation instrumentation,
                    boolean attachedLate, ExitHook exit, PrintStream err, Consumer<String> problems) {
        this.options = options;
        this.frameworks = frameworks;
        this.otlp = otlp;
        this.instrumentation = instrumentation;
        this.attachedLate = attachedLate;
        this.exit = exit;
        this.err = err;
        this.problems = problems;
    }

    /**
     * Reads the options and watches for the first thread that must never block; the rest of the start
     * ({@link #probesAndReporters}) runs then, or now when the JVM needs it from its first moment: attached to a
     * running JVM, or with options that designate threads or serve meters from the start.
     *
     * @return the running agent, or {@code null} with {@code mode=off}
     */
    static RunningAgent start(String agentArgument, Instrumentation instrumentation, boolean attachedLate) {
        PrintStream err = System.err;
        Consumer<String> problems = problem -> err.println("loopguard: " + problem);
        Options options = new OptionsParser(problems).parse(agentArgument, System.getProperties(),
                System.getenv());
        if (options.mode() == Mode.OFF) {
            err.println("loopguard: off (mode=off); nothing is instrumented");
            return null;
        }

        ExitHook exit = ExitHook.install(problems);
        // The built-in frameworks and the application's integrations, read through one path.
        FrameworkDescription frameworks = Frameworks.load(ClassLoader.getSystemClassLoader(), problems);
        // Nothing of the OTLP export loads unless it is configured: not Micrometer's registry, not protobuf.
        OtlpSettings otlp = OtlpSettings.resolve(options, OtlpSettings::fromSystem, problems);
        Startup startup = new Startup(options, frameworks, otlp, instrumentation, attachedLate, exit, err, problems);
        DeferredStart deferred = new DeferredStart(startup::probesAndReporters, exit, options, err, problems);
        AgentTransformer transformer = new AgentTransformer(DesignatingClasses.of(frameworks, options.pinned()), deferred);
        startup.transformer = transformer;
        instrumentation.addTransformer(transformer, true);
        String optionsText = options.toString();
        System.setProperty(AttachProtocol.RUNNING_PROPERTY, "Loopguard " + Startup.class.getPackage().getImplementationVersion()
                + (optionsText.isEmpty() ? "" : " with " + optionsText));
        if (attachedLate || neededFromTheStart(options, frameworks, otlp)) {
            deferred.runNow();
        } else {
            deferred.awaitBeforeDesignating();
        }
        return new RunningAgent(deferred, instrumentation, transformer, exit);
    }

    /**
     * Whether threads may have to be judged before any class that designates one loads: threads named by a
     * pattern (the {@code threads} option, an integration's), the common pool; whether a port, an export or a
     * baseline file serves findings from the start; or whether a debugger runs in the JVM: a class retransformed
     * after it set its breakpoints loses them.
     */
    private static boolean neededFromTheStart(Options options, FrameworkDescription frameworks, OtlpSettings otlp) {
        return options.threads() != null || options.commonPool() || !frameworks.nonBlockingThreadNames().isEmpty()
                || options.metricsPort() != 0 || otlp != null || options.writeBaseline() != null || Debugger.isPresent();
    }

    /**
     * The rest of the start, in the order data flows: reporters, detector, probes; then, {@code probesIn} told,
     * what they do not need: the reporting thread, meters, watchdog, self-test.
     */
    private DeferredStart.Started probesAndReporters(Runnable probesIn) {
        transformer.startBegins();
        BootstrapJar.openThreadFields(instrumentation);
        List<Reporter> reporters = new ArrayList<>();
        ConsoleReporter console = new ConsoleReporter(err);
        reporters.add(console);
        // Opened by the reporting thread, not here: opening a file can wait (a FIFO waits for a reader).
        EventsFileReporter events = options.events() == null ? null : new EventsFileReporter(options.events(),
                options.eventsMaxSize(), options.eventsFollowSymlinks(), problems);
        if (events != null) {
            reporters.add(events);
        }
        MeterStore meters = new MeterStore();
        reporters.add(new MetricsReporter(meters));
        reporters.add(new SubscribersReporter());
        OtlpExport otlpExport = otlp == null ? null : new OtlpExport(otlp, meters, problems);
        if (otlpExport != null) {
            reporters.add(new OtlpFindingsReporter(otlpExport));
        }
        Watchdog watchdog = new Watchdog(options.stallThreshold(), problems);
        JfrReporter jfr = new JfrReporter(watchdog.monitor(), problems);
        reporters.add(jfr);
        ReportingThread reporting = new ReportingThread(new DetectionQueue(QUEUE_CAPACITY), List.copyOf(reporters));
        exit.at(ExitHook.Step.DELIVERY, reporting::stop);

        DesignatedThreads designated = new DesignatedThreads(options.threads(), frameworks, options.commonPool());
        // An accepted kind of operation is not probed at all: it costs nothing, and the self-test does not miss it.
        List<BlockingOperation> operations = new ArrayList<>();
        for (BlockingOperation operation : Catalog.OPERATIONS) {
            if (!options.accept().contains(operation.remedy())) {
                operations.add(operation);
            }
        }
        operations = List.copyOf(operations);
        Detector detector = new Detector(operations, frameworks.blockingMethods(), designated, options.mode(),
                options.lockWaitThreshold(), meters::countBlockingCall, reporting::submit);
        Acceptance acceptance = Acceptance.of(options.allow(), options.allowPacks(), options.baseline(),
                options.writeBaseline(), problems);
        detector.acceptWith(acceptance);
        // after every detection was judged
        exit.at(ExitHook.Step.SUMMARY, () -> acceptance.atExit(AllowRuleUse::used, problems));
        reporting.atStart(() -> jfr.watchRecordings(detector));
        PinningWatch pinning = new PinningWatch(reporting::submit, meters, problems);
        if (options.pinned()) {
            detector.onVirtualThread(pinning::virtualThreadSeen);
        }
        Probe.install(detector);
        Probe.weavingOn(Thread.currentThread());
        Instrumenter instrumenter = new Instrumenter(instrumentation, transformer, options.cache(), problems)
                .timeLoops(frameworks.eventLoops(), frameworks.tasks());
        long instrumenting = System.nanoTime();
        BitSet probed = instrumenter.install(operations, frameworks, acceptance.wovenRules());
        probesIn.run(); // the detections made from now on wait in the queue for the reporting thread
        instrumenter.weaveLoadedClasses();
        Probe.weavingOn(null);
        long instrumentedMillis = (System.nanoTime() - instrumenting) / 1_000_000;
        int runningLoops = attachedLate ? RunningLoops.adopt(frameworks.eventLoops(), frameworks.currentLoops()) : 0;

        reporting.start();
        String metrics = MeterExport.start(meters, options.metricsPort(), options.metricsHost(), instrumentation,
                problems);
        if (otlpExport != null) {
            otlpExport.start();
            exit.at(ExitHook.Step.DELIVERY, otlpExport::finish); // after the reporters had the last findings
        }
        exit.at(ExitHook.Step.RELEASE, () -> MeterExport.stop(instrumentation));
        exit.at(ExitHook.Step.DELIVERY, instrumenter::finishCacheWrites);
        exit.at(ExitHook.Step.RELEASE, instrumenter::stopCacheWriter);
        LoopMeters.bind(meters, watchdog.monitor());
        watchdog.start(reporting::submit);
        exit.at(ExitHook.Step.LAST_DETECTIONS, watchdog::flush);
        LoopSummary loops = new LoopSummary(watchdog.monitor(), err);
        exit.at(ExitHook.Step.SUMMARY, loops::print);
        exit.at(ExitHook.Step.RELEASE, watchdog::stop);

        Supplier<List<String>> outputs = () -> {
            List<String> where = new ArrayList<>();
            if (events != null) {
                where.add(events.status());
            }
            if (metrics != null) {
                where.add(metrics);
            }
            return where;
        };
        String attached = !attachedLate ? "" : "; attached to the running JVM: classes retransformed in "
                + instrumentedMillis + " ms, " + runningLoops + (runningLoops == 1 ? " running event loop" : " running event loops")
                + " adopted";
        Future<String> startLine = SelfTest.startInBackground(detector, operations, probed, options, outputs,
                pinning.availability() + attached, err, exit);
        return new DeferredStart.Started(startLine, instrumenter, console, loops, reporting);
    }
}
