package io.loopguard.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.jdi.Bootstrap;
import com.sun.jdi.VMDisconnectedException;
import com.sun.jdi.VirtualMachine;
import com.sun.jdi.connect.AttachingConnector;
import com.sun.jdi.connect.Connector;
import com.sun.jdi.event.BreakpointEvent;
import com.sun.jdi.event.ClassPrepareEvent;
import com.sun.jdi.event.Event;
import com.sun.jdi.event.EventSet;
import com.sun.jdi.event.VMDeathEvent;
import com.sun.jdi.event.VMDisconnectEvent;
import com.sun.jdi.request.BreakpointRequest;
import com.sun.jdi.request.ClassPrepareRequest;
import com.sun.jdi.request.EventRequest;
import io.loopguard.scenarios.StallsOnEventLoop;
import io.loopguard.testkit.ForkedJvm;
import io.loopguard.testkit.Jdk;
import java.net.ServerSocket;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** An event loop stopped at a breakpoint is not a stall: nothing is reported, and stderr says why once. */
class StoppedInADebuggerIT {

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.loopguard.testkit.Jdk#all")
    void aLoopStoppedAtABreakpointIsNotReportedAsStalled(Jdk jdk) throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        CompletableFuture<ForkedJvm.Run> running = CompletableFuture.supplyAsync(() -> ForkedJvm.on(jdk)
                .jvmOption("-agentlib:jdwp=transport=dt_socket,server=y,suspend=y,address=127.0.0.1:" + port)
                .run(StallsOnEventLoop.class, "breakpoint-in-task"));
        VirtualMachine vm = attach(port);
        boolean stopped = holdTheLoopAtTheBreakpoint(vm);
        ForkedJvm.Run run = running.get(60, TimeUnit.SECONDS).assertSucceeded();
        assertTrue(stopped, "the debugger stopped the loop\n" + run);
        assertTrue(run.stdout().contains("RESULT ok"), run.toString());
        assertEquals(0, run.events().ofType("stall").size(), run.events() + "\n" + run.stderr());
        assertEquals(1, run.stderr().lines().filter(line -> line.startsWith("loopguard: event loop \"")
                && line.contains("is suspended (stopped in a debugger?): stalls of suspended threads are not reported"))
                .count(), run.stderr());
    }

    private static VirtualMachine attach(int port) throws Exception {
        AttachingConnector socket = Bootstrap.virtualMachineManager().attachingConnectors().stream()
                .filter(connector -> connector.name().equals("com.sun.jdi.SocketAttach")).findFirst().orElseThrow();
        Map<String, Connector.Argument> arguments = socket.defaultArguments();
        arguments.get("hostname").setValue("127.0.0.1");
        arguments.get("port").setValue(String.valueOf(port));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            try {
                return socket.attach(arguments);
            } catch (java.io.IOException notListeningYet) {
                if (System.nanoTime() > deadline) {
                    throw notListeningYet;
                }
                Thread.sleep(100);
            }
        }
    }

    /** Stops the loop thread (only it) at the breakpoint for a second, then lets everything run to the end. */
    private static boolean holdTheLoopAtTheBreakpoint(VirtualMachine vm) throws InterruptedException {
        ClassPrepareRequest prepare = vm.eventRequestManager().createClassPrepareRequest();
        prepare.addClassFilter(StallsOnEventLoop.class.getName());
        prepare.enable();
        vm.resume();
        boolean stopped = false;
        while (true) {
            EventSet events;
            try {
                events = vm.eventQueue().remove(30_000);
            } catch (VMDisconnectedException ended) {
                return stopped;
            }
            if (events == null) {
                return stopped;
            }
            for (Event event : events) {
                if (event instanceof ClassPrepareEvent prepared) {
                    BreakpointRequest breakpoint = vm.eventRequestManager().createBreakpointRequest(
                            prepared.referenceType().methodsByName("breakpointHere").get(0).location());
                    breakpoint.setSuspendPolicy(EventRequest.SUSPEND_EVENT_THREAD);
                    breakpoint.enable();
                } else if (event instanceof BreakpointEvent) {
                    stopped = true;
                    Thread.sleep(1_000);
                } else if (event instanceof VMDeathEvent || event instanceof VMDisconnectEvent) {
                    return stopped;
                }
            }
            events.resume();
        }
    }
}
