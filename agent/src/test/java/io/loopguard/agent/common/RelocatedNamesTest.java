package io.loopguard.agent.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class RelocatedNamesTest {
    private static final String LOOP = "io.netty.channel.nio.NioEventLoop";

    @Test
    void aNameMatchesItselfAndItsRelocatedCopies() {
        assertTrue(RelocatedNames.matches(LOOP, LOOP));
        assertTrue(RelocatedNames.matches("io.grpc.netty.shaded." + LOOP, LOOP));
        assertTrue(RelocatedNames.matches("com.acme.db.internal." + LOOP, LOOP));
        assertTrue(RelocatedNames.matches("io/grpc/netty/shaded/io/netty/util/concurrent/Future",
                "io/netty/util/concurrent/Future"));
    }

    @Test
    void onlyAWholePackagePrefixMakesARelocatedName() {
        assertFalse(RelocatedNames.matches("com.acmeio.netty.channel.nio.NioEventLoop", LOOP));
        assertFalse(RelocatedNames.matches("io.netty.channel.nio.NioEventLoopGroup", LOOP));
        assertFalse(RelocatedNames.matches("io.netty.channel.nio", LOOP));
    }

    @Test
    void theJdksNamesAreNeverRelocated() {
        assertFalse(RelocatedNames.matches("com.acme.java.lang.Thread", "java.lang.Thread"));
        Map<String, String> byName = Map.of("java/lang/Thread", "Thread", "sun/nio/ch/FileChannelImpl", "channel");
        assertNull(RelocatedNames.find(byName, "com/acme/java/lang/Thread"));
        assertNull(RelocatedNames.find(byName, "org/x/sun/nio/ch/FileChannelImpl"));
        assertEquals("Thread", RelocatedNames.find(byName, "java/lang/Thread"));
    }

    @Test
    void findsTheValueOfThePublishedName() {
        Map<String, String> byName = Map.of("io/netty/channel/nio/NioEventLoop", "loop");
        assertEquals("loop", RelocatedNames.find(byName, "io/netty/channel/nio/NioEventLoop"));
        assertEquals("loop", RelocatedNames.find(byName, "io/grpc/netty/shaded/io/netty/channel/nio/NioEventLoop"));
        assertNull(RelocatedNames.find(byName, "io/netty/channel/epoll/EpollEventLoop"));
        assertNull(RelocatedNames.find(byName, "com/acme/NioEventLoop"));
    }

    @Test
    void aPackageIsFoundWhereverItWasRelocated() {
        assertTrue(RelocatedNames.inPackage("io/netty/util/concurrent/Future", "io/netty"));
        assertTrue(RelocatedNames.inPackage("io/grpc/netty/shaded/io/netty/util/concurrent/Future", "io/netty"));
        assertFalse(RelocatedNames.inPackage("io/nettyx/Future", "io/netty"));
        assertFalse(RelocatedNames.inPackage("com/bio/netty/Future", "io/netty"));
        assertFalse(RelocatedNames.inPackage("io/netty", "io/netty"));
    }
}
