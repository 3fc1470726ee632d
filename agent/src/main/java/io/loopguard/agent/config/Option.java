package io.loopguard.agent.config;

import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * One agent option as {@link KnownOptions} declares it: its key, what it accepts, its default, what it does,
 * and how it is read from and written back to {@code key=value} text.
 *
 * @param key          the name after {@code -javaagent:...=}, after {@code -Dloopguard.}, and in
 *                     {@code LOOPGUARD_<KEY>}
 * @param values       what it accepts, as the docs table says it (Markdown)
 * @param description  what it does, as the docs table says it (Markdown)
 * @param whenInvalid  what the agent does instead when the value is bad, ending every such problem line
 * @param defaultValue its value when no source gives it
 * @param parser       reads a value; throws {@link IllegalArgumentException} with the problem
 * @param setter       stores a value
 * @param text         the value of a set of options as {@code key=value} text, or {@code null} for none
 */
record Option<T>(String key, String values, String description, String whenInvalid, T defaultValue,
                 ValueParser<T> parser, BiConsumer<Options.Builder, T> setter, Function<Options, String> text) {

    /** Reads an option's value; a list may leave out bad entries and name each in {@code leftOut}. */
    @FunctionalInterface
    interface ValueParser<T> {
        T parse(String value, Consumer<String> leftOut);
    }

    void setDefault(Options.Builder options) {
        setter.accept(options, defaultValue);
    }

    void parseInto(Options.Builder options, String value, Consumer<String> leftOut) {
        setter.accept(options, parser.parse(value, leftOut));
    }

    /** The value as the docs table shows the default: {@code `report`}, or {@code none}. */
    String defaultText() {
        String text = text().apply(Options.DEFAULTS);
        return text == null ? "none" : "`" + text + "`";
    }

    /** {@link #values()} without Markdown, for a line on stderr. */
    String plainValues() {
        return values.replace("`", "");
    }
}
