package io.loopguard.agent.instrument;

import io.loopguard.bootstrap.Probe;
import io.loopguard.bootstrap.ThreadState;
import java.io.FileDescriptor;
import net.bytebuddy.asm.Advice;

/** Inlined into {@code FileOutputStream.write}: writes to {@code System.out} and {@code System.err} are not probed. */
final class FileWriteAdvice {
    private FileWriteAdvice() {
    }

    @Advice.OnMethodEnter
    static ThreadState enter(@OperationId int operation, @Advice.FieldValue("fd") FileDescriptor fd) {
        return fd == FileDescriptor.out || fd == FileDescriptor.err ? null : Probe.enter(operation);
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class)
    static void exit(@Advice.Enter ThreadState state) {
        Probe.exit(state);
    }
}
