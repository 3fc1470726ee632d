package io.loopguard.designation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * The class path entries of this module's scenarios and the jars the build copied to folders of their own, to run a
 * scenario against a library version that cannot share the test class path (Netty 4.1 beside Netty 4.2).
 */
final class OwnClassPath {

    private OwnClassPath() {
    }

    /** @param folderProperties system properties naming the folders whose jars to add, in order */
    static List<Path> of(String... folderProperties) {
        try {
            Path scenarios = Path.of(OwnClassPath.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Stream<Path> jars = Arrays.stream(folderProperties).flatMap(property -> jarsIn(System.getProperty(property)));
            return Stream.concat(Stream.of(scenarios), jars).toList();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Stream<Path> jarsIn(String folder) {
        try (Stream<Path> files = Files.list(Path.of(folder))) {
            List<Path> jars = files.filter(file -> file.toString().endsWith(".jar")).sorted().toList();
            return jars.stream();
        } catch (IOException e) {
            throw new UncheckedIOException("the build did not copy the jars to " + folder, e);
        }
    }
}
