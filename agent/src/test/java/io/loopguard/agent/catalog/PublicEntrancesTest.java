package io.loopguard.agent.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class PublicEntrancesTest {

    @Test
    void everyEntranceNamesACataloguedOperation() {
        for (PublicEntrances.Entrance entrance : PublicEntrances.all()) {
            assertEquals(entrance.operation(), PublicEntrances.operation(entrance.operation()).name(), entrance.toString());
        }
    }

    @Test
    void internalJdkClassesAreReachedThroughTheirPublicNames() {
        List<String> entrances = PublicEntrances.all().stream()
                .map(entrance -> entrance.className() + "." + entrance.methodName()).toList();
        assertTrue(entrances.contains("java.net.http.HttpClient.send"), entrances.toString());
        assertTrue(entrances.contains("java.nio.channels.FileChannel.read"), entrances.toString());
        assertTrue(entrances.contains("java.lang.Thread.sleep"), entrances.toString());
    }

    @Test
    void socketChannelsAreLeftOutBecauseOnlyTheirBlockingModeBlocks() {
        assertFalse(PublicEntrances.all().stream().anyMatch(entrance -> entrance.className().contains("SocketChannel")));
    }
}
