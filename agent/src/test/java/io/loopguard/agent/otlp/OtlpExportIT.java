package io.loopguard.agent.otlp;

import static io.loopguard.agent.otlp.OtlpReceiver.attributes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.loopguard.scenarios.BlockingLineServer;
import io.loopguard.testkit.ForkedJvm;
import io.loopguard.testkit.Jdk;
import io.opentelemetry.proto.logs.v1.LogRecord;
import io.opentelemetry.proto.logs.v1.SeverityNumber;
import io.opentelemetry.proto.resource.v1.Resource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code otlp-endpoint}: a forked Netty server whose handler blocks reports to a real OTLP/HTTP receiver
 * (requests decoded with the official OTLP classes): exact meter values, one log record per call site, the
 * resource, a receiver that is down then comes back, one that refuses, one that hangs; and nothing of it
 * loads when no endpoint is set.
 */
class OtlpExportIT {
    private static final String SLEEP = "java.lang.Thread.sleep";
    private static final String PARK = "java.util.concurrent.locks.LockSupport.parkNanos";
    private static final String LOOP_GROUP = "multiThreadIoEventLoopGroup-*";
    private static final int WAIT_SECONDS = 90;

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.loopguard.testkit.Jdk#all")
    void exportsExactMetersOneLogRecordPerCallSiteAndTheResource(Jdk jdk) throws Exception {
        try (OtlpReceiver receiver = OtlpReceiver.listen(0)) {
            Path dir = Files.createTempDirectory("loopguard-otlp-");
            ForkedJvm jvm = ForkedJvm.on(jdk).agentOptions("otlp-endpoint=" + receiver.endpoint() + ",otlp-step=1s")
                    .environment("OTEL_SERVICE_NAME", "orders")
                    .environment("OTEL_RESOURCE_ATTRIBUTES", "deployment.environment.name=test,service.version=1.2.3")
                    .environment("OTEL_EXPORTER_OTLP_HEADERS", "Authorization=Bearer%20s3cret");
            CompletableFuture<ForkedJvm.Run> running = start(jvm, dir, "sleep:3", "park:2", "sleep:2", "wait:end");
            awaitFile(dir, "end-ready", running);
            OtlpReceiver.await("the meters to count every blocking call", WAIT_SECONDS,
                    () -> calls(receiver, SLEEP) == 5 && calls(receiver, PARK) == 2 && blockingCalls(receiver).size() >= 2);
            Files.createFile(dir.resolve("end-go"));
            ForkedJvm.Run run = running.join().assertSucceeded();

            // The meters equal the detections the events file has.
            assertEquals(5, run.events().where(e -> SLEEP.equals(e.path("operation").asText())).size(), run.toString());
            assertEquals(2, run.events().where(e -> PARK.equals(e.path("operation").asText())).size(), run.toString());
            assertEquals(5, calls(receiver, SLEEP));
            assertEquals(2, calls(receiver, PARK));
            assertEquals(Set.of(SLEEP, PARK), blockingCallSeries(receiver), "no other series");
            assertEquals(0.0, receiver.counter("loopguard.export.dropped", Map.of("signal", "logs")).orElseThrow());
            assertEquals(0.0, receiver.counter("loopguard.export.dropped", Map.of("signal", "metrics")).orElseThrow());

            // One log record per call site, whatever the number of calls from it. (Stalls are log records too:
            // the scenario may have one while its classes load.)
            List<LogRecord> records = blockingCalls(receiver);
            assertEquals(2, records.size(), records.toString());
            LogRecord sleep = records.stream().filter(r -> SLEEP.equals(attributes(r.getAttributesList())
                    .get("loopguard.operation"))).findFirst().orElseThrow();
            Map<String, String> fields = attributes(sleep.getAttributesList());
            String sleepEvent = run.events().where(e -> SLEEP.equals(e.path("operation").asText())).get(0)
                    .path("callSite").asText();
            assertEquals(sleepEvent, fields.get("loopguard.callSite"));
            assertTrue(fields.get("loopguard.callSite").startsWith("io.loopguard.scenarios.BlockingLineServer$"
                    + "BlockingHandler.channelRead0(BlockingLineServer.java:"), fields.toString());
            assertEquals("blocking-call", fields.get("loopguard.type"));
            assertTrue(fields.get("thread.name").startsWith("multiThreadIoEventLoopGroup-"), fields.toString());
            assertTrue(fields.get("code.stacktrace").contains(sleepEvent), fields.toString());
            assertTrue(fields.get("loopguard.hint").contains("eventLoop.schedule"), fields.toString());
            assertEquals(SeverityNumber.SEVERITY_NUMBER_WARN, sleep.getSeverityNumber());
            assertEquals("loopguard.blocking-call", sleep.getEventName());
            assertTrue(sleep.getBody().getStringValue().contains("blocking call " + SLEEP + " on thread"),
                    sleep.getBody().toString());
            assertTrue(sleep.getTimeUnixNano() > 0 && sleep.getObservedTimeUnixNano() >= sleep.getTimeUnixNano());

            // One resource on every request, meters and logs alike.
            Set<Map<String, String>> resources = receiver.resources().stream().map(OtlpExportIT::withoutSdk)
                    .collect(Collectors.toSet());
            assertEquals(1, resources.size(), resources.toString());
            Map<String, String> resource = resources.iterator().next();
            assertEquals("orders", resource.get("service.name"));
            assertEquals("test", resource.get("deployment.environment.name"));
            assertEquals("1.2.3", resource.get("service.version"));
            assertEquals(pid(run), resource.get("process.pid"));
            assertTrue(resource.get("service.instance.id").matches("[0-9a-f-]{36}"), resource.toString());
            assertFalse(resource.get("host.name").isBlank(), resource.toString());
            assertEquals(Set.of("Bearer s3cret"), Set.copyOf(receiver.authorizations()));
            assertFalse(run.stderr().contains("OTLP"), run.stderr());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.loopguard.testkit.Jdk#all")
    void aCollectorThatIsDownIsRetriedAndGetsEverythingOnceItIsBack(Jdk jdk) throws Exception {
        try (OtlpReceiver receiver = OtlpReceiver.listen(0)) {
            receiver.breakDown();
            Path dir = Files.createTempDirectory("loopguard-otlp-");
            ForkedJvm jvm = ForkedJvm.on(jdk).agentOptions("otlp-endpoint=" + receiver.endpoint() + ",otlp-step=1s");
            CompletableFuture<ForkedJvm.Run> running = start(jvm, dir, "sleep:3", "wait:down", "park:2", "wait:end");
            awaitFile(dir, "down-ready", running);
            OtlpReceiver.await("two tries at the broken collector", WAIT_SECONDS, () -> receiver.brokenConnections() >= 2);
            receiver.comeBack();
            Files.createFile(dir.resolve("down-go"));
            awaitFile(dir, "end-ready", running);
            OtlpReceiver.await("everything, once the collector is back", WAIT_SECONDS,
                    () -> calls(receiver, SLEEP) == 3 && calls(receiver, PARK) == 2 && blockingCalls(receiver).size() >= 2);
            Files.createFile(dir.resolve("end-go"));
            ForkedJvm.Run run = running.join().assertSucceeded();

            List<String> operations = blockingCalls(receiver).stream()
                    .map(r -> attributes(r.getAttributesList()).get("loopguard.operation")).sorted().toList();
            assertEquals(List.of(SLEEP, PARK).stream().sorted().toList(), operations, "the finding made while the"
                    + " collector was down is delivered, once");
            assertEquals(0.0, receiver.counter("loopguard.export.dropped", Map.of("signal", "logs")).orElseThrow());
            assertEquals(1, lines(run.stderr(), "loopguard: cannot export to the OTLP collector (").size(), run.stderr());
            assertTrue(lines(run.stderr(), "loopguard: gave up").isEmpty(), run.stderr());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.loopguard.testkit.Jdk#all")
    void findingsTheCollectorRefusesAreCountedAndSaidOnce(Jdk jdk) throws Exception {
        try (OtlpReceiver receiver = OtlpReceiver.listen(0)) {
            receiver.answerLogsWith(400);
            Path dir = Files.createTempDirectory("loopguard-otlp-");
            // The endpoint as the OpenTelemetry SDKs read it, from the environment.
            // Without stall reports, the only log records are the two call sites'.
            ForkedJvm jvm = ForkedJvm.on(jdk).agentOptions("otlp-step=1s,stall-threshold=off")
                    .environment("OTEL_EXPORTER_OTLP_ENDPOINT", receiver.endpoint());
            CompletableFuture<ForkedJvm.Run> running = start(jvm, dir, "sleep:1", "park:3", "wait:end");
            awaitFile(dir, "end-ready", running);
            OtlpReceiver.await("both refused findings to be counted", WAIT_SECONDS, () -> receiver.counter(
                    "loopguard.export.dropped", Map.of("signal", "logs")).orElse(0.0) == 2.0 && calls(receiver, PARK) == 3);
            Files.createFile(dir.resolve("end-go"));
            ForkedJvm.Run run = running.join().assertSucceeded();

            assertTrue(receiver.logRecords().isEmpty());
            List<String> said = lines(run.stderr(), "loopguard: gave up exporting ");
            assertEquals(1, said.size(), run.stderr());
            assertTrue(said.get(0).contains("the collector refused them: HTTP 400 from " + receiver.endpoint()
                    + "/v1/logs"), said.get(0));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.loopguard.testkit.Jdk#all")
    void aCollectorThatHangsDelaysTheExitByAtMostTheExitWait(Jdk jdk) throws Exception {
        try (OtlpReceiver receiver = OtlpReceiver.listen(0)) {
            receiver.hang();
            Path dir = Files.createTempDirectory("loopguard-otlp-");
            ForkedJvm.Run run = ForkedJvm.on(jdk).agentOptions("otlp-endpoint=" + receiver.endpoint())
                    .run(BlockingLineServer.class, dir.toString(), "sleep:1").assertSucceeded();

            assertEquals(1, run.events().blockingCalls().size(), run.toString());
            assertTrue(run.stderr().contains("loopguard: summary: 1 blocking call"), run.stderr());
            // Said once, whether the exit found the export waiting for an answer or between two tries.
            List<String> said = lines(run.stderr(), "loopguard: gave up exporting ");
            assertEquals(1, said.size(), run.stderr());
            assertTrue(said.get(0).contains("exit"), said.get(0));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.loopguard.testkit.Jdk#all")
    void withoutAnEndpointNothingOfTheExportIsLoaded(Jdk jdk) throws Exception {
        Path dir = Files.createTempDirectory("loopguard-otlp-");
        ForkedJvm.Run run = ForkedJvm.on(jdk).jvmOption("-Xlog:class+load=info")
                .run(BlockingLineServer.class, dir.toString(), "sleep:1").assertSucceeded();

        assertEquals(1, run.events().blockingCalls().size(), run.toString());
        List<String> loaded = lines(run.stdout(), "[").stream()
                .filter(line -> line.contains("io.loopguard.agent.otlp.") || line.contains("io.loopguard.shaded.com.google")
                        || line.contains("io.loopguard.shaded.io.opentelemetry")
                        || line.contains("io.loopguard.shaded.io.micrometer.registry.otlp"))
                .map(line -> line.replaceAll(".*\\] (\\S+) source.*", "$1")).toList();
        assertEquals(List.of("io.loopguard.agent.otlp.OtlpSettings"), loaded, "only what decides that there is"
                + " nothing to export");
    }

    private static CompletableFuture<ForkedJvm.Run> start(ForkedJvm jvm, Path dir, String... steps) {
        String[] args = new String[steps.length + 1];
        args[0] = dir.toString();
        System.arraycopy(steps, 0, args, 1, steps.length);
        return CompletableFuture.supplyAsync(() -> jvm.run(BlockingLineServer.class, args));
    }

    private static void awaitFile(Path dir, String name, CompletableFuture<ForkedJvm.Run> running)
            throws InterruptedException {
        OtlpReceiver.await(name, WAIT_SECONDS, () -> {
            if (running.isDone()) {
                fail("the application ended before " + name + "\n" + running.join());
            }
            return Files.exists(dir.resolve(name));
        });
    }

    private static List<LogRecord> blockingCalls(OtlpReceiver receiver) {
        return receiver.logRecords().stream().filter(r -> r.getEventName().equals("loopguard.blocking-call")).toList();
    }

    private static double calls(OtlpReceiver receiver, String operation) {
        return receiver.counter("loopguard.blocking.calls", Map.of("operation", operation, "thread.group", LOOP_GROUP,
                "baseline", "false"))
                .orElse(-1.0);
    }

    private static Set<String> blockingCallSeries(OtlpReceiver receiver) {
        return receiver.latestMetrics().get("loopguard.blocking.calls").getSum().getDataPointsList().stream()
                .map(point -> attributes(point.getAttributesList()).get("operation")).collect(Collectors.toSet());
    }

    /** The resource's attributes without those Micrometer adds to meters only ({@code telemetry.sdk.*}). */
    private static Map<String, String> withoutSdk(Resource resource) {
        Map<String, String> attributes = new java.util.HashMap<>(attributes(resource.getAttributesList()));
        attributes.keySet().removeIf(key -> key.startsWith("telemetry.sdk."));
        return attributes;
    }

    private static String pid(ForkedJvm.Run run) {
        Matcher pid = Pattern.compile("PID (\\d+)").matcher(run.stdout());
        assertTrue(pid.find(), run.stdout());
        return pid.group(1);
    }

    private static List<String> lines(String text, String prefix) {
        return text.lines().filter(line -> line.startsWith(prefix)).toList();
    }
}
