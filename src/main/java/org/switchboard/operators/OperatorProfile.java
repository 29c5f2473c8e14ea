package org.switchboard.operators;

import java.util.List;

/** An operator's own view of their record: names instead of ids, contract rules in words. */
public record OperatorProfile(
        String employeeNumber,
        String name,
        String team,
        String grade,
        String contract,
        String contractRules,
        List<String> skills,
        boolean nightEligible,
        String timeZone) {}
