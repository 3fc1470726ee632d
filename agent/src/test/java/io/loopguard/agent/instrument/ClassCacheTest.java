package io.loopguard.agent.instrument;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The woven-class cache: a hit only for exactly the same input, never a damaged or foreign entry. */
class ClassCacheTest {
    private static final byte[] ORIGINAL = {1, 2, 3};
    private static final byte[] WOVEN = {4, 5, 6, 7};

    @TempDir
    Path temp;

    private final List<String> problems = new ArrayList<>();
    private final AtomicInteger weavings = new AtomicInteger();
    private final Supplier<byte[]> weave = () -> {
        weavings.incrementAndGet();
        return WOVEN;
    };

    @Test
    void aSecondJvmFindsWhatTheFirstWove() throws IOException {
        Path jar = agentJar();
        ClassCache first = ClassCache.open(temp.resolve("cache").toString(), jar, problems::add);
        assertArrayEquals(WOVEN, first.transformed("a/B", null, "plan", ORIGINAL, weave));
        first.finishWrites(10_000);

        ClassCache second = ClassCache.open(temp.resolve("cache").toString(), jar, problems::add);
        assertArrayEquals(WOVEN, second.transformed("a/B", null, "plan", ORIGINAL, weave));
        assertEquals(1, weavings.get(), "the second JVM read the entry instead of weaving");
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(temp.resolve("cache"))));
        assertEquals(List.of(), problems);
    }

    @Test
    void otherBytesAnotherPlanOrAnotherAgentBuildAreWovenAgain() throws IOException {
        Path jar = agentJar();
        ClassCache cache = ClassCache.open(temp.resolve("cache").toString(), jar, problems::add);
        cache.transformed("a/B", null, "plan", ORIGINAL, weave);
        cache.finishWrites(10_000);

        ClassCache again = ClassCache.open(temp.resolve("cache").toString(), jar, problems::add);
        again.transformed("a/B", null, "plan", new byte[] {1, 2, 4}, weave);
        again.transformed("a/B", null, "another plan", ORIGINAL, weave);
        Files.writeString(jar, "a rebuilt agent");
        ClassCache rebuilt = ClassCache.open(temp.resolve("cache").toString(), jar, problems::add);
        rebuilt.transformed("a/B", null, "plan", ORIGINAL, weave);
        assertEquals(4, weavings.get());
    }

    @Test
    void aDamagedEntryIsWovenAgainAndReplaced() throws IOException {
        Path jar = agentJar();
        Path directory = temp.resolve("cache");
        ClassCache cache = ClassCache.open(directory.toString(), jar, problems::add);
        cache.transformed("a/B", null, "plan", ORIGINAL, weave);
        cache.finishWrites(10_000);
        try (var entries = Files.list(directory)) {
            for (Path entry : entries.toList()) {
                byte[] bytes = Files.readAllBytes(entry);
                bytes[bytes.length - 12] ^= 1; // inside the woven bytes: only the checksum can tell
                Files.write(entry, bytes);
            }
        }
        ClassCache again = ClassCache.open(directory.toString(), jar, problems::add);
        assertArrayEquals(WOVEN, again.transformed("a/B", null, "plan", ORIGINAL, weave));
        assertEquals(2, weavings.get());
    }

    @Test
    void aClassLeftUnchangedIsCachedAsUnchanged() throws IOException {
        Path jar = agentJar();
        ClassCache cache = ClassCache.open(temp.resolve("cache").toString(), jar, problems::add);
        Supplier<byte[]> unchanged = () -> {
            weavings.incrementAndGet();
            return null;
        };
        assertNull(cache.transformed("a/B", null, "plan", ORIGINAL, unchanged));
        cache.finishWrites(10_000);
        ClassCache again = ClassCache.open(temp.resolve("cache").toString(), jar, problems::add);
        assertNull(again.transformed("a/B", null, "plan", ORIGINAL, unchanged));
        assertEquals(1, weavings.get());
    }

    @Test
    void aDirectoryOthersCanWriteToIsNotUsedAndTheUserIsTold() throws IOException {
        Path shared = Files.createDirectory(temp.resolve("shared"));
        Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxrwxrwx"));
        ClassCache cache = ClassCache.open(shared.toString(), agentJar(), problems::add);
        cache.transformed("a/B", null, "plan", ORIGINAL, weave);
        cache.transformed("a/B", null, "plan", ORIGINAL, weave);
        assertEquals(2, weavings.get());
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).contains("is not a directory only you can write to"), problems.get(0));
        try (var entries = Files.list(shared)) {
            assertEquals(0, entries.count());
        }
    }

    @Test
    void aDirectoryThatCannotBeCreatedMeansNoCacheSilently() throws IOException {
        Path file = Files.writeString(temp.resolve("a-file"), "not a directory");
        ClassCache cache = ClassCache.open(file.resolve("cache").toString(), agentJar(), problems::add);
        assertArrayEquals(WOVEN, cache.transformed("a/B", null, "plan", ORIGINAL, weave));
        assertEquals(List.of(), problems);
    }

    @Test
    void offWeavesEveryTime() throws IOException {
        ClassCache cache = ClassCache.open("off", agentJar(), problems::add);
        cache.transformed("a/B", null, "plan", ORIGINAL, weave);
        cache.transformed("a/B", null, "plan", ORIGINAL, weave);
        assertEquals(2, weavings.get());
    }

    private Path agentJar() throws IOException {
        Path jar = temp.resolve("agent.jar");
        if (!Files.exists(jar)) {
            Files.writeString(jar, "an agent build");
        }
        return jar;
    }
}
