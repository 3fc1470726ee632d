package io.loopguard.corpus.offload;

import java.util.concurrent.Executors;

/** Creates the handler. */
public final class Wiring {

    public static OffloadingHandler handler() {
        return new OffloadingHandler(Executors.newFixedThreadPool(4));
    }
}
