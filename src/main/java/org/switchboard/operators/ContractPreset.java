package org.switchboard.operators;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/** A labour-law preset a contract can start from (read-only reference data from a migration). */
@Table("contract_preset")
public record ContractPreset(
        @Id Long id,
        String name,
        String description,
        Integer minMinutesPerWeek,
        Integer maxMinutesPerWeek,
        Integer maxConsecutiveDays,
        Integer minConsecutiveDaysOff,
        Integer minRestMinutes,
        Integer maxNightsInRow,
        Integer minRestAfterNightsMinutes,
        Integer maxWeekendsPerPeriod,
        Integer maxOvertimeMinutesPerWeek)
        implements ContractTerms {

    @Override
    public Integer getMinMinutesPerWeek() {
        return minMinutesPerWeek;
    }

    @Override
    public Integer getMaxMinutesPerWeek() {
        return maxMinutesPerWeek;
    }

    @Override
    public Integer getMaxConsecutiveDays() {
        return maxConsecutiveDays;
    }

    @Override
    public Integer getMinConsecutiveDaysOff() {
        return minConsecutiveDaysOff;
    }

    @Override
    public Integer getMinRestMinutes() {
        return minRestMinutes;
    }

    @Override
    public Integer getMaxNightsInRow() {
        return maxNightsInRow;
    }

    @Override
    public Integer getMinRestAfterNightsMinutes() {
        return minRestAfterNightsMinutes;
    }

    @Override
    public Integer getMaxWeekendsPerPeriod() {
        return maxWeekendsPerPeriod;
    }

    @Override
    public Integer getMaxOvertimeMinutesPerWeek() {
        return maxOvertimeMinutesPerWeek;
    }
}
