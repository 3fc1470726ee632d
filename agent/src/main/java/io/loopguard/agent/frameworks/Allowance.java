package io.loopguard.agent.frameworks;

import io.loopguard.agent.common.MethodRef;

/** A method inside which blocking is accepted even on a thread that must never block, and why. */
public record Allowance(MethodRef method, String reason) {
}
