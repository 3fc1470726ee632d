package io.loopguard.agent.config;

import java.util.Locale;

/** What the agent does about a blocking call on a designated thread. */
public enum Mode {
    /** Report it and let it block: the application behaves exactly as without the agent. */
    REPORT,
    /** Report it, then throw {@link io.loopguard.BlockingCallError} instead of blocking. */
    STRICT,
    /** Install nothing. */
    OFF;

    static Mode parse(String value) {
        try {
            return valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + value + "' is not a mode; use report, strict or off");
        }
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
