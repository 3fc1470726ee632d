package io.loopguard.agent.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The call site is the first frame that is not JDK, Loopguard or a known client library; the stack shown is whole. */
class CallStackTest {
    private static final String SLEEP = "java.lang.Thread.sleep";

    @Test
    void theFirstApplicationFrameAfterTheJdkIsTheCallSite() {
        CallStack stack = of(SLEEP, "java.lang.Thread.sleep", "com.acme.Handler.read", "io.netty.Loop.run");
        assertEquals("com.acme.Handler.read(Handler.java:1)", stack.callSite());
        assertNull(stack.via(), "the application called the operation itself");
        assertEquals(3, stack.lines().size(), "the stack is whole, not cut at the call site");
    }

    @Test
    void everyJdkPackageIsSkipped() {
        CallStack stack = of("java.lang.Object.wait", "java.lang.Object.wait", "javax.net.ssl.Engine.wrap",
                "jdk.internal.misc.Unsafe.park", "sun.nio.ch.Net.poll", "com.sun.net.Server.run", "com.acme.App.main");
        assertEquals("com.acme.App.main(App.java:1)", stack.callSite());
        assertEquals("com.sun.net.Server.run", stack.via(), "the JDK method the application called");
    }

    @Test
    void loopguardsAndReflectionsFramesAreNotShown() {
        CallStack stack = of(SLEEP, "io.loopguard.bootstrap.Probe.enter", "java.lang.Thread.sleep",
                "io.loopguard.agent.detect.Detector.detect", "jdk.internal.reflect.DirectMethodHandleAccessor.invoke",
                "java.lang.reflect.Method.invoke", "io.loopguard.shaded.net.bytebuddy.X.y", "com.acme.App.main");
        assertEquals(List.of("java.lang.Thread.sleep(Thread.java:1)", "com.acme.App.main(App.java:1)"), stack.lines());
        assertEquals("com.acme.App.main(App.java:1)", stack.callSite());
    }

    @Test
    void userCodeInTheLoopguardNamespaceIsTheApplications() {
        assertEquals("io.loopguard.scenarios.Blockers.sleep(Blockers.java:1)",
                of(SLEEP, "java.lang.Thread.sleep", "io.loopguard.scenarios.Blockers.sleep").callSite());
    }

    @Test
    void aClientLibraryIsSkippedAndNamedAsVia() {
        CallStack stack = of("java.net.SocketInputStream.read", "java.net.SocketInputStream.read",
                "org.postgresql.core.PGStream.receive", "org.postgresql.jdbc.PgStatement.executeQuery",
                "com.zaxxer.hikari.pool.ProxyStatement.executeQuery", "com.acme.Repository.find");
        assertEquals("com.acme.Repository.find(Repository.java:1)", stack.callSite());
        assertEquals("com.zaxxer.hikari.pool.ProxyStatement.executeQuery", stack.via());
        assertEquals("the PostgreSQL JDBC driver", stack.library(), "the library nearest the blocking call");
        assertEquals("com.acme.Repository", stack.callSiteFrame().getClassName());
        assertEquals("find", stack.callSiteFrame().getMethodName());
    }

    @Test
    void aCallTheApplicationMadeItselfIsInNoLibrary() {
        CallStack stack = of(SLEEP, "java.lang.Thread.sleep", "com.acme.Handler.read", "org.slf4j.Logger.info");
        assertNull(stack.library(), "a library that called the application does not count");
    }

    @Test
    void withOnlyAClientLibraryItsFirstFrameIsTheCallSite() {
        CallStack stack = of(SLEEP, "java.lang.Thread.sleep", "redis.clients.jedis.Pool.get", "java.lang.Thread.run");
        assertEquals("redis.clients.jedis.Pool.get(Pool.java:1)", stack.callSite());
        assertEquals("a Redis client", stack.library());
    }

    @Test
    void withOnlyJdkFramesThereIsNoCallSite() {
        CallStack stack = of(SLEEP, "java.lang.Thread.sleep", "java.util.concurrent.ThreadPoolExecutor.runWorker",
                "java.lang.Thread.run");
        assertNull(stack.callSite());
        assertNull(stack.via());
        assertNull(stack.callSiteFrame());
    }

    @Test
    void aStaticInitializerOnTheStackIsNoticed() {
        assertTrue(of(SLEEP, "java.lang.Thread.sleep", "com.acme.Config.<clinit>", "com.acme.App.main").inStaticInitializer());
        assertFalse(of(SLEEP, "java.lang.Thread.sleep", "com.acme.App.main").inStaticInitializer());
    }

    @Test
    void aStackSeenBeforeIsNotRenderedAgain() {
        assertSame(of(SLEEP, "java.lang.Thread.sleep", "com.acme.Again.once"),
                of(SLEEP, "java.lang.Thread.sleep", "com.acme.Again.once"));
    }

    @Test
    void anotherThreadsSampledFramesPrintWithoutLoaderNameAndHaveNoVia() {
        StackTraceElement loaded = new StackTraceElement("app", null, null, "com.acme.Pricing", "parse", "Pricing.java", 88);
        CallStack stack = CallStack.sampled(new StackTraceElement[] {frame("java.util.regex.Pattern.match"), loaded});
        assertEquals("com.acme.Pricing.parse(Pricing.java:88)", stack.callSite());
        assertNull(stack.via());
    }

    /** A stack of {@code Class.method} frames, top first, as a probe of {@code operation} records it. */
    private static CallStack of(String operation, String... frames) {
        Throwable trace = new Throwable();
        trace.setStackTrace(Arrays.stream(frames).map(CallStackTest::frame).toArray(StackTraceElement[]::new));
        return CallStack.of(trace, operation);
    }

    private static StackTraceElement frame(String method) {
        int dot = method.lastIndexOf('.');
        String className = method.substring(0, dot);
        return new StackTraceElement(className, method.substring(dot + 1),
                className.substring(className.lastIndexOf('.') + 1) + ".java", 1);
    }
}
