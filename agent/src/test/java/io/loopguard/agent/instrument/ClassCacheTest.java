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
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The woven-class cache: a hit only for exactly the same input, never a damaged or foreign entry. */
class ClassCacheTest {
    private static final byte[] ORIGINAL = {1, 2, 3};
    private static final byte[] WOVEN = {4, 5, 6, 7};

    @TempDir
    Path temp;

    private final List<String> problems = new ArrayList<>();
    private final List<ClassCache> opened = new ArrayList<>();
    private final AtomicInteger weavings = new AtomicInteger();
    private final Supplier<byte[]> weave = () -> {
        weavings.incrementAndGet();
        return WOVEN;
    };

    @Test
    void aSecondJvmFindsWhatTheFirstWove() throws IOException {
        Path jar = agentJar();
        ClassCache first = open(temp.resolve("cache").toString(), jar, problems::add);
        assertArrayEquals(WOVEN, first.transformed("a/B", null, "plan", ORIGINAL, weave));
        first.finishWrites(10_000);

        ClassCache second = open(temp.resolve("cache").toString(), jar, problems::add);
        assertArrayEquals(WOVEN, second.transformed("a/B", null, "plan", ORIGINAL, weave));
        assertEquals(1, weavings.get(), "the second JVM read the entry instead of weaving");
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(temp.resolve("cache"))));
        assertEquals(List.of(), problems);
    }

    @Test
    void otherBytesAnotherPlanOrAnotherAgentBuildAreWovenAgain() throws IOException {
        Path jar = agentJar();
        ClassCache cache = open(temp.resolve("cache").toString(), jar, problems::add);
        cache.transformed("a/B", null, "plan", ORIGINAL, weave);
        cache.finishWrites(10_000);

        ClassCache again = open(temp.resolve("cache").toString(), jar, problems::add);
        again.transformed("a/B", null, "plan", new byte[] {1, 2, 4}, weave);
        again.transformed("a/B", null, "another plan", ORIGINAL, weave);
        Files.writeString(jar, "a rebuilt agent");
        ClassCache rebuilt = open(temp.resolve("cache").toString(), jar, problems::add);
        rebuilt.transformed("a/B", null, "plan", ORIGINAL, weave);
        assertEquals(4, weavings.get());
    }

    @Test
    void aRetransformedClassOfTheRuntimeImageIsKnownByTheImageNotByItsBytes() throws IOException {
        Path jar = agentJar();
        Path directory = temp.resolve("cache");
        // The JVM rebuilds a retransformed class's file with its methods in another order each run.
        byte[] rebuilt = new byte[5_000];
        byte[] rebuiltInAnotherOrder = rebuilt.clone();
        rebuiltInAnotherOrder[0] = 1;
        ClassCache first = open(directory.toString(), jar, problems::add);
        assertArrayEquals(WOVEN, first.transformed("java/lang/Thread", Thread.class, "plan", rebuilt, weave));
        first.finishWrites(10_000);

        ClassCache second = open(directory.toString(), jar, problems::add);
        assertArrayEquals(WOVEN, second.transformed("java/lang/Thread", Thread.class, "plan", rebuiltInAnotherOrder, weave));
        assertEquals(1, weavings.get(), "found again, though rebuilt in another order");
        second.transformed("java/lang/Thread", Thread.class, "plan", new byte[5_001], weave);
        assertEquals(2, weavings.get(), "a rebuilt file of another length: something else changed the class");
        long ownClassFile;
        try (var in = Thread.class.getResourceAsStream("Thread.class")) {
            ownClassFile = in.readAllBytes().length;
        }
        try (var entries = Files.list(directory)) {
            for (Path entry : entries.toList()) {
                assertTrue(Files.size(entry) < ownClassFile, "the entry does not hold Thread's class file: " + entry);
            }
        }
    }

    @Test
    void aDamagedEntryIsWovenAgainAndReplaced() throws IOException {
        Path jar = agentJar();
        Path directory = temp.resolve("cache");
        ClassCache cache = open(directory.toString(), jar, problems::add);
        cache.transformed("a/B", null, "plan", ORIGINAL, weave);
        cache.finishWrites(10_000);
        try (var entries = Files.list(directory)) {
            for (Path entry : entries.toList()) {
                byte[] bytes = Files.readAllBytes(entry);
                bytes[bytes.length - 12] ^= 1; // inside the woven bytes: only the checksum can tell
                Files.write(entry, bytes);
            }
        }
        ClassCache again = open(directory.toString(), jar, problems::add);
        assertArrayEquals(WOVEN, again.transformed("a/B", null, "plan", ORIGINAL, weave));
        assertEquals(2, weavings.get());
    }

    @Test
    void aClassLeftUnchangedIsCachedAsUnchanged() throws IOException {
        Path jar = agentJar();
        ClassCache cache = open(temp.resolve("cache").toString(), jar, problems::add);
        Supplier<byte[]> unchanged = () -> {
            weavings.incrementAndGet();
            return null;
        };
        assertNull(cache.transformed("a/B", null, "plan", ORIGINAL, unchanged));
        cache.finishWrites(10_000);
        ClassCache again = open(temp.resolve("cache").toString(), jar, problems::add);
        assertNull(again.transformed("a/B", null, "plan", ORIGINAL, unchanged));
        assertEquals(1, weavings.get());
    }

    @Test
    void aDirectoryOthersCanWriteToIsNotUsedAndTheUserIsTold() throws IOException {
        Path shared = Files.createDirectory(temp.resolve("shared"));
        Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxrwxrwx"));
        ClassCache cache = open(shared.toString(), agentJar(), problems::add);
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
        ClassCache cache = open(file.resolve("cache").toString(), agentJar(), problems::add);
        assertArrayEquals(WOVEN, cache.transformed("a/B", null, "plan", ORIGINAL, weave));
        assertEquals(List.of(), problems);
    }

    @Test
    void offWeavesEveryTime() throws IOException {
        ClassCache cache = open("off", agentJar(), problems::add);
        cache.transformed("a/B", null, "plan", ORIGINAL, weave);
        cache.transformed("a/B", null, "plan", ORIGINAL, weave);
        assertEquals(2, weavings.get());
    }

    /** Every cache a test opened finishes its writes before the temporary directory is deleted. */
    @AfterEach
    void finishWrites() {
        opened.forEach(cache -> cache.finishWrites(10_000));
    }

    private ClassCache open(String setting, Path jar, Consumer<String> problems) {
        ClassCache cache = ClassCache.open(setting, jar, problems);
        opened.add(cache);
        return cache;
    }

    private Path agentJar() throws IOException {
        Path jar = temp.resolve("agent.jar");
        if (!Files.exists(jar)) {
            Files.writeString(jar, "an agent build");
        }
        return jar;
    }
}
