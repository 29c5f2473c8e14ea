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
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A shift pattern: start time (site local time), length and breaks. A shift starting on day d belongs to
 * day d even when it ends on day d+1 (a night shift 22:00–07:00).
 */
@Table("shift_template")
public class ShiftTemplate {

    public static final int MAX_LENGTH_MINUTES = 16 * 60;

    @Id
    private Long id;

    @NotBlank(message = "Enter a code")
    @Pattern(regexp = "[A-Z0-9_-]{1,8}", message = "Use 1 to 8 capital letters, digits, - or _")
    private String code;

    @NotBlank(message = "Enter a name")
    @Size(max = 100, message = "Use at most 100 characters")
    private String name;

    @NotNull(message = "Enter the start time")
    private LocalTime startTime = LocalTime.of(9, 0);

    @NotNull(message = "Enter the length")
    @Min(value = 15, message = "A shift lasts at least 15 minutes")
    @Max(value = MAX_LENGTH_MINUTES, message = "A shift lasts at most 16 hours")
    private Integer lengthMinutes = 9 * 60;

    private boolean active = true;

    @Version
    private Integer version;

    @MappedCollection(idColumn = "shift_template_id", keyColumn = "ordinal")
    private List<ShiftBreak> breaks = new ArrayList<>();

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

    public ShiftKind kind(ShiftKindRules rules) {
        return rules.kindOf(startTime, length());
    }

    /** "22:00–07:00 (+1)" */
    public String timeLabel() {
        return startTime + "–" + endTime() + (endsNextDay() ? " (+1)" : "");
    }

    /**
     * The shift worked on {@code day} in {@code zone}: starts at the local start time of that day and lasts
     * the template's wall-clock length in local time, so across a daylight-saving change the elapsed time
     * differs (a 22:00–07:00 night is 8 h when clocks go forward, 10 h when they go back).
     */
    public ZonedDateTime[] spanOn(LocalDate day, ZoneId zone) {
        ZonedDateTime start = day.atTime(startTime).atZone(zone);
        ZonedDateTime end = day.atTime(startTime).plusMinutes(lengthMinutes).atZone(zone);
        return new ZonedDateTime[] {start, end};
    }

    @Override
    public String toString() {
        return code;
    }
}
