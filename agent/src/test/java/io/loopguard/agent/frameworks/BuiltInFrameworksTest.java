package io.loopguard.agent.frameworks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loopguard.agent.common.MethodRef;
import io.loopguard.api.spi.LoopguardIntegration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** What each built-in framework file declares, read through the same path as a third party's integration. */
class BuiltInFrameworksTest {

    @Test
    void nettyDesignatesTheEventLoopsOf41And42ForEveryTransport() {
        FrameworkDescription netty = Frameworks.describe(new Netty());
        assertTrue(netty.eventLoops().containsAll(methods(
                "io.netty.channel.SingleThreadIoEventLoop#run", // 4.2, every transport
                "io.netty.channel.nio.NioEventLoop#run", // 4.1
                "io.netty.channel.epoll.EpollEventLoop#run",
                "io.netty.channel.kqueue.KQueueEventLoop#run")), netty.eventLoops().toString());
        assertTrue(netty.blockingPermittedBy().contains(
                MethodRef.parse("io.netty.util.concurrent.FastThreadLocalThread#permitBlockingCalls")));
    }

    @Test
    void nettysManualLoopIsDesignatedButNotWatchedAsALoop() {
        FrameworkDescription netty = Frameworks.describe(new Netty());
        MethodRef manual = MethodRef.parse("io.netty.channel.ManualIoEventLoop#run");
        assertTrue(netty.nonBlockingWhile().contains(manual));
        assertFalse(netty.eventLoops().contains(manual), "the application calls it once per iteration");
        assertTrue(netty.designatingWhileRunning().contains(manual));
    }

    @Test
    void nettysTasksAreTimedAndItsBlockingFuturesNamed() {
        FrameworkDescription netty = Frameworks.describe(new Netty());
        assertTrue(netty.tasks().contains(MethodRef.parse("io.netty.util.concurrent.AbstractEventExecutor#runTask")));
        assertTrue(netty.blockingMethods().stream().map(BlockingMethod::method).toList().containsAll(methods(
                "io.netty.util.concurrent.Future#sync", "io.netty.util.concurrent.Future#await",
                "io.netty.util.concurrent.Future#syncUninterruptibly")));
        assertFalse(netty.runsOnEventLoop().isEmpty());
        assertFalse(netty.handsToEventLoop().isEmpty());
    }

    @Test
    void reactorDesignatesItsNonBlockingThreadsAndNamesBlock() {
        FrameworkDescription reactor = Frameworks.describe(new Reactor());
        assertEquals(List.of("reactor.core.scheduler.NonBlocking"), reactor.nonBlockingThreadTypes());
        assertTrue(reactor.blockingMethods().stream().map(BlockingMethod::method).toList().containsAll(methods(
                "reactor.core.publisher.Mono#block", "reactor.core.publisher.Flux#blockFirst",
                "reactor.core.publisher.Flux#blockLast")));
    }

    @Test
    void rxJavaDesignatesItsNonBlockingThreads() {
        assertEquals(List.of("io.reactivex.rxjava3.internal.schedulers.NonBlockingThread"),
                Frameworks.describe(new RxJava()).nonBlockingThreadTypes());
    }

    @Test
    void kotlinxDesignatesDefaultTasksByTheWorkersState() {
        List<TaskRunner> perTask = Frameworks.describe(new KotlinCoroutines()).perTask();
        assertEquals(List.of(new TaskRunner(MethodRef.parse("kotlinx.coroutines.scheduling.CoroutineScheduler#runSafely"),
                "kotlinx.coroutines.scheduling.CoroutineScheduler$Worker", "state", "CPU_ACQUIRED")), perTask);
    }

    @Test
    void theApiDesignatesAndAllowsWhatTheApplicationSays() {
        FrameworkDescription api = Frameworks.describe(new LoopguardApi());
        assertEquals(methods("io.loopguard.api.Loopguard#runDesignated"), api.nonBlockingWhile());
        assertEquals(methods("io.loopguard.api.Loopguard#designateCurrentThread"), api.nonBlockingAfter());
        assertEquals(methods("io.loopguard.api.Loopguard#runAllowed", "io.loopguard.api.Loopguard#callAllowed"),
                api.allowedMethods());
    }

    @Test
    void noBuiltInDesignatesAJdkThread() {
        FrameworkDescription all = builtIns();
        all.designatingWhileRunning().forEach(method -> assertFalse(method.className().startsWith("java."), method::toString));
        all.nonBlockingThreadTypes().forEach(type -> assertFalse(type.startsWith("java."), type));
    }

    @Test
    void everyAllowanceAndBlockingMethodSaysWhy() {
        FrameworkDescription all = builtIns();
        assertFalse(all.allowances().isEmpty());
        all.allowances().forEach(allowance -> assertTrue(allowance.reason().length() > 20, allowance::toString));
        all.blockingMethods().forEach(blocking -> assertFalse(blocking.instead().isBlank(), blocking::toString));
    }

    @Test
    void noEntryIsDeclaredTwice() {
        FrameworkDescription all = builtIns();
        assertNoDuplicates(all.nonBlockingThreadTypes());
        assertNoDuplicates(all.designatingWhileRunning());
        assertNoDuplicates(all.nonBlockingAfter());
        assertNoDuplicates(all.blockingPermittedBy());
        assertNoDuplicates(all.tasks());
        assertNoDuplicates(all.perTask());
        assertNoDuplicates(all.allowedMethods());
        assertNoDuplicates(all.blockingMethods().stream().map(BlockingMethod::method).toList());
        assertNoDuplicates(all.runsOnEventLoop());
        assertNoDuplicates(all.handsToEventLoop());
        assertNoDuplicates(Frameworks.BUILT_IN.stream().map(Object::getClass).toList());
    }

    @Test
    void aTaskBoundaryIsNeverTheLoopItself() {
        FrameworkDescription all = builtIns();
        all.tasks().forEach(task -> assertFalse(all.eventLoops().contains(task), task::toString));
    }

    @Test
    void everyBuiltInReadsWithoutAProblem() {
        List<String> messages = new ArrayList<>();
        FrameworkDescription loaded = Frameworks.load(BuiltInFrameworksTest.class.getClassLoader(), messages::add);
        assertEquals(List.of(), messages, "the built-ins say nothing at start-up, and no integration is on this class path");
        assertEquals(builtIns().summary(), loaded.summary());
    }

    private static FrameworkDescription builtIns() {
        return FrameworkDescription.merge(Frameworks.BUILT_IN.stream().map(Frameworks::describe).toList());
    }

    private static List<MethodRef> methods(String... written) {
        return List.of(written).stream().map(MethodRef::parse).toList();
    }

    private static void assertNoDuplicates(List<?> entries) {
        Set<Object> seen = new HashSet<>();
        entries.forEach(entry -> assertTrue(seen.add(entry), "declared twice: " + entry));
    }
}
