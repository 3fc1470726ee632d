package io.loopguard.bootstrap;

/**
 * Which {@code allow} rules woven into their method were used: the method ran on a thread that must never
 * block. Such a rule accepts blocking without a stack being taken, so this is how the agent can still list the
 * rules that matched nothing.
 */
public final class AllowRuleUse {
    private static boolean[] used = new boolean[0];

    private AllowRuleUse() {
    }

    /** Forgets every use, for {@code rules} rules numbered from 0. */
    public static void reset(int rules) {
        used = new boolean[rules];
    }

    /** Whether rule {@code rule} was used. */
    public static boolean used(int rule) {
        boolean[] flags = used;
        return rule < flags.length && flags[rule];
    }

    static void mark(int rule) {
        boolean[] flags = used;
        if (rule < flags.length && !flags[rule]) { // written once: no cache line bounces between loops
            flags[rule] = true;
        }
    }
}
