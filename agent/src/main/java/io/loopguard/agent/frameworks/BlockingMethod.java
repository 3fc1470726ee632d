package io.loopguard.agent.frameworks;

import io.loopguard.agent.common.MethodRef;

/** One of a framework's own methods that blocks its caller ({@code Mono.block}), and what to call instead. */
public record BlockingMethod(MethodRef method, String instead) {
}
