package io.loopguard.agent.common;

/**
 * Folds a thread name into the name of its family, so that a tag has a few values, not one per
 * thread: {@code nioEventLoopGroup-2-1} and {@code nioEventLoopGroup-3-7} are both
 * {@code nioEventLoopGroup-*}.
 */
public final class ThreadGroupName {
    private static final String SEPARATORS = "-_.#: ";

    private ThreadGroupName() {
    }

    /** The name with its trailing numbers (and the separators between them) replaced by {@code *}. */
    public static String of(String threadName) {
        int end = threadName.length();
        while (true) {
            int digits = end;
            while (digits > 0 && Character.isDigit(threadName.charAt(digits - 1))) {
                digits--;
            }
            if (digits == end) {
                break;
            }
            end = digits > 0 && SEPARATORS.indexOf(threadName.charAt(digits - 1)) >= 0 ? digits - 1 : digits;
        }
        if (end == threadName.length()) {
            return threadName;
        }
        boolean separated = SEPARATORS.indexOf(threadName.charAt(end)) >= 0;
        return threadName.substring(0, separated ? end + 1 : end) + '*';
    }
}
