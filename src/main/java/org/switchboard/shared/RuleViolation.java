package org.switchboard.shared;

/**
 * A hard rule a change (a manual roster edit, later a swap or a substitution) would break, in the reader's words.
 *
 * @param rule the rule's name as the solver's constraint is named (e.g. "Minimum rest between shifts"), stable
 * @param message what is broken, rendered in the reader's language
 */
public record RuleViolation(String rule, String message) {
}
