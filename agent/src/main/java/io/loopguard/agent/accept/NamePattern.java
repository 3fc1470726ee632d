package io.loopguard.agent.accept;

import java.util.regex.Pattern;

/**
 * A name with wildcards, as rules write them: {@code *} stands for any characters within one part of a
 * dotted name ({@code com.acme.legacy.*} is a class of that package, not of its sub-packages), {@code **}
 * for any characters at all ({@code org.slf4j.**}). Everything else matches itself.
 */
final class NamePattern {
    private final String text;
    private final Pattern regex;

    private NamePattern(String text, Pattern regex) {
        this.text = text;
        this.regex = regex;
    }

    /** A dotted name (a class, an operation): {@code *} stops at a dot. */
    static NamePattern dotted(String text) {
        return new NamePattern(text, compile(text, "[^.]*"));
    }

    /** A name without parts (a method, a thread name): {@code *} matches anything. */
    static NamePattern plain(String text) {
        return new NamePattern(text, compile(text, ".*"));
    }

    boolean matches(String name) {
        return regex.matcher(name).matches();
    }

    private static Pattern compile(String text, String star) {
        StringBuilder regex = new StringBuilder();
        int literalFrom = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) != '*') {
                continue;
            }
            regex.append(Pattern.quote(text.substring(literalFrom, i)));
            boolean twoStars = i + 1 < text.length() && text.charAt(i + 1) == '*';
            regex.append(twoStars ? ".*" : star);
            i += twoStars ? 1 : 0;
            literalFrom = i + 1;
        }
        regex.append(Pattern.quote(text.substring(literalFrom)));
        return Pattern.compile(regex.toString());
    }

    @Override
    public String toString() {
        return text;
    }
}
