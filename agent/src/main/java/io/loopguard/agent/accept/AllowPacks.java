package io.loopguard.agent.accept;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Curated rules for well-known libraries, one file per library ({@code packs/<name>.txt} beside this class),
 * each rule with the reason a team may accept it. None applies unless the {@code allow-packs} option names it.
 */
public final class AllowPacks {
    /** The packs there are, as {@code allow-packs} names them. */
    public static final List<String> NAMES = List.of("logback", "log4j2", "jul");

    private AllowPacks() {
    }

    /** Parses the name of a pack; throws {@link IllegalArgumentException} if there is no such pack. */
    public static String name(String text) {
        if (!NAMES.contains(text)) {
            throw new IllegalArgumentException("'" + text + "' is not a pack of accepted blocking (there are: "
                    + String.join(", ", NAMES) + ")");
        }
        return text;
    }

    /** The rules of one pack, each with its reason. */
    static List<PackRule> rules(String name) {
        String resource = "packs/" + name + ".txt";
        try (InputStream in = AllowPacks.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("the agent jar has no " + resource);
            }
            List<PackRule> rules = new ArrayList<>();
            BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    int bar = line.indexOf('|');
                    rules.add(new PackRule(AcceptRule.parse(line.substring(0, bar)), line.substring(bar + 1).trim()));
                }
            }
            return rules;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A rule of a pack, and why a team may accept what it accepts. */
    record PackRule(AcceptRule rule, String reason) {
    }
}
