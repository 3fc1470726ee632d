package io.loopguard.testkit;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Runs a scenario class in a fresh JVM the way a user runs Loopguard: {@code -javaagent:} the jar that
 * {@code mvn package} built, the test classpath, nothing else. Collects stdout, stderr and the events file.
 */
public final class ForkedJvm {
    /**
     * A guard against a forked JVM that hangs, not a measure of speed: on a loaded machine a scenario that
     * takes seconds alone (JUnit's whole sample set, say) takes minutes.
     */
    private static final long DEFAULT_TIMEOUT_SECONDS = 600;

    private final Jdk jdk;
    private final List<String> jvmOptions = new ArrayList<>();
    private String agentOptions;
    private boolean withAgent = true;
    private boolean withEvents = true;
    private String stdin = "";
    private boolean inTerminal;
    private long fileSizeLimitKib;
    private long timeoutSeconds = DEFAULT_TIMEOUT_SECONDS;
    private Predicate<String> droppedFromClasspath = entry -> false;
    private final List<Path> addedToClasspath = new ArrayList<>();
    private final Map<String, String> environment = new LinkedHashMap<>();

    private ForkedJvm(Jdk jdk) {
        this.jdk = jdk;
    }

    public static ForkedJvm on(Jdk jdk) {
        return new ForkedJvm(jdk);
    }

    /** Options after {@code -javaagent:loopguard-agent.jar=}; {@code events=} is added unless given. */
    public ForkedJvm agentOptions(String options) {
        this.agentOptions = options;
        return this;
    }

    public ForkedJvm jvmOption(String option) {
        jvmOptions.add(option);
        return this;
    }

    /** Sets an environment variable of the forked JVM, which otherwise inherits this JVM's environment. */
    public ForkedJvm environment(String name, String value) {
        environment.put(name, value);
        return this;
    }

    /** Runs without the agent: the baseline a test compares with. */
    /** For a scenario that runs many JVMs of its own: longer than the default two minutes before it counts as hung. */
    public ForkedJvm timeoutSeconds(long seconds) {
        timeoutSeconds = seconds;
        return this;
    }

    public ForkedJvm withoutAgent() {
        withAgent = false;
        return this;
    }

    /** Runs without an events file, to test what stderr alone says. */
    public ForkedJvm withoutEventsFile() {
        withEvents = false;
        return this;
    }

    /** What the forked JVM reads from {@code System.in}; by default it reads end of input at once. */
    public ForkedJvm stdin(String text) {
        this.stdin = text;
        return this;
    }

    /**
     * Runs the JVM on a pseudo-terminal (util-linux {@code script}), so that {@code System.console()}
     * exists; the terminal merges the JVM's stderr into {@link Run#stdout()}.
     */
    public ForkedJvm inTerminal() {
        this.inTerminal = true;
        return this;
    }

    /**
     * Runs the JVM with a limit on the size of every file it writes ({@code ulimit -f}, in KiB): a write past
     * it fails as on a full disk, for the events file (and stdout, stderr: keep them smaller).
     */
    public ForkedJvm fileSizeLimit(long kibibytes) {
        this.fileSizeLimitKib = kibibytes;
        return this;
    }

    /**
     * Changes the forked JVM's classpath: drops the test classpath entries that match, appends others. For a
     * test that puts the agent jar on the classpath to attach it at run time, or runs with another version
     * of a library (drop {@code entry -> true} to replace the whole classpath).
     */
    public ForkedJvm classpath(Predicate<String> drop, List<Path> add) {
        droppedFromClasspath = drop;
        addedToClasspath.addAll(add);
        return this;
    }

    public Run run(Class<?> mainClass, String... args) {
        try {
            Path dir = Files.createDirectories(Path.of(System.getProperty("loopguard.test.output", "target/forked")));
            String name = mainClass.getSimpleName() + "-" + jdk.feature() + "-" + System.nanoTime();
            Path events = dir.resolve(name + ".events.jsonl");
            Path stdout = dir.resolve(name + ".out");
            Path stderr = dir.resolve(name + ".err");
            Path input = Files.writeString(dir.resolve(name + ".in"), stdin);
            List<String> command = new ArrayList<>();
            command.add(jdk.java().toString());
            if (withAgent) {
                command.add("-javaagent:" + agentJar() + "=" + options(events));
            }
            command.addAll(jvmOptions);
            command.add("-cp");
            command.add(changedClasspath());
            command.add(mainClass.getName());
            command.addAll(Arrays.asList(args));
            List<String> launched = inTerminal ? terminal(command) : command;
            if (fileSizeLimitKib > 0) {
                launched = new ArrayList<>(List.of("bash", "-c", "ulimit -f " + fileSizeLimitKib + " && exec \"$@\"", "bash"));
                launched.addAll(command);
            }
            ProcessBuilder builder = new ProcessBuilder(launched);
            builder.environment().putAll(environment);
            Process process = builder.redirectInput(input.toFile()).redirectOutput(stdout.toFile())
                    .redirectError(stderr.toFile()).start();
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                fail("forked JVM did not finish in " + timeoutSeconds + " s: " + command + "\nstderr:\n"
                        + Files.readString(stderr));
            }
            return new Run(command, process.exitValue(), Files.readString(stdout), Files.readString(stderr),
                    Events.read(events));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static List<String> terminal(List<String> command) {
        String line = command.stream().map(arg -> "'" + arg.replace("'", "'\\''") + "'")
                .collect(Collectors.joining(" "));
        return List.of("script", "--quiet", "--return", "--command", line, "/dev/null");
    }

    private String options(Path events) {
        List<String> options = new ArrayList<>();
        if (agentOptions != null && !agentOptions.isEmpty()) {
            options.add(agentOptions);
        }
        if (withEvents && (agentOptions == null || !agentOptions.contains("events="))) {
            options.add("events=" + events);
        }
        return String.join(",", options);
    }

    private String changedClasspath() {
        Stream<String> kept = Arrays.stream(classpath().split(File.pathSeparator)).filter(droppedFromClasspath.negate());
        return Stream.concat(kept, addedToClasspath.stream().map(Path::toString))
                .collect(Collectors.joining(File.pathSeparator));
    }

    /** The agent jar {@code mvn package} built. */
    public static Path agentJar() {
        String jar = System.getProperty("loopguard.agent.jar");
        if (jar == null || !Files.isRegularFile(Path.of(jar))) {
            fail("the agent jar was not built (system property loopguard.agent.jar = " + jar
                    + "); run the tests with mvn verify");
        }
        return Path.of(jar);
    }

    /**
     * The test classpath without the agent's own classes and the libraries whose presence changes what it
     * does (ByteBuddy; Micrometer and the Prometheus client, which it binds to when an application has
     * them): those come only from the jar, relocated.
     */
    static String classpath() {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !isAgentItself(entry.replace('\\', '/')))
                .collect(Collectors.joining(File.pathSeparator));
    }

    private static boolean isAgentItself(String entry) {
        return entry.matches(".*/agent/target/classes/?")
                || entry.matches(".*/loopguard-agent[^/]*\\.jar") && !entry.endsWith("-tests.jar")
                || entry.contains("byte-buddy") || entry.contains("surefire") || entry.contains("failsafe")
                || entry.contains("/io/micrometer/") || entry.contains("/io/prometheus/");
    }

    /** What a forked JVM did. */
    public record Run(List<String> command, int exitCode, String stdout, String stderr, Events events) {

        /** Fails, with everything the JVM printed, unless it exited normally. */
        public Run assertSucceeded() {
            if (exitCode != 0) {
                fail("forked JVM exited with " + exitCode + "\n" + this);
            }
            return this;
        }

        @Override
        public String toString() {
            String shown = String.join(" ", command).replaceAll("-cp \\S+", "-cp <test classpath>");
            return "command: " + shown + "\n--- stdout:\n" + stdout + "\n--- stderr:\n" + stderr;
        }
    }
}
