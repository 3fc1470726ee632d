package io.loopguard.agent;

import io.loopguard.agent.accept.Acceptance;
import io.loopguard.agent.catalog.BlockingOperation;
import io.loopguard.agent.catalog.Catalog;
import io.loopguard.agent.common.AttachProtocol;
import io.loopguard.agent.config.Mode;
import io.loopguard.agent.config.Options;
import io.loopguard.agent.config.OptionsParser;
import io.loopguard.agent.detect.Detector;
import io.loopguard.agent.exit.ExitHook;
import io.loopguard.agent.frameworks.FrameworkDescription;
import io.loopguard.agent.frameworks.Frameworks;
import io.loopguard.agent.jfr.JfrReporter;
import io.loopguard.agent.pinning.PinningWatch;
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
import io.loopguard.agent.threads.RunningLoops;
import io.loopguard.agent.watchdog.LoopSummary;
import io.loopguard.agent.watchdog.Watchdog;
import io.loopguard.bootstrap.AllowRuleUse;
import io.loopguard.bootstrap.DetectionSubscribers;
import io.loopguard.bootstrap.Probe;
import java.io.PrintStream;
import java.lang.instrument.Instrumentation;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.function.Consumer;
import java.util.concurrent.Future;
import java.util.function.Supplier;

/** Wires the agent together in the order data flows: options, reporters, detector, probes, self-test. */
final class Startup {
    private static final int QUEUE_CAPACITY = 16_384;

    private Startup() {
    }

    /** @return the running agent, or {@code null} with {@code mode=off} */
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
        // Nothing of the OTLP export loads unless it is configured: not Micrometer's registry, not protobuf.
        OtlpSettings otlp = OtlpSettings.resolve(options, OtlpSettings::fromSystem, problems);
        OtlpExport otlpExport = otlp == null ? null : new OtlpExport(otlp, meters, problems);
        if (otlpExport != null) {
            reporters.add(new OtlpFindingsReporter(otlpExport));
        }
        Watchdog watchdog = new Watchdog(options.stallThreshold(), problems);
        JfrReporter jfr = new JfrReporter(watchdog.monitor(), problems);
        reporters.add(jfr);
        ReportingThread reporting = new ReportingThread(new DetectionQueue(QUEUE_CAPACITY), List.copyOf(reporters));
        exit.at(ExitHook.Step.DELIVERY, reporting::stop);
        DetectionSubscribers.deliverWith(reporting::flush);

        // The built-in frameworks and the application's integrations, read through one path.
        FrameworkDescription frameworks = Frameworks.load(ClassLoader.getSystemClassLoader(), problems);
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
        reporting.start();
        Probe.install(detector);
        String metrics = MeterExport.start(meters, options.metricsPort(), options.metricsHost(), instrumentation,
                attachedLate, problems);
        if (otlpExport != null) {
            otlpExport.start();
            exit.at(ExitHook.Step.DELIVERY, otlpExport::finish); // after the reporters had the last findings
        }
        exit.at(ExitHook.Step.RELEASE, () -> MeterExport.stop(instrumentation));
        Instrumenter instrumenter = new Instrumenter(instrumentation, options.cache(), problems)
                .timeLoops(frameworks.eventLoops(), frameworks.tasks());
        long instrumenting = System.nanoTime();
        BitSet probed = instrumenter.install(operations, frameworks, acceptance.wovenRules(), attachedLate);
        long instrumentedMillis = (System.nanoTime() - instrumenting) / 1_000_000;
        int runningLoops = attachedLate ? RunningLoops.adopt(frameworks.eventLoops(), frameworks.currentLoops()) : 0;
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
        String optionsText = options.toString();
        System.setProperty(AttachProtocol.RUNNING_PROPERTY, "Loopguard " + Startup.class.getPackage().getImplementationVersion()
                + (optionsText.isEmpty() ? "" : " with " + optionsText));
        return new RunningAgent(startLine, instrumenter, exit, console, loops);
    }
}
