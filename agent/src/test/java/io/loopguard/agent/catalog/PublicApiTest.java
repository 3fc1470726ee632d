package io.loopguard.agent.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PublicApiTest {
    private static final String WAITING_GET = "java.util.concurrent.CompletableFuture.waitingGet";
    private static final String AWAIT = "java.util.concurrent.locks.AbstractQueuedSynchronizer$ConditionObject.await";

    @Test
    void aJdkImplementationIsNamedByThePublicTypeTheApplicationCalled() {
        assertEquals("java.net.http.HttpClient.send", PublicApi.method("jdk.internal.net.http.HttpClientFacade.send"));
        assertEquals("java.net.URLConnection.getInputStream",
                PublicApi.method("sun.net.www.protocol.http.HttpURLConnection.getInputStream"));
        assertEquals("java.io.InputStream.read", PublicApi.method("java.net.Socket$SocketInputStream.read"));
    }

    @Test
    void publicTypesApplicationClassesAndGeneratedOnesKeepTheirNames() {
        assertEquals("java.util.concurrent.LinkedBlockingQueue.take",
                PublicApi.method("java.util.concurrent.LinkedBlockingQueue.take"));
        assertEquals("com.acme.OrderHandler.channelRead", PublicApi.method("com.acme.OrderHandler.channelRead"));
        assertEquals("java.util.concurrent.CompletableFuture$$Lambda/0x1.apply",
                PublicApi.method("java.util.concurrent.CompletableFuture$$Lambda/0x1.apply"));
    }

    @Test
    void dashboardsShowThePublicEntranceTheApplicationCalled() {
        assertEquals("java.util.concurrent.CompletableFuture.join",
                PublicApi.operation(WAITING_GET, "java.util.concurrent.CompletableFuture.join"));
        assertEquals("java.util.concurrent.CompletableFuture.get",
                PublicApi.operation(WAITING_GET, "java.util.concurrent.CompletableFuture.get"));
        assertEquals("java.util.concurrent.BlockingQueue.take",
                PublicApi.operation(AWAIT, "java.util.concurrent.LinkedBlockingQueue.take"));
    }

    @Test
    void otherwiseTheOperationKeepsItsCataloguedName() {
        assertEquals(WAITING_GET, PublicApi.operation(WAITING_GET, null));
        assertEquals("java.net.Socket$SocketInputStream.read",
                PublicApi.operation("java.net.Socket$SocketInputStream.read", "redis.clients.jedis.Jedis.set"));
        assertEquals(AWAIT, PublicApi.operation(AWAIT, "java.util.concurrent.ThreadPoolExecutor.getTask"));
    }
}
