package org.switchboard.operators;

import java.util.List;

/**
 * An operator's own view of their record: names instead of ids, contract rules in words (English). The screen renders
 * the words in the reader's language from {@code gradeLevel}, {@code terms} and {@code skillLevels}.
 */
public record OperatorProfile(
        String employeeNumber,
        String name,
        String team,
        String grade,
        String contract,
        String contractRules,
        List<String> skills,
        boolean nightEligible,
        String timeZone,
        Grade gradeLevel,
        ContractTerms terms,
        List<SkillLevel> skillLevels) {

    /** A skill as data: the queue's label and the proficiency (1 to 5). */
    public record SkillLevel(String queue, int proficiency) {}
}
