package org.switchboard.demand;

import static org.switchboard.demand.staffing.StaffingLimits.*;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;
import org.switchboard.demand.staffing.StaffingLimits;

/**
 * A queue (a skill operators can have): the line callers reach, with its service targets. The targets'
 * ranges are the staffing calculator's ({@link StaffingLimits}), entered here in percent and seconds.
 */
@Table("queue")
public class Queue {

    private static final String SERVICE_LEVEL_RANGE =
            "{error.queue.percentRange|" + MIN_SERVICE_LEVEL_PERCENT + "|" + MAX_SERVICE_LEVEL_PERCENT + "}";

    private static final String OCCUPANCY_RANGE =
            "{error.queue.percentRange|" + MIN_MAX_OCCUPANCY_PERCENT + "|" + MAX_MAX_OCCUPANCY_PERCENT + "}";

    @Id
    private Long id;

    @NotBlank(message = "{error.common.enterCode}")
    @Pattern(regexp = "[A-Z0-9_-]{2,16}", message = "{error.queue.code.pattern}")
    private String code;

    @NotBlank(message = "{error.common.enterName}")
    @Size(max = 100, message = "{error.common.maxChars}")
    private String name;

    @NotNull(message = "{error.queue.direction.required}")
    private Direction direction = Direction.INBOUND;

    @Pattern(regexp = "|[a-z]{2,3}", message = "{error.queue.language.pattern}")
    private String language;

    @NotBlank(message = "{error.common.chooseTimeZone}")
    private String timeZone = "Europe/Moscow";

    @NotNull(message = "{error.queue.serviceLevel.required}")
    @DecimalMin(value = MIN_SERVICE_LEVEL_PERCENT, message = SERVICE_LEVEL_RANGE)
    @DecimalMax(value = MAX_SERVICE_LEVEL_PERCENT, message = SERVICE_LEVEL_RANGE)
    private Double serviceLevelPercent = 80.0;

    @NotNull(message = "{error.queue.answerWithin.required}")
    @Min(value = 1, message = "{error.queue.atLeastSecond}")
    @Max(value = MAX_ANSWER_WITHIN_SECONDS, message = "{error.queue.atMostSeconds}")
    private Integer answerWithinSeconds = 20;

    @Min(value = MIN_ASA_TARGET_SECONDS, message = "{error.queue.atLeastSecond}")
    @Max(value = MAX_ASA_TARGET_SECONDS, message = "{error.queue.atMostSeconds}")
    private Integer asaTargetSeconds;

    @DecimalMin(value = "0", message = "{error.queue.percentRange|0|" + MAX_ABANDONMENT_PERCENT + "}")
    @DecimalMax(value = MAX_ABANDONMENT_PERCENT, message = "{error.queue.percentRange|0|" + MAX_ABANDONMENT_PERCENT + "}")
    private Double abandonTargetPercent;

    /** Callers' average patience before hanging up; set, staffing uses Erlang A (with abandonment). */
    @Min(value = MIN_PATIENCE_SECONDS, message = "{error.queue.atLeastSecond}")
    @Max(value = MAX_PATIENCE_SECONDS, message = "{error.queue.atMostSeconds}")
    private Integer patienceSeconds;

    @NotNull(message = "{error.queue.occupancy.required}")
    @DecimalMin(value = MIN_MAX_OCCUPANCY_PERCENT, message = OCCUPANCY_RANGE)
    @DecimalMax(value = MAX_MAX_OCCUPANCY_PERCENT, message = OCCUPANCY_RANGE)
    private Double maxOccupancyPercent = 85.0;

    @NotNull(message = "{error.queue.shrinkage.required}")
    @DecimalMin(value = "0", message = "{error.queue.percentRange|0|" + MAX_SHRINKAGE_PERCENT + "}")
    @DecimalMax(value = MAX_SHRINKAGE_PERCENT, message = "{error.queue.percentRange|0|" + MAX_SHRINKAGE_PERCENT + "}")
    private Double shrinkagePercent = 30.0;

    private boolean active = true;

    @Version
    private Integer version;

    @MappedCollection(idColumn = "queue_id")
    private Set<OpeningHours> openingHours = new LinkedHashSet<>();

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

    public Direction getDirection() {
        return direction;
    }

    public void setDirection(Direction direction) {
        this.direction = direction;
    }

    public String getLanguage() {
        return language;
    }

    public void setLanguage(String language) {
        this.language = language == null || language.isBlank() ? null : language.trim().toLowerCase();
    }

    public String getTimeZone() {
        return timeZone;
    }

    public void setTimeZone(String timeZone) {
        this.timeZone = timeZone;
    }

    public Double getServiceLevelPercent() {
        return serviceLevelPercent;
    }

    public void setServiceLevelPercent(Double serviceLevelPercent) {
        this.serviceLevelPercent = serviceLevelPercent;
    }

    public Integer getAnswerWithinSeconds() {
        return answerWithinSeconds;
    }

    public void setAnswerWithinSeconds(Integer answerWithinSeconds) {
        this.answerWithinSeconds = answerWithinSeconds;
    }

    public Integer getAsaTargetSeconds() {
        return asaTargetSeconds;
    }

    public void setAsaTargetSeconds(Integer asaTargetSeconds) {
        this.asaTargetSeconds = asaTargetSeconds;
    }

    public Double getAbandonTargetPercent() {
        return abandonTargetPercent;
    }

    public void setAbandonTargetPercent(Double abandonTargetPercent) {
        this.abandonTargetPercent = abandonTargetPercent;
    }

    public Integer getPatienceSeconds() {
        return patienceSeconds;
    }

    public void setPatienceSeconds(Integer patienceSeconds) {
        this.patienceSeconds = patienceSeconds;
    }

    /** Whether the staffing targets differ (what requirements are computed from). */
    public boolean sameTargets(Queue other) {
        return java.util.Objects.equals(serviceLevelPercent, other.serviceLevelPercent)
                && java.util.Objects.equals(answerWithinSeconds, other.answerWithinSeconds)
                && java.util.Objects.equals(asaTargetSeconds, other.asaTargetSeconds)
                && java.util.Objects.equals(abandonTargetPercent, other.abandonTargetPercent)
                && java.util.Objects.equals(patienceSeconds, other.patienceSeconds)
                && java.util.Objects.equals(maxOccupancyPercent, other.maxOccupancyPercent)
                && java.util.Objects.equals(shrinkagePercent, other.shrinkagePercent)
                && direction == other.direction
                && active == other.active
                && java.util.Objects.equals(timeZone, other.timeZone)
                && java.util.Objects.equals(openingHours, other.openingHours);
    }

    public Double getMaxOccupancyPercent() {
        return maxOccupancyPercent;
    }

    public void setMaxOccupancyPercent(Double maxOccupancyPercent) {
        this.maxOccupancyPercent = maxOccupancyPercent;
    }

    public Double getShrinkagePercent() {
        return shrinkagePercent;
    }

    public void setShrinkagePercent(Double shrinkagePercent) {
        this.shrinkagePercent = shrinkagePercent;
    }

    public boolean isActive() {
        return active;
    }

    public void setActive(boolean active) {
        this.active = active;
    }

    /** Opening hours sorted Monday to Sunday. */
    public List<OpeningHours> getOpeningHours() {
        List<OpeningHours> list = new ArrayList<>(openingHours);
        list.sort(Comparator.comparing(OpeningHours::dayOfWeek, Comparator.nullsLast(Comparator.naturalOrder())));
        return list;
    }

    public void setOpeningHours(List<OpeningHours> hours) {
        this.openingHours = hours == null ? new LinkedHashSet<>() : new LinkedHashSet<>(hours);
    }

    /** "80 % in 20 s" */
    public String serviceLevelLabel() {
        return String.format("%s %% in %d s", trim(serviceLevelPercent), answerWithinSeconds);
    }

    /** "Mon–Fri 08:00–20:00, Sat 09:00–18:00" style summary, or "closed". */
    public String openingHoursLabel() {
        return getOpeningHours().isEmpty() ? "closed" : openingHoursLabel(java.util.Locale.ENGLISH);
    }

    /**
     * The opening hours with day names in a locale ("пн–пт 08:00–20:00" in Russian), "24/7", or "" when the queue is
     * never open (the screen says "closed" in its reader's words).
     */
    public String openingHoursLabel(java.util.Locale locale) {
        List<OpeningHours> list = getOpeningHours();
        if (list.isEmpty()) {
            return "";
        }
        if (list.size() == 7 && list.stream().allMatch(OpeningHours::roundTheClock)) {
            return "24/7";
        }
        List<String> parts = new ArrayList<>();
        int i = 0;
        while (i < list.size()) {
            int j = i;
            while (j + 1 < list.size() && list.get(j + 1).dayOfWeek() == list.get(j).dayOfWeek() + 1
                    && list.get(j + 1).opens().equals(list.get(i).opens())
                    && list.get(j + 1).closes().equals(list.get(i).closes())) {
                j++;
            }
            String days = dayName(list.get(i).day(), locale) + (j > i ? "–" + dayName(list.get(j).day(), locale) : "");
            String closes = list.get(i).closes().equals(java.time.LocalTime.MIDNIGHT) ? "24:00" : list.get(i).closes().toString();
            parts.add(days + " " + list.get(i).opens() + "–" + closes);
            i = j + 1;
        }
        return String.join(", ", parts);
    }

    private static String dayName(DayOfWeek day, java.util.Locale locale) {
        return day.getDisplayName(java.time.format.TextStyle.SHORT, locale);
    }

    private static String trim(Double d) {
        return d == null ? "" : (d == Math.rint(d) ? String.valueOf(d.longValue()) : String.valueOf(d));
    }

    @Override
    public String toString() {
        return code;
    }
}
