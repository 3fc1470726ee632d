package io.loopguard.agent.scan;

import java.util.List;

/**
 * What the scan knows about one framework: which of its code is its own (read for types, never followed), which
 * application code it runs on its event loops, and which of its methods block the caller.
 *
 * @param packages        the framework's own packages ({@code io.netty.}): calls into them are not followed
 * @param handlerTypes    types whose methods, overridden in application classes, the framework calls on a loop
 * @param taskHandOffs    methods that run a task they are given (a lambda, a method reference) somewhere else
 * @param blockingMethods the framework's own methods that make the caller wait, {@code Class#method}
 * @param schedulers      where operator lambdas run, for frameworks that move a chain between threads
 */
record FrameworkScanFacts(String name, List<String> packages, List<String> handlerTypes,
                          List<TaskHandOff> taskHandOffs, List<String> blockingMethods, Schedulers schedulers) {

    static final List<FrameworkScanFacts> BUILT_IN = List.of(
            new FrameworkScanFacts("Netty", List.of("io.netty."),
                    List.of(
                            // every handler of a pipeline runs on its channel's event loop
                            "io.netty.channel.ChannelHandler",
                            // a listener runs on the future's executor: the channel's loop for I/O futures
                            "io.netty.util.concurrent.GenericFutureListener"),
                    List.of(
                            TaskHandOff.onLoop("io.netty.util.concurrent.EventExecutor", "execute", "submit",
                                    "schedule", "scheduleAtFixedRate", "scheduleWithFixedDelay", "invokeAll",
                                    "invokeAny"),
                            TaskHandOff.onLoop("io.netty.util.concurrent.EventExecutorGroup", "execute", "submit",
                                    "schedule", "scheduleAtFixedRate", "scheduleWithFixedDelay"),
                            TaskHandOff.onLoop("io.netty.util.concurrent.Future", "addListener", "addListeners")),
                    List.of(
                            // DefaultPromise waits with Object.wait; get() too
                            "io.netty.util.concurrent.Future#sync", "io.netty.util.concurrent.Future#syncUninterruptibly",
                            "io.netty.util.concurrent.Future#await",
                            "io.netty.util.concurrent.Future#awaitUninterruptibly",
                            "io.netty.util.concurrent.Future#get"),
                    Schedulers.NONE),
            new FrameworkScanFacts("Vert.x", List.of("io.vertx."),
                    List.of("io.vertx.core.Handler"),
                    List.of(
                            // the one Vert.x method whose handler runs on a worker thread, checked first
                            TaskHandOff.elsewhere("io.vertx.", "executeBlocking"),
                            // every other handler runs on the context that registered it: an event loop
                            TaskHandOff.handlerOnLoop("io.vertx.", "io.vertx.core.Handler")),
                    List.of(),
                    Schedulers.NONE),
            new FrameworkScanFacts("Reactor", List.of("reactor."),
                    List.of(),
                    List.of(),
                    List.of("reactor.core.publisher.Mono#block", "reactor.core.publisher.Mono#blockOptional",
                            "reactor.core.publisher.Flux#blockFirst", "reactor.core.publisher.Flux#blockLast",
                            "reactor.core.publisher.Flux#toIterable", "reactor.core.publisher.Flux#toStream"),
                    new Schedulers("reactor.core.scheduler.Schedulers", List.of("parallel", "single"),
                            "publishOn", "subscribeOn", "reactor.core.publisher.")),
            new FrameworkScanFacts("RxJava", List.of("io.reactivex.rxjava3."),
                    List.of(),
                    List.of(),
                    List.of("io.reactivex.rxjava3.core.Single#blockingGet", "io.reactivex.rxjava3.core.Maybe#blockingGet",
                            "io.reactivex.rxjava3.core.Completable#blockingAwait",
                            "io.reactivex.rxjava3.core.Observable#blockingFirst",
                            "io.reactivex.rxjava3.core.Observable#blockingLast",
                            "io.reactivex.rxjava3.core.Observable#blockingSubscribe",
                            "io.reactivex.rxjava3.core.Flowable#blockingFirst",
                            "io.reactivex.rxjava3.core.Flowable#blockingLast",
                            "io.reactivex.rxjava3.core.Flowable#blockingSubscribe"),
                    new Schedulers("io.reactivex.rxjava3.schedulers.Schedulers", List.of("computation", "single"),
                            "observeOn", "subscribeOn", "io.reactivex.rxjava3.core.")),
            new FrameworkScanFacts("loopguard-api", List.of("io.loopguard.api."),
                    List.of(),
                    List.of(
                            // the block runs designated, as on a loop; runAllowed and callAllowed are allowances
                            TaskHandOff.onLoop("io.loopguard.api.Loopguard", "runDesignated")),
                    List.of(),
                    Schedulers.NONE));

    /** Whether {@code className} (internal name) is in one of the framework's own packages. */
    boolean owns(String className) {
        for (String prefix : packages) {
            if (className.startsWith(prefix.replace('.', '/'))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Methods that take a task: calls of {@code methods} ({@code "*"}: any) on {@code owner} (a type, or a package
     * when it ends with a dot), for tasks of {@code taskType} (null: any), run the task on a loop or elsewhere.
     */
    record TaskHandOff(String owner, List<String> methods, String taskType, boolean onLoop) {

        static TaskHandOff onLoop(String owner, String... methods) {
            return new TaskHandOff(owner, List.of(methods), null, true);
        }

        static TaskHandOff handlerOnLoop(String ownerPackage, String taskType) {
            return new TaskHandOff(ownerPackage, List.of("*"), taskType, true);
        }

        static TaskHandOff elsewhere(String owner, String... methods) {
            return new TaskHandOff(owner, List.of(methods), null, false);
        }
    }

    /**
     * A framework that moves a chain of operators between threads: after {@code switchAfter(scheduler)}, or for
     * the whole chain with {@code switchAll(scheduler)}, where {@code scheduler} is one of {@code nonBlocking},
     * the lambdas given to the operators (methods of types in {@code operatorPackage}) run on a loop.
     */
    record Schedulers(String factory, List<String> nonBlocking, String switchAfter, String switchAll,
                      String operatorPackage) {
        static final Schedulers NONE = new Schedulers("", List.of(), "", "", "");
    }
}
