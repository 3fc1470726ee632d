package io.loopguard.agent.scan;

/** A method that runs on a thread that must never block, and why the scan knows it does. */
record EntryPoint(MethodModel method, String reason) {
}
