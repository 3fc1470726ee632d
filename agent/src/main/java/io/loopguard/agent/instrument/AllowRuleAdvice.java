package io.loopguard.agent.instrument;

import io.loopguard.bootstrap.Probe;
import io.loopguard.bootstrap.ThreadState;
import net.bytebuddy.asm.Advice;

/**
 * Inlined into a method an {@code allow} rule names exactly ({@code com.acme.Cache#load}): blocking inside it is
 * accepted at the cost of a counter, with no stack taken, and the rule is known to be used.
 */
final class AllowRuleAdvice {
    private AllowRuleAdvice() {
    }

    @Advice.OnMethodEnter
    static ThreadState enter(@OperationId int rule) {
        return Probe.allowByRule(rule);
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class)
    static void exit(@Advice.Enter ThreadState state) {
        Probe.disallow(state);
    }
}
