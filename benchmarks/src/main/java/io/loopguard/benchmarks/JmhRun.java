package io.loopguard.benchmarks;

import io.loopguard.benchmarks.harness.Settings;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * The per-call and detection-path benchmarks, in one JMH run: each agent variant is its own {@code @Fork}
 * of the same benchmark code, so all of them see the same machine at nearly the same time.
 */
final class JmhRun {

    /** A benchmark's score: the mean and JMH's 99.9% confidence half-width, in {@code unit}. */
    record Score(double mean, double error, String unit) {
    }

    private JmhRun() {
    }

    /** @return the scores by {@code SimpleClassName.method}, e.g. {@code PerCallLoopguard.parkNanos} */
    static Map<String, Score> run(Settings settings, Path json, Path humanOutput) throws RunnerException {
        Options options = new OptionsBuilder()
                .include("io\\.loopguard\\.benchmarks\\.(percall|detection)\\..*")
                .forks(settings.jmhForks())
                .warmupIterations(settings.jmhWarmupIterations())
                .warmupTime(TimeValue.seconds(settings.jmhIterationSeconds()))
                .measurementIterations(settings.jmhIterations())
                .measurementTime(TimeValue.seconds(settings.jmhIterationSeconds()))
                .resultFormat(ResultFormatType.JSON)
                .result(json.toString())
                .output(humanOutput.toString())
                .shouldFailOnError(true)
                .build();
        Collection<RunResult> results = new Runner(options).run();
        Map<String, Score> scores = new HashMap<>();
        for (RunResult result : results) {
            String benchmark = result.getParams().getBenchmark();
            String[] parts = benchmark.split("\\.");
            Result<?> primary = result.getPrimaryResult();
            scores.put(parts[parts.length - 2] + "." + parts[parts.length - 1],
                    new Score(primary.getScore(), primary.getScoreError(), primary.getScoreUnit()));
        }
        return scores;
    }
}
