package io.loopguard.agent.common;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ThreadGroupNameTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "nioEventLoopGroup-2-1          | nioEventLoopGroup-*",
        "multiThreadIoEventLoopGroup-3-7 | multiThreadIoEventLoopGroup-*",
        "epollEventLoopGroup-5-12       | epollEventLoopGroup-*",
        "vert.x-eventloop-thread-0      | vert.x-eventloop-thread-*",
        "reactor-http-nio-4             | reactor-http-nio-*",
        "parallel-1                     | parallel-*",
        "worker7                        | worker*",
        "pool-1-thread-12               | pool-1-thread-*",
        "main                           | main",
        "api-v2-handler                 | api-v2-handler",
        "42                             | *",
    })
    void foldsTrailingNumbersOnly(String threadName, String group) {
        assertEquals(group, ThreadGroupName.of(threadName));
    }
}
