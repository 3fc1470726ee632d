package io.loopguard.agent.otlp;

import static io.loopguard.agent.otlp.OtlpReceiver.attributes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loopguard.agent.detect.Detection;
import io.loopguard.agent.detect.Stall;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.logs.v1.LogRecord;
import io.opentelemetry.proto.logs.v1.SeverityNumber;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** A finding as an OTLP log record, read back with the official OTLP classes. */
class FindingLogRecordsTest {
    private static final Instant TIME = Instant.parse("2026-11-22T14:30:00.123456789Z");
    private static final Stall WARMUP = new Stall(Stall.ENDED, TIME.minusMillis(512), 512, "com.acme.App.init(App.java:7)",
            40, 31, null, null, 0, true, false, 1, null);

    @Test
    void aStallHasTheEventsFileFieldsWithTheirTypes() throws Exception {
        Detection stall = new Detection(Detection.STALL, null, null, "nioEventLoopGroup-2-1",
                "com.acme.App.init(App.java:7)", List.of("com.acme.App.init(App.java:7)", "io.netty.X.run(X.java:1)"),
                TIME, "a hint", WARMUP);
        ExportLogsServiceRequest request = ExportLogsServiceRequest.parseFrom(
                new FindingLogRecords(Map.of("service.name", "orders")).request(List.of(stall)));

        assertEquals(Map.of("service.name", "orders"),
                attributes(request.getResourceLogs(0).getResource().getAttributesList()));
        assertEquals(FindingLogRecords.SCOPE, request.getResourceLogs(0).getScopeLogs(0).getScope().getName());
        LogRecord record = request.getResourceLogs(0).getScopeLogs(0).getLogRecords(0);
        assertEquals(SeverityNumber.SEVERITY_NUMBER_INFO, record.getSeverityNumber(), "class loading is not the code's fault");
        assertEquals("loopguard.stall", record.getEventName());
        assertEquals(1_795_357_800_123_456_789L, record.getTimeUnixNano());
        Map<String, AnyValue> fields = record.getAttributesList().stream()
                .collect(Collectors.toMap(KeyValue::getKey, KeyValue::getValue));
        assertEquals(512, fields.get("loopguard.durationMillis").getIntValue());
        assertEquals(40, fields.get("loopguard.samples").getIntValue());
        assertTrue(fields.get("loopguard.warmup").getBoolValue());
        assertEquals("ended", fields.get("loopguard.phase").getStringValue());
        assertEquals("nioEventLoopGroup-2-1", fields.get("thread.name").getStringValue());
        assertEquals("com.acme.App.init(App.java:7)\nio.netty.X.run(X.java:1)", fields.get("code.stacktrace").getStringValue());
        assertFalse(fields.containsKey("loopguard.time") || fields.containsKey("loopguard.thread")
                || fields.containsKey("loopguard.stack") || fields.containsKey("loopguard.operation"), fields.toString());
        assertEquals("event loop stall (ended): thread \"nioEventLoopGroup-2-1\" ran one task for 512 ms, at"
                + " com.acme.App.init(App.java:7)", record.getBody().getStringValue());
    }
}
