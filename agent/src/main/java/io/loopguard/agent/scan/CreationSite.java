package io.loopguard.agent.scan;

/**
 * An object of a class the application may have written ({@code new RefreshTask()}, an anonymous
 * {@code new Runnable() {...}}) created in a method's code, and the first call after its constructor that could
 * take it: when that call takes it as a task, it is followed like a lambda.
 */
record CreationSite(String createdClass, int line, CallSite consumer) {

    CreationSite consumedBy(CallSite call) {
        return new CreationSite(createdClass, line, call);
    }
}
