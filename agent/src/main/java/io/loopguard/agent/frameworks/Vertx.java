package io.loopguard.agent.frameworks;

import io.loopguard.api.spi.Framework;
import io.loopguard.api.spi.LoopguardIntegration;

/**
 * Vert.x 4 and 5. Its event loops are Netty's, designated by {@link Netty}, and its worker threads answer
 * Netty's {@code permitBlockingCalls()} with true; what is Vert.x's own is its blocking methods and where
 * the application's code enters a loop.
 */
public final class Vertx implements LoopguardIntegration {
    private static final String NON_BLOCKING_TWIN = "the method of the same name without 'Blocking', which returns a Future";

    @Override
    public void describe(Framework vertx) {
        vertx
                // Meant for virtual threads and workers; Vert.x refuses it on an event loop.
                .blockingMethod("io.vertx.core.Future#await", "compose the Future (compose, onSuccess)")
                .blockingMethod("io.vertx.core.file.FileSystem#readFileBlocking", NON_BLOCKING_TWIN)
                .blockingMethod("io.vertx.core.file.FileSystem#writeFileBlocking", NON_BLOCKING_TWIN)
                .blockingMethod("io.vertx.core.file.FileSystem#existsBlocking", NON_BLOCKING_TWIN)
                .blockingMethod("io.vertx.core.file.FileSystem#propsBlocking", NON_BLOCKING_TWIN)
                .blockingMethod("io.vertx.core.file.FileSystem#readDirBlocking", NON_BLOCKING_TWIN)
                .blockingMethod("io.vertx.core.file.FileSystem#deleteBlocking", NON_BLOCKING_TWIN)
                // A handler runs on the event loop of the context that registered it.
                .runsOnEventLoop("io.vertx.core.Handler#handle")
                .handsToEventLoop("io.vertx.core.Context#runOnContext")
                .handsToEventLoop("io.vertx.core.Vertx#runOnContext")
                // executeBlocking runs its code on a worker, even when that code is a Handler (Vert.x 4).
                .handsToWorker("io.vertx.core.Vertx#executeBlocking")
                .handsToWorker("io.vertx.core.Context#executeBlocking")
                .handsToWorker("io.vertx.core.WorkerExecutor#executeBlocking")
                // For the build-time scan: Vert.x's own code is read for its types, not followed.
                .ownPackage("io.vertx");
    }
}
