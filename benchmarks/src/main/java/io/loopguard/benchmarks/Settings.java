package io.loopguard.benchmarks;

/**
 * How long and how often each benchmark runs: {@link #FULL} for the README's table (about 12 minutes on
 * 2 cores), {@link #QUICK} to check the pipeline while developing (about 3 minutes; its figures are noise).
 */
public record Settings(String name, int jmhForks, int jmhWarmupIterations, int jmhIterations, int jmhIterationSeconds,
                       int connections, int serviceWarmupSeconds, int serviceSeconds, int serviceRounds,
                       int startupRounds) {

    public static final Settings FULL = new Settings("full", 2, 2, 4, 1, 16, 5, 8, 3, 10);
    public static final Settings QUICK = new Settings("quick", 1, 1, 2, 1, 16, 2, 2, 1, 2);
}
