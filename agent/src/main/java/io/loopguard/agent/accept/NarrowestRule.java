package io.loopguard.agent.accept;

/**
 * The sentence a report ends with: fixing the call is better; if the team accepts it anyway, the narrowest
 * rule that does so, as the option text to paste (this operation, at this call site, on this thread family).
 */
final class NarrowestRule {

    private NarrowestRule() {
    }

    /**
     * @param callSite {@code Class#method}, or {@link KnownFinding#NO_CALL_SITE}
     * @param library  the client library the call blocks in, or {@code null}
     */
    static String sentence(String operation, String callSite, String family, String library) {
        String where = callSite.equals(KnownFinding.NO_CALL_SITE) ? "**" : callSite;
        // A rule ends at the first blank: a family with blanks keeps them as wildcards.
        String rule = operation + "@" + where + " on " + family.replaceAll("\\s+", "*").replaceAll("\\*+", "*");
        String fix = library == null ? "fixing the call is better"
                : "the call blocks inside " + library + ": moving the call off this thread is better";
        return fix + "; to accept it instead: allow=" + rule;
    }
}
