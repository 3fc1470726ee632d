package io.loopguard.agent.scan;

import java.util.List;

/**
 * One method of a scanned class: the calls it makes and the lambdas it creates, in the order of its code, and the
 * classes it creates with {@code new}.
 */
record MethodModel(String owner, String name, String descriptor, boolean isStatic, boolean isAbstract,
                   boolean isBridge, boolean markedEntry, int firstLine, List<CallSite> calls,
                   List<LambdaSite> lambdas, List<CreationSite> creations, List<String> creates) {

    String key() {
        return name + descriptor;
    }

    /** {@code com.acme.Handler.channelRead}, as a stack trace names it. */
    String displayName() {
        return owner.replace('/', '.') + "." + name;
    }
}
