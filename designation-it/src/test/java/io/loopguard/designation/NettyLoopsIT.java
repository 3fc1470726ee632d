package io.loopguard.designation;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loopguard.scenarios.frameworks.NettyLoops;
import io.loopguard.testkit.ForkedJvm;
import io.loopguard.testkit.Jdk;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Netty 4.2 (with Vert.x 5 on the test class path) and Netty 4.1 with its native epoll transport (on a class
 * path of its own): event loops are designated, except on threads whose {@code permitBlockingCalls()} is true.
 */
class NettyLoopsIT {

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.loopguard.testkit.Jdk#all")
    void netty42EventLoopsAreDesignatedUnlessTheirThreadPermitsBlocking(Jdk jdk) {
        ForkedJvm.Run run = ForkedJvm.on(jdk)
                .run(NettyLoops.class, "io-nio", "nio", "permitting-io-nio", "permitting-nio");
        Reported.by(run, NettyLoops.class)
                .once("sleepOnIoNio", "io-nio-")
                .once("sleepOnNio", "nio-")
                .never("sleepOnIoNioThatPermitsBlocking")
                .never("sleepOnNioThatPermitsBlocking")
                .andNothingElse(2);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.loopguard.testkit.Jdk#all")
    void netty41EpollAndNioEventLoopsAreDesignatedUnlessTheirThreadPermitsBlocking(Jdk jdk) {
        ForkedJvm.Run run = ForkedJvm.on(jdk).classpath(entry -> true, OwnClassPath.of("loopguard.test.netty41"))
                .run(NettyLoops.class, "epoll", "nio", "permitting-epoll", "permitting-nio");
        Reported.by(run, NettyLoops.class)
                .once("sleepOnEpoll", "epoll-")
                .once("sleepOnNio", "nio-")
                .never("sleepOnEpollThatPermitsBlocking")
                .never("sleepOnNioThatPermitsBlocking")
                .andNothingElse(2);
        assertTrue(run.stdout().contains("RESULT epoll ran on epoll-1"), run.stdout());
    }

}
