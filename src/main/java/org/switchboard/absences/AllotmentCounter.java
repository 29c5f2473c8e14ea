package org.switchboard.absences;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.switchboard.absences.DayStatus.LimitSource;
import org.switchboard.operators.Operator;

/**
 * Counts a team's places for full-day absences (no role check: the services check). A date's limit is the manager's
 * override, else the team's setting, else the roster's spare capacity ({@link CoverageEffects#spareOperators}), else
 * 10 % of the team's active operators (at least one). Approved and requested full-day absences use places; waitlisted
 * ones and time spans do not.
 */
@Component
class AllotmentCounter {

    /** The fallback share of a team's active operators that may be off on one day. */
    static final double FALLBACK_SHARE = 0.10;
    static final List<AbsenceStatus> USING_PLACES = List.of(AbsenceStatus.APPROVED, AbsenceStatus.REQUESTED);

    private final AbsenceStore store;
    private final TeamRulesStore rules;
    private final Staff staff;
    private final ObjectProvider<CoverageEffects> coverage;

    AllotmentCounter(AbsenceStore store, TeamRulesStore rules, Staff staff, ObjectProvider<CoverageEffects> coverage) {
        this.store = store;
        this.rules = rules;
        this.staff = staff;
        this.coverage = coverage;
    }

    static int fallback(long activeOperators) {
        return Math.max(1, (int) Math.floor(activeOperators * FALLBACK_SHARE));
    }

    /** Every date of [from, to], leaving out the absence {@code excludeId} (null: none) from the places used. */
    List<DayStatus> days(long teamId, LocalDate from, LocalDate to, Long excludeId) {
        List<Operator> members = staff.team(teamId);
        List<Long> ids = members.stream().map(Operator::getId).toList();
        Map<LocalDate, Integer> used = new HashMap<>();
        for (AbsenceStore.Stored a : store.wholeDays(ids, USING_PLACES, from, to)) {
            if (excludeId != null && a.id() == excludeId) {
                continue;
            }
            for (LocalDate d : a.wholeDates()) {
                used.merge(d, 1, Integer::sum);
            }
        }
        Map<LocalDate, Integer> overrides = rules.overrides(teamId, from, to);
        TeamAbsenceSettings settings = rules.settings(teamId);
        long active = members.stream().filter(Operator::isActive).count();
        CoverageEffects effects = coverage.getIfAvailable();
        // what the rosters can spare, only when some date needs it (one read of the rosters for the whole range)
        Map<LocalDate, Integer> spares = effects == null || settings.dailyLimit() != null ? Map.of()
                : effects.spareOperators(teamId, from, to);
        List<DayStatus> days = new ArrayList<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            int limit;
            LimitSource source;
            if (overrides.containsKey(d)) {
                limit = overrides.get(d);
                source = LimitSource.OVERRIDE;
            } else if (settings.dailyLimit() != null) {
                limit = settings.dailyLimit();
                source = LimitSource.TEAM;
            } else {
                Integer spare = spares.get(d);
                if (spare != null) {
                    limit = Math.max(0, spare);
                    source = LimitSource.ROSTER;
                } else {
                    limit = fallback(active);
                    source = LimitSource.FALLBACK;
                }
            }
            int u = used.getOrDefault(d, 0);
            days.add(new DayStatus(d, u, limit, DayState.of(u, limit), source));
        }
        return days;
    }

    /** Whether every one of the dates has a free place (the absence {@code excludeId} not counted). */
    boolean fits(long teamId, Collection<LocalDate> dates, Long excludeId) {
        if (dates.isEmpty()) {
            return true;
        }
        LocalDate first = dates.stream().min(LocalDate::compareTo).orElseThrow();
        LocalDate last = dates.stream().max(LocalDate::compareTo).orElseThrow();
        return days(teamId, first, last, excludeId).stream()
                .filter(d -> dates.contains(d.date())).allMatch(d -> d.used() < d.limit());
    }
}
