package io.loopguard.benchmarks.harness;

/**
 * How long and how often each benchmark runs: {@link #FULL} for docs/cost.md (about 45 minutes on 2 quiet
 * cores), {@link #QUICK} to check the pipeline while developing (its figures are noise).
 */
public record Settings(String name, int jmhForks, int jmhWarmupIterations, int jmhIterations, int jmhIterationSeconds,
                       int connections, int serviceWarmupSeconds, int serviceWarmupLimitSeconds, int serviceSeconds, int serviceRounds,
                       int startupRounds) {

    public static final Settings FULL = new Settings("full", 1, 3, 5, 1, 16, 10, 60, 5, 9, 10);
    public static final Settings QUICK = new Settings("quick", 1, 1, 2, 1, 16, 1, 2, 1, 2, 3);
}
