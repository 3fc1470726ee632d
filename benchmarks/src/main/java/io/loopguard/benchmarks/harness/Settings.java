package io.loopguard.benchmarks.harness;

/**
 * How long and how often each benchmark runs: {@link #FULL} for docs/cost.md (about 65 minutes on 2 quiet
 * cores), {@link #QUICK} to check the pipeline while developing (its figures are noise).
 *
 * @param serviceRounds the service rounds per variant, shared out among its {@code serviceJvms} server JVMs
 */
public record Settings(String name, int jmhForks, int jmhWarmupIterations, int jmhIterations, int jmhIterationSeconds,
                       int connections, int serviceWarmupSeconds, int serviceWarmupLimitSeconds, int serviceSeconds, int serviceRounds,
                       int serviceJvms, int startupRounds) {

    public Settings {
        if (serviceRounds % serviceJvms != 0) {
            throw new IllegalArgumentException(serviceRounds + " service rounds cannot be shared out evenly among "
                    + serviceJvms + " server JVMs per variant");
        }
    }

    public static final Settings FULL = new Settings("full", 1, 3, 5, 1, 16, 10, 60, 5, 9, 3, 10);
    public static final Settings QUICK = new Settings("quick", 1, 1, 2, 1, 16, 1, 2, 1, 2, 2, 3);

    /** The service rounds each server JVM gets. */
    public int serviceRoundsPerJvm() {
        return serviceRounds / serviceJvms;
    }
}
