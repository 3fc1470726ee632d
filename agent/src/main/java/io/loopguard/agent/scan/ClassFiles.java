package io.loopguard.agent.scan;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/** The class files of jars and class directories, each given to a consumer with its internal name. */
final class ClassFiles {

    private ClassFiles() {
    }

    /** Reads every class of {@code entries} in order; a class already seen in an earlier entry is not read again. */
    static void read(List<Path> entries, BiConsumer<String, byte[]> consumer) throws IOException {
        for (Path entry : entries) {
            if (Files.isDirectory(entry)) {
                readDirectory(entry, consumer);
            } else if (Files.isRegularFile(entry)) {
                readJar(entry, consumer);
            } else {
                throw new IOException("there is no jar or class directory at " + entry);
            }
        }
    }

    private static void readDirectory(Path root, BiConsumer<String, byte[]> consumer) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : (Iterable<Path>) files.filter(ClassFiles::isClassFile)::iterator) {
                String relative = root.relativize(file).toString().replace('\\', '/');
                consumer.accept(relative.substring(0, relative.length() - ".class".length()), Files.readAllBytes(file));
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static boolean isClassFile(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(".class") && !name.equals("module-info.class") && !name.equals("package-info.class");
    }

    private static void readJar(Path jar, BiConsumer<String, byte[]> consumer) throws IOException {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            for (ZipEntry entry : Collections.list(zip.entries())) {
                String name = entry.getName();
                // The base version of a multi-release class is enough to see its calls.
                if (!name.endsWith(".class") || name.startsWith("META-INF/") || name.endsWith("module-info.class")
                        || name.endsWith("package-info.class")) {
                    continue;
                }
                try (InputStream in = zip.getInputStream(entry)) {
                    consumer.accept(name.substring(0, name.length() - ".class".length()), in.readAllBytes());
                }
            }
        } catch (IOException e) {
            throw new IOException("could not read " + jar + " as a jar (" + e.getMessage() + ")", e);
        }
    }
}
