package io.loopguard.maven;

import io.loopguard.agent.scan.ScanCommand;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.artifact.DependencyResolutionRequiredException;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.project.MavenProject;

/**
 * {@code loopguard:scan}: lists every path from an event-loop entry point in the project's classes to a blocking call,
 * through its dependencies, and fails the build on a path that is not in the baseline. Bound to {@code verify}.
 */
@Mojo(name = "scan", defaultPhase = LifecyclePhase.VERIFY, requiresDependencyResolution = ResolutionScope.RUNTIME,
        threadSafe = true)
public final class ScanMojo extends AbstractMojo {

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    private MavenProject project;

    /** The classes to scan for entry points: the project's own. */
    @Parameter(defaultValue = "${project.build.outputDirectory}", required = true)
    private File classesDirectory;

    /** Known findings: only those missing from this file fail the build. Written by {@code -Dloopguard.updateBaseline}. */
    @Parameter(property = "loopguard.baseline", defaultValue = "${project.basedir}/loopguard-baseline.txt")
    private File baseline;

    /** Writes every current finding to the baseline file instead of failing. */
    @Parameter(property = "loopguard.updateBaseline", defaultValue = "false")
    private boolean updateBaseline;

    /** The SARIF file for code scanning (GitHub, GitLab). */
    @Parameter(property = "loopguard.sarif", defaultValue = "${project.build.directory}/loopguard-scan.sarif")
    private File sarif;

    /** Methods that run on an event loop the scan cannot recognise, {@code com.acme.Loop#turn}. */
    @Parameter
    private List<String> entries = new ArrayList<>();

    /** Methods inside which blocking is accepted (the agent's {@code allow} option), {@code com.acme.Cache#warmUp}. */
    @Parameter
    private List<String> allow = new ArrayList<>();

    /** Report new findings without failing the build. */
    @Parameter(property = "loopguard.failOnNewFindings", defaultValue = "true")
    private boolean failOnNewFindings;

    @Parameter(property = "loopguard.scan.skip", defaultValue = "false")
    private boolean skip;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("loopguard scan is skipped (loopguard.scan.skip)");
            return;
        }
        if (!classesDirectory.isDirectory()) {
            getLog().info("loopguard scan: no classes in " + classesDirectory + ", nothing to scan");
            return;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exitCode;
        try (PrintStream outStream = new PrintStream(out, true, StandardCharsets.UTF_8);
             PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            exitCode = new ScanCommand().run(arguments(), outStream, errStream);
        }
        err.toString(StandardCharsets.UTF_8).lines().forEach(getLog()::info);
        String report = out.toString(StandardCharsets.UTF_8);
        if (exitCode == 0) {
            report.lines().forEach(getLog()::info);
        } else if (exitCode == ScanCommand.NEW_FINDINGS) {
            report.lines().forEach(getLog()::error);
            String message = "loopguard scan found blocking calls reachable from an event loop that are not in the"
                    + " baseline " + baseline + "; fix them, allow them (<allow>), or accept them with"
                    + " -Dloopguard.updateBaseline";
            if (failOnNewFindings) {
                throw new MojoFailureException(message);
            }
            getLog().warn(message);
        } else {
            throw new MojoExecutionException("loopguard scan could not run: " + err.toString(StandardCharsets.UTF_8));
        }
    }

    private List<String> arguments() throws MojoExecutionException {
        List<String> arguments = new ArrayList<>(List.of("--quiet", "--baseline", baseline.getPath(), "--sarif",
                sarif.getPath(), "--source-root", sourceRoot()));
        List<String> dependencies = new ArrayList<>();
        try {
            for (String element : project.getRuntimeClasspathElements()) {
                if (!new File(element).equals(classesDirectory)) {
                    dependencies.add(element);
                }
            }
        } catch (DependencyResolutionRequiredException e) {
            throw new MojoExecutionException("the project's dependencies are not resolved: " + e.getMessage(), e);
        }
        if (!dependencies.isEmpty()) {
            arguments.add("--classpath");
            arguments.add(String.join(File.pathSeparator, dependencies));
        }
        for (String entry : entries) {
            arguments.add("--entry");
            arguments.add(entry);
        }
        for (String allowed : allow) {
            arguments.add("--allow");
            arguments.add(allowed);
        }
        if (updateBaseline) {
            arguments.add("--update-baseline");
        }
        arguments.add(classesDirectory.getPath());
        return arguments;
    }

    /** The main source folder relative to the project, for SARIF's file paths: usually src/main/java. */
    private String sourceRoot() {
        String root = project.getBuild().getSourceDirectory();
        String base = project.getBasedir().getPath();
        return root.startsWith(base) ? root.substring(base.length()).replaceFirst("^[/\\\\]+", "") : root;
    }
}
