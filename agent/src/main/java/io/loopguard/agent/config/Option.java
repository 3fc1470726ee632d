package io.loopguard.agent.config;

import java.util.function.Consumer;

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
 */
record Option<T>(String key, String values, String description, String whenInvalid, T defaultValue) {

    void setDefault(Options.Builder options) {
        options.set(key, defaultValue);
    }

    /**
     * Reads {@code value}; throws {@link IllegalArgumentException} with the problem. A list may leave out bad
     * entries and name each in {@code leftOut}.
     */
    void parseInto(Options.Builder options, String value, Consumer<String> leftOut) {
        options.set(key, OptionValues.parse(key, value, leftOut));
    }

    /** This option's value in {@code options} as {@code key=value} text, or {@code null} for none. */
    String text(Options options) {
        return options.text(key);
    }

    /** The value as the docs table shows the default: {@code `report`}, or {@code none}. */
    String defaultText() {
        String text = text(Options.DEFAULTS);
        return text == null ? "none" : "`" + text + "`";
    }

    /** {@link #values()} without Markdown, for a line on stderr. */
    String plainValues() {
        return values.replace("`", "");
    }
}
