package io.loopguard.benchmarks.percall;

import org.openjdk.jmh.annotations.Fork;

/** {@link PerCall} in a JVM with no agent: the baseline. */
@Fork(jvmArgsAppend = {})
public class PerCallNoAgent extends PerCall {
}
