package io.loopguard.scenarios;

import java.nio.file.Path;
import java.util.stream.Collectors;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * Reads a recording file with {@link RecordingFile}, on the JDK that wrote it, and prints one line per
 * Loopguard event: {@code EVENT <name> thread=<event thread> duration=<nanos> frames=<a|b|c> <field>=<value>...}.
 */
public final class FlightRecording {

    public static void main(String[] args) throws Exception {
        for (RecordedEvent event : RecordingFile.readAllEvents(Path.of(args[0]))) {
            if (!event.getEventType().getName().startsWith("io.loopguard.")) {
                continue;
            }
            StringBuilder line = new StringBuilder("EVENT ").append(event.getEventType().getName())
                    .append(" thread=").append(event.getThread() == null ? "" : event.getThread().getJavaName())
                    .append(" duration=").append(event.getDuration().toNanos())
                    .append(" frames=").append(event.getStackTrace() == null ? "" : event.getStackTrace().getFrames()
                            .stream().map(FlightRecording::frame).collect(Collectors.joining("|")));
            event.getFields().stream()
                    .filter(field -> !field.getName().equals("startTime") && !field.getName().equals("duration")
                            && !field.getName().equals("eventThread") && !field.getName().equals("stackTrace"))
                    .forEach(field -> line.append(' ').append(field.getName()).append('=')
                            .append(String.valueOf((Object) event.getValue(field.getName())).replace('\n', '|')));
            System.out.println(line);
        }
    }

    private static String frame(RecordedFrame frame) {
        return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
    }
}
