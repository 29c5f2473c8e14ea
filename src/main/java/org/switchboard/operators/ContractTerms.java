package org.switchboard.operators;

/** The working-time rules a contract and a contract preset share. */
public interface ContractTerms {

    Integer getMinMinutesPerWeek();

    Integer getMaxMinutesPerWeek();

    Integer getMaxConsecutiveDays();

    Integer getMinConsecutiveDaysOff();

    Integer getMinRestMinutes();

    Integer getMaxNightsInRow();

    Integer getMinRestAfterNightsMinutes();

    Integer getMaxWeekendsPerPeriod();

    /**
     * Overtime in minutes per ISO week allowed on top of {@link #getMaxMinutesPerWeek()} (0 = none). Rosters are
     * planned within the maximum; only a substitution for an absence may use it.
     */
    Integer getMaxOvertimeMinutesPerWeek();
}
