package io.loopguard.agent.frameworks;

import io.loopguard.agent.common.MethodRef;

/** One of a framework's own methods that blocks its caller ({@code Mono.block}), and what to call instead. */
public record BlockingMethod(MethodRef method, String instead) {

    /** The method as reports name it: {@code reactor.core.publisher.Mono.block}. */
    public String name() {
        return method.className() + "." + method.methodName();
    }

    /** The advice a report gives for a call of it. */
    public String hint() {
        return "this waits for another thread, which stalls the loop: " + instead + " instead";
    }
}
