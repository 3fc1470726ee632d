package io.loopguard.agent.frameworks;

import io.loopguard.api.spi.Framework;
import io.loopguard.api.spi.LoopguardIntegration;

/** kotlinx.coroutines: a task of {@code Dispatchers.Default} must never block; one of {@code Dispatchers.IO} may. */
public final class KotlinCoroutines implements LoopguardIntegration {

    @Override
    public void describe(Framework kotlinx) {
        kotlinx
                // Dispatchers.Default and Dispatchers.IO share one scheduler. A worker runs a Default (CPU) task
                // only while it holds a CPU permit (state CPU_ACQUIRED); for an IO task it gives the permit back
                // first (state BLOCKING). Stable from kotlinx-coroutines 1.6 to 1.11.
                .nonBlockingPerTask("kotlinx.coroutines.scheduling.CoroutineScheduler#runSafely",
                        "kotlinx.coroutines.scheduling.CoroutineScheduler$Worker", "state", "CPU_ACQUIRED")
                .blockingMethod("kotlinx.coroutines.BuildersKt#runBlocking",
                        "a suspending call, or withContext(Dispatchers.IO) for blocking work");
    }
}
