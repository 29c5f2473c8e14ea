package org.switchboard.rostering;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Column;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A shift pattern: start time (site local time), length and breaks. A shift starting on day d belongs to
 * day d even when it ends on day d+1 (a night shift 22:00–07:00).
 *
 * <p>The start may be a <b>window</b>: with a latest start and a step, the shift may start at the start time and
 * every step after it up to the latest start, on the same day (07:00 to 10:00 every 60 minutes: 07, 08, 09, 10).
 * Without a latest start the start is fixed. Length and breaks (offsets from the actual start) are the same for every
 * start; the day / evening / night kind is derived per actual start.
 *
 * <p><b>Eligibility</b>, as work plans in WFM suites: a template may be limited to some contracts and/or some teams
 * (by id; empty = everyone). An operator may work it when their contract is among its contracts (or it has none)
 * and their team among its teams (or it has none): part-time shifts for part-time contracts, say.
 */
@Table("shift_template")
public class ShiftTemplate {

    public static final int MAX_LENGTH_MINUTES = 16 * 60;
    /** Starts a window may offer at most (each is a shift option per day for the solver). */
    public static final int MAX_STARTS = 24;

    @Id
    private Long id;

    @NotBlank(message = "{error.common.enterCode}")
    @Pattern(regexp = "[A-Z0-9_-]{1,8}", message = "{error.template.code.pattern}")
    private String code;

    @NotBlank(message = "{error.common.enterName}")
    @Size(max = 100, message = "{error.common.maxChars}")
    private String name;

    @NotNull(message = "{error.template.start.required}")
    private LocalTime startTime = LocalTime.of(9, 0);

    /** Latest start of a start window (same day, at or after {@code startTime}); null = fixed start. */
    private LocalTime latestStartTime;

    /** Minutes between the starts of a window; used only with a latest start. */
    @Min(value = 1, message = "{error.template.step.min}")
    @Max(value = 12 * 60, message = "{error.template.step.max}")
    private Integer startStepMinutes;

    @NotNull(message = "{error.template.length.required}")
    @Min(value = 15, message = "{error.template.length.min}")
    @Max(value = MAX_LENGTH_MINUTES, message = "{error.template.length.max}")
    private Integer lengthMinutes = 9 * 60;

    private boolean active = true;

    @Version
    private Integer version;

    @MappedCollection(idColumn = "shift_template_id", keyColumn = "ordinal")
    private List<ShiftBreak> breaks = new ArrayList<>();

    /** The contracts (ids) that may work the template; empty: every contract. */
    @Column("eligible_contract_ids")
    private Set<Long> contractIds = new TreeSet<>();

    /** The teams (ids) that may work the template; empty: every team. */
    @Column("eligible_team_ids")
    private Set<Long> teamIds = new TreeSet<>();

    public Long getId() {
        return id;
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code == null ? null : code.trim().toUpperCase();
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name == null ? null : name.trim();
    }

    public LocalTime getStartTime() {
        return startTime;
    }

    public void setStartTime(LocalTime startTime) {
        this.startTime = startTime;
    }

    public LocalTime getLatestStartTime() {
        return latestStartTime;
    }

    public void setLatestStartTime(LocalTime latestStartTime) {
        this.latestStartTime = latestStartTime;
    }

    public Integer getStartStepMinutes() {
        return startStepMinutes;
    }

    public void setStartStepMinutes(Integer startStepMinutes) {
        this.startStepMinutes = startStepMinutes;
    }

    /** Whether the shift may start at more than one time (a latest start after the start and a positive step). */
    public boolean hasStartWindow() {
        return startTime != null && latestStartTime != null && latestStartTime.isAfter(startTime)
                && startStepMinutes != null && startStepMinutes > 0;
    }

    /**
     * The local start times this template offers, earliest first: the start, then every step up to the latest start
     * (a start past the latest is not offered); just the start when it is fixed.
     */
    public List<LocalTime> startTimes() {
        if (!hasStartWindow()) {
            return List.of(startTime);
        }
        List<LocalTime> out = new ArrayList<>();
        int first = startTime.toSecondOfDay() / 60;
        int last = latestStartTime.toSecondOfDay() / 60;
        for (int m = first; m <= last && out.size() < MAX_STARTS; m += startStepMinutes) {
            out.add(LocalTime.ofSecondOfDay(m * 60L));
        }
        return out;
    }

    public Integer getLengthMinutes() {
        return lengthMinutes;
    }

    public void setLengthMinutes(Integer lengthMinutes) {
        this.lengthMinutes = lengthMinutes;
    }

    public boolean isActive() {
        return active;
    }

    public void setActive(boolean active) {
        this.active = active;
    }

    /** Breaks in order of their start. */
    public List<ShiftBreak> getBreaks() {
        return List.copyOf(breaks);
    }

    public void setBreaks(List<ShiftBreak> breaks) {
        List<ShiftBreak> sorted = new ArrayList<>(breaks == null ? List.of() : breaks);
        sorted.sort(java.util.Comparator.comparing(ShiftBreak::offsetMinutes,
                java.util.Comparator.nullsLast(java.util.Comparator.naturalOrder())));
        this.breaks = sorted;
    }

    public Set<Long> getContractIds() {
        return java.util.Collections.unmodifiableSet(contractIds);
    }

    /** Null or empty: every contract. */
    public void setContractIds(java.util.Collection<Long> ids) {
        this.contractIds = ids == null ? new TreeSet<>() : new TreeSet<>(ids.stream().filter(java.util.Objects::nonNull).toList());
    }

    public Set<Long> getTeamIds() {
        return java.util.Collections.unmodifiableSet(teamIds);
    }

    /** Null or empty: every team. */
    public void setTeamIds(java.util.Collection<Long> ids) {
        this.teamIds = ids == null ? new TreeSet<>() : new TreeSet<>(ids.stream().filter(java.util.Objects::nonNull).toList());
    }

    /** Whether an operator on contract {@code contractId} in team {@code teamId} (either may be null) may work it. */
    public boolean isFor(Long contractId, Long teamId) {
        return (contractIds.isEmpty() || contractIds.contains(contractId))
                && (teamIds.isEmpty() || teamIds.contains(teamId));
    }

    public Duration length() {
        return Duration.ofMinutes(lengthMinutes);
    }

    /** Wall-clock end time; may be on the next day. */
    public LocalTime endTime() {
        return startTime.plusMinutes(lengthMinutes);
    }

    /** Whether the shift runs past midnight into the next day. */
    public boolean endsNextDay() {
        return startTime.toSecondOfDay() / 60 + lengthMinutes > 24 * 60;
    }

    /** Minutes of work: length minus unpaid breaks. */
    public int paidMinutes() {
        return lengthMinutes - breaks.stream().filter(b -> !b.paid()).mapToInt(ShiftBreak::lengthMinutes).sum();
    }

    /** The kind of the shift at its (earliest) start; see {@link #kindAt} for the other starts of a window. */
    public ShiftKind kind(ShiftKindRules rules) {
        return rules.kindOf(startTime, length());
    }

    /** The kind of this shift when it starts at {@code start}. */
    public ShiftKind kindAt(LocalTime start, ShiftKindRules rules) {
        return rules.kindOf(start, length());
    }

    /** The kinds over all starts, in the order of {@link ShiftKind}: one for most templates. */
    public List<ShiftKind> kinds(ShiftKindRules rules) {
        return startTimes().stream().map(s -> kindAt(s, rules)).distinct().sorted().toList();
    }

    /** "22:00–07:00 (+1)"; a window: "07:00–16:00 … 10:00–19:00, every 60 min" */
    public String timeLabel() {
        if (!hasStartWindow()) {
            return spanLabel(startTime);
        }
        List<LocalTime> starts = startTimes();
        return spanLabel(starts.getFirst()) + " … " + spanLabel(starts.getLast()) + ", every " + startStepMinutes + " min";
    }

    private String spanLabel(LocalTime start) {
        boolean nextDay = start.toSecondOfDay() / 60 + lengthMinutes > 24 * 60;
        return start + "–" + start.plusMinutes(lengthMinutes) + (nextDay ? " (+1)" : "");
    }

    /**
     * The shift worked on {@code day} in {@code zone}: starts at the local start time of that day and lasts
     * the template's wall-clock length in local time, so across a daylight-saving change the elapsed time
     * differs (a 22:00–07:00 night is 8 h when clocks go forward, 10 h when they go back).
     */
    public ZonedDateTime[] spanOn(LocalDate day, ZoneId zone) {
        return spanOn(day, startTime, zone);
    }

    /** As {@link #spanOn(LocalDate, ZoneId)} for the start {@code start} of a start window. */
    public ZonedDateTime[] spanOn(LocalDate day, LocalTime start, ZoneId zone) {
        ZonedDateTime from = day.atTime(start).atZone(zone);
        ZonedDateTime to = day.atTime(start).plusMinutes(lengthMinutes).atZone(zone);
        return new ZonedDateTime[] {from, to};
    }

    @Override
    public String toString() {
        return code;
    }
}
