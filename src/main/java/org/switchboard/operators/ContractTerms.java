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
}
