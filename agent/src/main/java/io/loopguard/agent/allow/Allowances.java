package io.loopguard.agent.allow;

import io.loopguard.agent.threads.MethodRef;
import java.util.ArrayList;
import java.util.List;

/** Methods inside which a designated thread may block: the built-in ones and the {@code allow} option's. */
public final class Allowances {

    /** Blocking that frameworks do on their own event loops by design. */
    static final List<MethodRef> BUILT_IN = List.of(
            // Netty's graceful shutdown polls its task queue every 100 ms with Thread.sleep on the loop.
            new MethodRef("io.netty.util.concurrent.SingleThreadEventExecutor", "confirmShutdown"));

    private Allowances() {
    }

    /** The built-in allowances followed by the user's. */
    public static List<MethodRef> with(List<MethodRef> userAllowances) {
        List<MethodRef> all = new ArrayList<>(BUILT_IN);
        all.addAll(userAllowances);
        return List.copyOf(all);
    }
}
