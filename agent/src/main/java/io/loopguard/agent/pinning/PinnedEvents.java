package io.loopguard.agent.pinning;

import io.loopguard.agent.detect.Detection;
import io.loopguard.agent.detect.PinnedDetection;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedMethod;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingStream;

/** Streams the JDK's {@code jdk.VirtualThreadPinned} events of this JVM as {@code pinned} detections. */
final class PinnedEvents {
    private static final String PINNED = "jdk.VirtualThreadPinned";
    /** The JDK's own default for this event: shorter pins cost a carrier too little to report. */
    private static final Duration THRESHOLD = Duration.ofMillis(20);

    private PinnedEvents() {
    }

    /** Runs on the calling thread until the JVM exits. */
    static void stream(Consumer<Detection> detections) {
        try (RecordingStream stream = new RecordingStream()) {
            stream.enable(PINNED).withThreshold(THRESHOLD).withStackTrace();
            stream.onEvent(PINNED, event -> detections.accept(detection(event)));
            stream.start();
        }
    }

    private static Detection detection(RecordedEvent event) {
        RecordedStackTrace trace = event.getStackTrace();
        List<RecordedFrame> frames = trace == null ? List.of() : trace.getFrames();
        StackTraceElement[] stack = frames.stream().filter(RecordedFrame::isJavaFrame).map(PinnedEvents::element)
                .toArray(StackTraceElement[]::new);
        // JDK 24+ says why and on which carrier; JDK 21-23 record only the stack.
        String reason = event.hasField("pinnedReason") ? event.getString("pinnedReason") : null;
        RecordedThread carrier = event.hasField("carrierThread") ? event.getThread("carrierThread") : null;
        return PinnedDetection.of(name(event.getThread()), stack, reason, carrier == null ? null : carrier.getJavaName(), event.getDuration().toMillis(), event.getStartTime());
    }

    /** A virtual thread has no name unless the application gave it one. */
    private static String name(RecordedThread thread) {
        if (thread == null) {
            return "(unknown virtual thread)";
        }
        String name = thread.getJavaName();
        return name == null || name.isEmpty() ? "virtual thread #" + thread.getJavaThreadId() : name;
    }

    /** A recording names no source file: the one a Java class would have, so the frame reads as a stack trace line. */
    private static StackTraceElement element(RecordedFrame frame) {
        RecordedMethod method = frame.getMethod();
        String className = method.getType().getName();
        String named = className.replaceFirst("\\.0x\\p{XDigit}+$", ""); // a hidden class: Handler$$Lambda.0x01
        String outer = named.substring(named.lastIndexOf('.') + 1);
        int nested = outer.indexOf('$');
        String file = (nested > 0 ? outer.substring(0, nested) : outer) + ".java";
        return new StackTraceElement(className, method.getName(), file, frame.getLineNumber());
    }
}
