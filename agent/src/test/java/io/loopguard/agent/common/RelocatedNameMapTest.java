package io.loopguard.agent.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Map;
import org.junit.jupiter.api.Test;

class RelocatedNameMapTest {
    private final RelocatedNameMap<String> byName = new RelocatedNameMap<>(Map.of(
            "io/netty/channel/nio/NioEventLoop", "loop", "java/lang/Thread", "thread", "reactor.core.publisher.Mono", "mono"));

    @Test
    void findsThePublishedNameAndItsRelocatedCopies() {
        assertEquals("loop", byName.find("io/netty/channel/nio/NioEventLoop"));
        assertEquals("loop", byName.find("io/grpc/netty/shaded/io/netty/channel/nio/NioEventLoop"));
        assertEquals("mono", byName.find("reactor.core.publisher.Mono"));
        assertEquals("mono", byName.find("com.acme.shaded.reactor.core.publisher.Mono"));
        assertEquals("thread", byName.find("java/lang/Thread"));
    }

    @Test
    void findsNothingForOtherNamesOfTheSameSimpleNameOrOthers() {
        assertNull(byName.find("com/acme/NioEventLoop"));
        assertNull(byName.find("io/netty/channel/epoll/EpollEventLoop"));
        assertNull(byName.find("com/acme/java/lang/Thread"));
        assertNull(byName.find("NioEventLoop"));
        assertNull(byName.find(""));
    }
}
