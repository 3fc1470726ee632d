package io.loopguard.agent.instrument;

import io.loopguard.bootstrap.Probe;
import io.loopguard.bootstrap.ThreadState;
import java.nio.channels.SelectableChannel;
import net.bytebuddy.asm.Advice;

/** Inlined into channel methods that block only in blocking mode: a non-blocking channel is never probed. */
final class BlockingChannelCallAdvice {
    private BlockingChannelCallAdvice() {
    }

    @Advice.OnMethodEnter
    static ThreadState enter(@OperationId int operation, @Advice.This SelectableChannel channel) {
        return channel.isBlocking() ? Probe.enter(operation) : null;
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class)
    static void exit(@Advice.Enter ThreadState state) {
        Probe.exit(state);
    }
}
