package io.loopguard.agent.scan;

import net.bytebuddy.jar.asm.Opcodes;
import net.bytebuddy.jar.asm.Type;

/** A method call in a method's code: the instruction's target as the compiler wrote it, and its line. */
record CallSite(int opcode, String owner, String name, String descriptor, int line) {

    /** Whether the call is dispatched on the receiver's class, so subclasses may answer it. */
    boolean isVirtual() {
        return opcode == Opcodes.INVOKEVIRTUAL || opcode == Opcodes.INVOKEINTERFACE;
    }

    int parameterCount() {
        return Type.getArgumentCount(descriptor);
    }

    /** Whether one of the call's parameters is declared as {@code type} (internal name). */
    boolean takes(String type) {
        for (Type parameter : Type.getArgumentTypes(descriptor)) {
            if (parameter.getSort() == Type.OBJECT && parameter.getInternalName().equals(type)) {
                return true;
            }
        }
        return false;
    }
}
