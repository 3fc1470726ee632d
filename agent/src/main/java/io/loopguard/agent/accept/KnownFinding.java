package io.loopguard.agent.accept;

/**
 * One line of a baseline: a call site known to block, and why the team keeps it for now.
 *
 * @param operation the probed JDK method, e.g. {@code java.lang.Thread.sleep}
 * @param callSite  the method of the first application frame, {@code com.acme.Handler#read}, or {@code -}
 * @param family    the thread family, as the meters' {@code thread.group} tag names it: {@code nioEventLoopGroup-*}
 * @param reason    what the team wrote, or empty
 */
record KnownFinding(String operation, String callSite, String family, String reason) {
    static final String NO_CALL_SITE = "-";
    private static final String SEPARATOR = " | ";

    /** What identifies the finding: all but the reason. */
    String key() {
        return operation + SEPARATOR + callSite + SEPARATOR + family;
    }

    /** The line in a baseline file. */
    String line() {
        return key() + SEPARATOR + "reason: " + reason;
    }

    /** Parses a line written by {@link #line()}; throws {@link IllegalArgumentException} saying what is wrong. */
    static KnownFinding parse(String line) {
        String[] columns = line.split("\\|", 4);
        if (columns.length < 3) {
            throw new IllegalArgumentException("has " + columns.length + (columns.length == 1 ? " column" : " columns")
                    + ", not 'operation | call site | thread family | reason: ...'");
        }
        String operation = columns[0].trim();
        String callSite = columns[1].trim();
        String family = columns[2].trim();
        if (operation.isEmpty() || operation.contains(" ") || !operation.contains(".")) {
            throw new IllegalArgumentException("'" + operation + "' is not an operation (a JDK method such as"
                    + " java.lang.Thread.sleep)");
        }
        if (callSite.isEmpty() || !callSite.equals(NO_CALL_SITE) && callSite.indexOf('#') <= 0) {
            throw new IllegalArgumentException("'" + callSite + "' is not a call site (Class#method, or - for none)");
        }
        if (family.isEmpty()) {
            throw new IllegalArgumentException("the thread family is empty");
        }
        String reason = columns.length < 4 ? "" : columns[3].trim();
        if (reason.startsWith("reason:")) {
            reason = reason.substring("reason:".length()).trim();
        }
        return new KnownFinding(operation, callSite, family, reason);
    }
}
