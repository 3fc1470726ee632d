package io.loopguard.benchmarks.service;

/** The method each agent is told to accept blocking in; what it does never actually blocks. */
final class AllowedWork {
    /** {@code Class#method}, as Loopguard's {@code allow} option takes it. */
    static final String LOOPGUARD_ALLOW = "io.loopguard.benchmarks.service.AllowedWork#run";

    private AllowedWork() {
    }

    static void run() {
        ProbedWork.run();
    }
}
