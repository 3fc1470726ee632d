package io.loopguard.agent.otlp;

import io.loopguard.agent.detect.Detection;
import io.loopguard.agent.detect.Stall;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.InstrumentationScope;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.logs.v1.LogRecord;
import io.opentelemetry.proto.logs.v1.ResourceLogs;
import io.opentelemetry.proto.logs.v1.ScopeLogs;
import io.opentelemetry.proto.logs.v1.SeverityNumber;
import io.opentelemetry.proto.resource.v1.Resource;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Writes findings as an OTLP logs request. Attributes are the events file's fields under {@code loopguard.},
 * except the thread and the stack, which take the OpenTelemetry names {@code thread.name} and
 * {@code code.stacktrace} so that backends show them where they show every other log's.
 */
final class FindingLogRecords {
    static final String SCOPE = "io.loopguard";
    private static final String PREFIX = "loopguard.";

    private final Resource resource;

    FindingLogRecords(Map<String, String> resourceAttributes) {
        Resource.Builder resource = Resource.newBuilder();
        resourceAttributes.forEach((key, value) -> resource.addAttributes(attribute(key, value)));
        this.resource = resource.build();
    }

    /** One request carrying these findings. */
    byte[] request(List<Detection> findings) {
        ScopeLogs.Builder scope = ScopeLogs.newBuilder().setScope(InstrumentationScope.newBuilder().setName(SCOPE));
        long observed = nanos(Instant.now());
        for (Detection finding : findings) {
            scope.addLogRecords(record(finding, observed));
        }
        return ExportLogsServiceRequest.newBuilder()
                .addResourceLogs(ResourceLogs.newBuilder().setResource(resource).addScopeLogs(scope))
                .build().toByteArray();
    }

    static LogRecord record(Detection finding, long observedNanos) {
        Stall stall = finding.stall();
        // A stall that a JVM pause, a lack of CPU or start-up class loading explains is not the code's fault.
        boolean notTheCode = stall != null && (stall.pause() != null || stall.warmup());
        LogRecord.Builder record = LogRecord.newBuilder()
                .setTimeUnixNano(nanos(finding.time()))
                .setObservedTimeUnixNano(observedNanos)
                .setSeverityNumber(notTheCode ? SeverityNumber.SEVERITY_NUMBER_INFO : SeverityNumber.SEVERITY_NUMBER_WARN)
                .setSeverityText(notTheCode ? "INFO" : "WARN")
                .setEventName(PREFIX + finding.type())
                .setBody(AnyValue.newBuilder().setStringValue(body(finding)));
        add(record, PREFIX + "type", finding.type());
        add(record, PREFIX + "operation", finding.operation());
        add(record, PREFIX + "via", finding.via());
        add(record, "thread.name", finding.thread());
        add(record, PREFIX + "callSite", finding.callSite());
        add(record, "code.stacktrace", String.join("\n", finding.stack()));
        add(record, PREFIX + "hint", finding.hint());
        if (stall != null) {
            add(record, PREFIX + "durationMillis", stall.durationMillis());
            add(record, PREFIX + "phase", stall.phase());
            add(record, PREFIX + "started", stall.started().toString());
            add(record, PREFIX + "hottestFrame", stall.hottestFrame());
            add(record, PREFIX + "samples", stall.samples());
            add(record, PREFIX + "hottestSamples", stall.hottestSamples());
            add(record, PREFIX + "blockedOn", stall.blockedOn());
            add(record, PREFIX + "pause", stall.pause());
            if (stall.pause() != null) {
                add(record, PREFIX + "pauseMillis", stall.pauseMillis());
            }
            if (stall.warmup()) {
                record.addAttributes(KeyValue.newBuilder().setKey(PREFIX + "warmup")
                        .setValue(AnyValue.newBuilder().setBoolValue(true)));
            }
        }
        return record.build();
    }

    private static String body(Detection finding) {
        String where = finding.callSite() != null ? finding.callSite() : "(no application frame)";
        if (finding.stall() == null) {
            return "blocking call " + finding.describeOperation() + " on thread \"" + finding.thread()
                    + "\", which must never block, at " + where;
        }
        return "event loop stall (" + finding.stall().phase() + "): thread \"" + finding.thread() + "\" ran one task for "
                + finding.stall().durationMillis() + " ms, at " + where;
    }

    private static void add(LogRecord.Builder record, String key, String value) {
        if (value != null) {
            record.addAttributes(attribute(key, value));
        }
    }

    private static void add(LogRecord.Builder record, String key, long value) {
        record.addAttributes(KeyValue.newBuilder().setKey(key).setValue(AnyValue.newBuilder().setIntValue(value)));
    }

    private static KeyValue attribute(String key, String value) {
        return KeyValue.newBuilder().setKey(key).setValue(AnyValue.newBuilder().setStringValue(value)).build();
    }

    private static long nanos(Instant time) {
        return TimeUnit.SECONDS.toNanos(time.getEpochSecond()) + time.getNano();
    }
}
