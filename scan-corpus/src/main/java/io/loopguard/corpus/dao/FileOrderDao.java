package io.loopguard.corpus.dao;

import java.nio.file.Files;
import java.nio.file.Path;

/** Another implementation that nothing creates: a path through it cannot happen, and must not be reported. */
public final class FileOrderDao implements OrderDao {

    @Override
    public String find(String orderId) throws Exception {
        return Files.readString(Path.of("orders", orderId));
    }
}
