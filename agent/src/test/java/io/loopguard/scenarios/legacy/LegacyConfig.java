package io.loopguard.scenarios.legacy;

import java.io.FileInputStream;
import java.io.IOException;
import java.nio.file.Path;

/** Reads its file where a legacy service does: in its constructor, and in {@link #load} after a pause. */
public final class LegacyConfig {

    public LegacyConfig(Path file) throws IOException {
        try (FileInputStream in = new FileInputStream(file.toFile())) {
            in.read();
        }
    }

    public static void load(Path file) throws IOException, InterruptedException {
        Thread.sleep(1);
        try (FileInputStream in = new FileInputStream(file.toFile())) {
            in.read();
        }
    }
}
