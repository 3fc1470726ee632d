package io.loopguard.agent.accept;

/**
 * What {@link Acceptance} says of a finding no rule accepts.
 *
 * @param baseline   the finding is in the baseline: counted, but neither shown nor failing anything
 * @param acceptWith the sentence every report ends with: fixing is better, else the narrowest rule to paste
 */
public record Verdict(boolean baseline, String acceptWith) {
}
