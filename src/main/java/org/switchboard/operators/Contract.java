package org.switchboard.operators;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/** A named set of working-time rules that operators are employed under. Durations are in minutes. */
@Table("contract")
public class Contract implements ContractTerms {

    /** The most overtime a contract may allow per week: 20 h. */
    public static final int MAX_OVERTIME_MINUTES_PER_WEEK = 20 * 60;

    @Id
    private Long id;

    @NotBlank(message = "{error.common.enterName}")
    @Size(max = 100, message = "{error.common.maxChars}")
    private String name;

    @NotNull(message = "{error.contract.minPerWeek.required}")
    @Min(value = 0, message = "{error.common.notNegative}")
    private Integer minMinutesPerWeek = 40 * 60;

    @NotNull(message = "{error.contract.maxPerWeek.required}")
    @Min(value = 60, message = "{error.contract.maxPerWeek.min}")
    @Max(value = 7 * 24 * 60, message = "{error.contract.maxPerWeek.max}")
    private Integer maxMinutesPerWeek = 40 * 60;

    @NotNull(message = "{error.contract.daysInRow.required}")
    @Min(value = 1, message = "{error.contract.daysInRow.range}")
    @Max(value = 14, message = "{error.contract.daysInRow.range}")
    private Integer maxConsecutiveDays = 5;

    @NotNull(message = "{error.contract.daysOff.required}")
    @Min(value = 1, message = "{error.contract.daysOff.range}")
    @Max(value = 7, message = "{error.contract.daysOff.range}")
    private Integer minConsecutiveDaysOff = 2;

    @NotNull(message = "{error.contract.rest.required}")
    @Min(value = 0, message = "{error.common.notNegative}")
    @Max(value = 24 * 60, message = "{error.contract.rest.max}")
    private Integer minRestMinutes = 11 * 60;

    @NotNull(message = "{error.contract.nights.required}")
    @Min(value = 0, message = "{error.contract.nights.range}")
    @Max(value = 14, message = "{error.contract.nights.range}")
    private Integer maxNightsInRow = 0;

    @NotNull(message = "{error.contract.restAfterNights.required}")
    @Min(value = 0, message = "{error.common.notNegative}")
    @Max(value = 96 * 60, message = "{error.contract.restAfterNights.max}")
    private Integer minRestAfterNightsMinutes = 48 * 60;

    @NotNull(message = "{error.contract.weekends.required}")
    @Min(value = 0, message = "{error.common.notNegative}")
    @Max(value = 52, message = "{error.contract.weekends.max}")
    private Integer maxWeekendsPerPeriod = 2;

    /** Overtime per week on top of the maximum that a substitution may use (see {@link ContractTerms}). */
    @NotNull(message = "{error.contract.overtime.required}")
    @Min(value = 0, message = "{error.contract.overtime.range}")
    @Max(value = MAX_OVERTIME_MINUTES_PER_WEEK, message = "{error.contract.overtime.range}")
    private Integer maxOvertimeMinutesPerWeek = 0;

    @Version
    private Integer version;

    public Contract() {}

    public Contract(String name) {
        this.name = name;
    }

    /** Copies the rules of a preset (or another contract) into this one. */
    public void applyTerms(ContractTerms t) {
        minMinutesPerWeek = t.getMinMinutesPerWeek();
        maxMinutesPerWeek = t.getMaxMinutesPerWeek();
        maxConsecutiveDays = t.getMaxConsecutiveDays();
        minConsecutiveDaysOff = t.getMinConsecutiveDaysOff();
        minRestMinutes = t.getMinRestMinutes();
        maxNightsInRow = t.getMaxNightsInRow();
        minRestAfterNightsMinutes = t.getMinRestAfterNightsMinutes();
        maxWeekendsPerPeriod = t.getMaxWeekendsPerPeriod();
        maxOvertimeMinutesPerWeek = t.getMaxOvertimeMinutesPerWeek();
    }

    /** "40 h a week, at most 5 days in a row, 11 h rest, no nights, ..." in words. */
    public String summary() {
        String hours = minMinutesPerWeek.equals(maxMinutesPerWeek)
                ? hoursText(maxMinutesPerWeek) + " a week"
                : hoursText(minMinutesPerWeek) + " to " + hoursText(maxMinutesPerWeek) + " a week";
        String nights = allowsNights() ? "at most " + maxNightsInRow + " nights in a row" : "no night shifts";
        return hours + ", at most " + maxConsecutiveDays + " days in a row, at least " + minConsecutiveDaysOff
                + " days off in a row, " + hoursText(minRestMinutes) + " rest between shifts, " + nights
                + ", at most " + maxWeekendsPerPeriod + " weekends per period";
    }

    private static String hoursText(int minutes) {
        return (minutes % 60 == 0 ? String.valueOf(minutes / 60) : String.format(java.util.Locale.ROOT, "%.1f", minutes / 60.0)) + " h";
    }

    /** Whether operators under this contract may work night shifts at all. */
    public boolean allowsNights() {
        return maxNightsInRow != null && maxNightsInRow > 0;
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name == null ? null : name.trim();
    }

    @Override
    public Integer getMinMinutesPerWeek() {
        return minMinutesPerWeek;
    }

    public void setMinMinutesPerWeek(Integer v) {
        this.minMinutesPerWeek = v;
    }

    @Override
    public Integer getMaxMinutesPerWeek() {
        return maxMinutesPerWeek;
    }

    public void setMaxMinutesPerWeek(Integer v) {
        this.maxMinutesPerWeek = v;
    }

    @Override
    public Integer getMaxConsecutiveDays() {
        return maxConsecutiveDays;
    }

    public void setMaxConsecutiveDays(Integer v) {
        this.maxConsecutiveDays = v;
    }

    @Override
    public Integer getMinConsecutiveDaysOff() {
        return minConsecutiveDaysOff;
    }

    public void setMinConsecutiveDaysOff(Integer v) {
        this.minConsecutiveDaysOff = v;
    }

    @Override
    public Integer getMinRestMinutes() {
        return minRestMinutes;
    }

    public void setMinRestMinutes(Integer v) {
        this.minRestMinutes = v;
    }

    @Override
    public Integer getMaxNightsInRow() {
        return maxNightsInRow;
    }

    public void setMaxNightsInRow(Integer v) {
        this.maxNightsInRow = v;
    }

    @Override
    public Integer getMinRestAfterNightsMinutes() {
        return minRestAfterNightsMinutes;
    }

    public void setMinRestAfterNightsMinutes(Integer v) {
        this.minRestAfterNightsMinutes = v;
    }

    @Override
    public Integer getMaxWeekendsPerPeriod() {
        return maxWeekendsPerPeriod;
    }

    public void setMaxWeekendsPerPeriod(Integer v) {
        this.maxWeekendsPerPeriod = v;
    }

    @Override
    public Integer getMaxOvertimeMinutesPerWeek() {
        return maxOvertimeMinutesPerWeek;
    }

    public void setMaxOvertimeMinutesPerWeek(Integer v) {
        this.maxOvertimeMinutesPerWeek = v;
    }

    @Override
    public String toString() {
        return name;
    }
}
