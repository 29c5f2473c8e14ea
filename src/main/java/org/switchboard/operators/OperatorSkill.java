package org.switchboard.operators;

import org.springframework.data.relational.core.mapping.Table;

/** A queue an operator can work, with proficiency 1 (learning) to 5 (expert). */
@Table("operator_skill")
public record OperatorSkill(Long queueId, Integer proficiency) {

    public static final int MIN_PROFICIENCY = 1;
    public static final int MAX_PROFICIENCY = 5;
}
