package io.loopguard.agent.otlp;

import io.loopguard.agent.detect.Detection;
import io.loopguard.agent.detect.Stall;
import io.loopguard.agent.report.DetectionFields;
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
import java.util.stream.Collectors;

/**
 * Writes findings as an OTLP logs request. Attributes are the events file's fields ({@link DetectionFields})
 * under {@code loopguard.}, except the thread and the stack, which take the OpenTelemetry names
 * {@code thread.name} and {@code code.stacktrace} so that backends show them where they show every other log's,
 * and the time, which is the record's own.
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
        DetectionFields.of(finding).forEach((name, value) -> {
            switch (name) {
                case "time" -> { } // the record's own time
                case "thread" -> record.addAttributes(attribute("thread.name", value));
                case "stack" -> record.addAttributes(attribute("code.stacktrace", value));
                default -> record.addAttributes(attribute(PREFIX + name, value));
            }
        });
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

    /** An attribute of one of the values a detection's fields have: text, a number, true, or a stack. */
    private static KeyValue attribute(String key, Object value) {
        AnyValue.Builder any = AnyValue.newBuilder();
        if (value instanceof Long number) {
            any.setIntValue(number);
        } else if (value instanceof Boolean bool) {
            any.setBoolValue(bool);
        } else if (value instanceof List<?> lines) {
            any.setStringValue(lines.stream().map(String::valueOf).collect(Collectors.joining("\n")));
        } else {
            any.setStringValue(String.valueOf(value));
        }
        return KeyValue.newBuilder().setKey(key).setValue(any).build();
    }

    private static long nanos(Instant time) {
        return TimeUnit.SECONDS.toNanos(time.getEpochSecond()) + time.getNano();
    }
}
