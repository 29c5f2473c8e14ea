package org.switchboard.rostering;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a solve starts from besides the master data: the roster's own draft (starting values), the published
 * schedule around the period, and from which date days may change.
 *
 * @param draft the roster's stored assignments: starting values for open days, kept values for past days
 * @param published for each operator and date governed by a published roster: its shift, or empty for a day off
 *        there; covers the days before the period too (rest and sequence rules across the period start)
 * @param firstOpenDate days before this date (the past) are pinned
 * @param keepPublished true: published days in the period are pinned; false (replanning): they may change, and
 *        every change is penalised
 * @param pins per operator the days a planner edited and pinned: kept as the draft has them (a shift, or a day off
 *        when the draft has none), before published values; past days stay as they were
 * @param replanDates when replanning ({@code keepPublished} false) only these dates' published days may change
 *        (replanning the days an absence opened); empty = every date
 */
public record RosterStart(Map<Long, Map<LocalDate, StoredShift>> draft,
        Map<Long, Map<LocalDate, Optional<StoredShift>>> published, LocalDate firstOpenDate, boolean keepPublished,
        Map<Long, Set<LocalDate>> pins, Set<LocalDate> replanDates) {

    public RosterStart {
        pins = pins == null ? Map.of() : pins;
        replanDates = replanDates == null ? Set.of() : Set.copyOf(replanDates);
    }

    public RosterStart(Map<Long, Map<LocalDate, StoredShift>> draft,
            Map<Long, Map<LocalDate, Optional<StoredShift>>> published, LocalDate firstOpenDate, boolean keepPublished,
            Map<Long, Set<LocalDate>> pins) {
        this(draft, published, firstOpenDate, keepPublished, pins, Set.of());
    }

    public RosterStart(Map<Long, Map<LocalDate, StoredShift>> draft,
            Map<Long, Map<LocalDate, Optional<StoredShift>>> published, LocalDate firstOpenDate, boolean keepPublished) {
        this(draft, published, firstOpenDate, keepPublished, Map.of());
    }

    public static RosterStart empty() {
        return new RosterStart(Map.of(), Map.of(), LocalDate.MIN, true);
    }

    /** Whether a published day of this date stays as published (see {@code keepPublished} and {@code replanDates}). */
    boolean keepsPublished(LocalDate date) {
        return keepPublished || (!replanDates.isEmpty() && !replanDates.contains(date));
    }

    /** Whether a planner pinned the operator's day. */
    boolean pinned(long operatorId, LocalDate date) {
        return pins.getOrDefault(operatorId, Set.of()).contains(date);
    }

    StoredShift draft(long operatorId, LocalDate date) {
        return draft.getOrDefault(operatorId, Map.of()).get(date);
    }

    /** null when no published roster governs the day; empty for a published day off. */
    Optional<StoredShift> published(long operatorId, LocalDate date) {
        return published.getOrDefault(operatorId, Map.of()).get(date);
    }
}
