package io.loopguard.benchmarks.service;

/** What the hello-world handler does for each request before it answers, on the event loop. */
enum Work {
    NOTHING("does nothing", () -> {
    }),
    PROBED_NOT_BLOCKING("uncontended lock + map put", ProbedWork::run),
    INSIDE_ALLOWED_METHOD("the same, inside an allowed method", AllowedWork::run);

    private final String label;
    private final Runnable perRequest;

    Work(String label, Runnable perRequest) {
        this.label = label;
        this.perRequest = perRequest;
    }

    String label() {
        return label;
    }

    void run() {
        perRequest.run();
    }
}
