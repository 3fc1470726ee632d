package io.loopguard.agent.jfr;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/**
 * A blocking call on a thread that must never block, as JDK Flight Recorder records it: committed on that
 * thread when the call returns, so it spans the call on the thread's lane and carries the thread's stack.
 */
@Name("io.loopguard.BlockingCall")
@Label("Blocking Call")
@Category("Loopguard")
@Description("A blocking call on a thread that must never block (an event loop); the event spans the call")
@StackTrace(true)
final class BlockingCallEvent extends jdk.jfr.Event {

    @Label("Operation")
    @Description("The blocking JDK method that was probed, e.g. java.lang.Thread.sleep")
    String operation;

    @Label("Called Method")
    @Description("The JDK or client-library method the application called to get there, if not the operation")
    String calledMethod;

    @Label("Call Site")
    @Description("The first application frame: neither JDK, Loopguard nor a client library")
    String callSite;

    @Label("Fix")
    @Description("What to do instead")
    String hint;
}
