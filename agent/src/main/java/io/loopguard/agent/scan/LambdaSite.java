package io.loopguard.agent.scan;

/**
 * A lambda or method reference created in a method's code: the method that is its body, the functional
 * interface it implements, the call it is handed to (null when none follows), and whether a framework's
 * operator chain runs it on a non-blocking scheduler.
 */
record LambdaSite(String bodyOwner, String bodyName, String bodyDescriptor, String functionalType,
                  String functionalMethod, int line, CallSite consumer, boolean onNonBlockingScheduler) {

    LambdaSite consumedBy(CallSite call) {
        return new LambdaSite(bodyOwner, bodyName, bodyDescriptor, functionalType, functionalMethod, line, call,
                onNonBlockingScheduler);
    }

    LambdaSite runOnNonBlockingScheduler() {
        return new LambdaSite(bodyOwner, bodyName, bodyDescriptor, functionalType, functionalMethod, line, consumer,
                true);
    }
}
