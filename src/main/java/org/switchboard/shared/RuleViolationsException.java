package org.switchboard.shared;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Thrown when a change would break hard rules and was not forced: nothing was stored. The REST API answers 422 with
 * {@code violations: [{rule, message}]}.
 */
public class RuleViolationsException extends RuntimeException {

    private final List<RuleViolation> violations;

    public RuleViolationsException(List<RuleViolation> violations) {
        super(violations.stream().map(RuleViolation::message).collect(Collectors.joining("; ")));
        this.violations = List.copyOf(violations);
    }

    public List<RuleViolation> violations() {
        return violations;
    }
}
