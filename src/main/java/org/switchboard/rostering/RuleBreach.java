package org.switchboard.rostering;

import java.time.LocalDate;

/**
 * One broken rule in words a planner understands: who (null for a queue's coverage), which day (null for the whole
 * period or a week, then {@code text} says which), which rule, how bad.
 */
public record RuleBreach(String employeeNumber, String operatorName, LocalDate date, String rule, String level,
        long penalty, String text) {
}
