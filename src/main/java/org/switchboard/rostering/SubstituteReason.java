package org.switchboard.rostering;

import java.util.List;

/**
 * Why a substitute ranks where they do, as facts: a message key with typed figures (see {@link RuleBreach#args()};
 * {@code rule:<name>} is a rule's title) that are put into the reader's language when read.
 *
 * @param rule the solver rule (constraint name) behind it, or null for a plain figure (hours, nights, weekend)
 * @param level "hard", "medium" or "soft" for a rule; null for a plain figure
 * @param change the rule's score change at its level (negative: worse), 0 for a plain figure
 * @param text the sentence; null as computed, filled in when read
 */
public record SubstituteReason(String key, List<String> args, String rule, String level, long change, String text) {

    public SubstituteReason {
        args = args == null ? List.of() : List.copyOf(args);
    }

    SubstituteReason(String key, List<String> args, String rule, String level, long change) {
        this(key, args, rule, level, change, null);
    }

    /** The same reason with its sentence in the reader's language. */
    public SubstituteReason withText(String sentence) {
        return new SubstituteReason(key, args, rule, level, change, sentence);
    }
}
