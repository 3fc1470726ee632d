package io.loopguard.scenarios;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** A class whose static initialiser reads a file, as many libraries' do: first used on an event loop. */
final class StaticallyConfigured {
    private static final Properties SETTINGS = load();

    private StaticallyConfigured() {
    }

    static String value() {
        return SETTINGS.getProperty("greeting");
    }

    private static Properties load() {
        Properties settings = new Properties();
        try (InputStream in = StaticallyConfigured.class.getResourceAsStream("statically-configured.properties")) {
            settings.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return settings;
    }
}
