package org.switchboard.rostering;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.switchboard.absences.AbsenceCalendar;
import org.switchboard.absences.AbsenceSpan;
import org.switchboard.operators.AvailabilityService;
import org.switchboard.operators.DayAvailability;
import org.switchboard.operators.Operator;
import org.switchboard.operators.Wish;
import org.switchboard.operators.WishService;
import org.switchboard.operators.WishType;
import org.switchboard.rostering.solver.ShiftOption;
import org.switchboard.rostering.solver.ShiftPreference;
import org.switchboard.rostering.solver.Unavailability;

/**
 * The solver's {@link Unavailability} (hard) and {@link ShiftPreference}s (soft) of a planning period, from the
 * operators' recurring availability and wishes (module operators) and the approved absences (module absences).
 *
 * <ul>
 *   <li><b>Whole days</b> (not available that day; a whole-day absence): the date is unavailable, and the day before
 *       gets a window of that whole day, so a night running into it is forbidden too.</li>
 *   <li><b>Windows</b> (available only from or until a time, in the operator's zone; a time-span absence): a window on
 *       every period date from the day before its start to the date of its end; a shift starting on such a date is
 *       forbidden when it overlaps the window. {@link #allowed} leaves those shifts out of the day's options, so no
 *       search proposes them; the constraint still catches a pinned or edited day.</li>
 *   <li><b>Wishes</b>, each weighing 1 (the rule's weight is {@code PREFERENCE}): a day off = no shift that date; a
 *       shift kind on a date = a shift of that kind that date; a shift kind for the whole wish period = on each of its
 *       dates no shift of another kind (a day off breaks nothing).</li>
 * </ul>
 */
@Component
class RosterAvailability {

    private final AvailabilityService availability;
    private final WishService wishes;
    private final AbsenceCalendar absences;

    RosterAvailability(AvailabilityService availability, WishService wishes, AbsenceCalendar absences) {
        this.availability = availability;
        this.wishes = wishes;
        this.absences = absences;
    }

    /** The inputs of one period; {@link #allowed} filters a day's options by them. */
    record Inputs(List<Unavailability> unavailable, List<ShiftPreference> preferences,
            Map<String, List<Unavailability>> byDay, Map<Long, Set<LocalDate>> absentDates) {

        static final Inputs NONE = new Inputs(List.of(), List.of(), Map.of(), Map.of());

        /** The operator's dates of the period with an approved whole-day absence (they count as worked, see the builder). */
        Set<LocalDate> absentDates(long operatorId) {
            return absentDates.getOrDefault(operatorId, Set.of());
        }

        /** The options of the operator's date that no unavailability forbids (none on a whole day). */
        List<ShiftOption> allowed(long operatorId, LocalDate date, List<ShiftOption> options) {
            List<Unavailability> day = byDay.get(operatorId + "@" + date);
            if (day == null) {
                return options;
            }
            return options.stream().filter(o -> day.stream().noneMatch(u -> u.forbids(o))).toList();
        }
    }

    /** The inputs for the operators over {@code days} dates from {@code start} (dates in {@code siteZone}). */
    Inputs read(Collection<Operator> operators, LocalDate start, int days, ZoneId siteZone) {
        if (operators.isEmpty()) {
            return Inputs.NONE;
        }
        LocalDate end = start.plusDays(days - 1);
        Map<Long, Operator> byId = new HashMap<>();
        operators.forEach(o -> byId.put(o.getId(), o));
        Periods out = new Periods(start, end, siteZone);
        // a restriction on the day after the period reaches the last night
        for (DayAvailability d : availability.effective(byId.keySet(), start, end.plusDays(1))) {
            ZoneId zone = byId.get(d.operatorId()).zone();
            Instant midnight = d.date().atStartOfDay(zone).toInstant();
            Instant next = d.date().plusDays(1).atStartOfDay(zone).toInstant();
            if (!d.available()) {
                out.wholeDay(d.operatorId(), d.date(), midnight, next);
                continue;
            }
            if (d.from() != null && d.from().isAfter(LocalTime.MIDNIGHT)) {
                out.window(d.operatorId(), midnight, d.date().atTime(d.from()).atZone(zone).toInstant());
            }
            if (d.until() != null) {
                out.window(d.operatorId(), d.date().atTime(d.until()).atZone(zone).toInstant(), next);
            }
        }
        Instant from = start.atStartOfDay(siteZone).toInstant();
        Instant to = end.plusDays(2).atStartOfDay(siteZone).toInstant();
        Map<Long, Set<LocalDate>> absent = new HashMap<>();
        for (AbsenceSpan a : absences.approved(byId.keySet(), from, to)) {
            if (a.wholeDays()) {
                for (LocalDate d = a.from(); !d.isAfter(a.to()); d = d.plusDays(1)) {
                    if (!d.isBefore(start) && !d.isAfter(end)) {
                        absent.computeIfAbsent(a.operatorId(), k -> new java.util.HashSet<>()).add(d);
                    }
                    out.wholeDay(a.operatorId(), d, d.atStartOfDay(siteZone).toInstant(),
                            d.plusDays(1).atStartOfDay(siteZone).toInstant());
                }
            } else {
                out.window(a.operatorId(), a.startsAt(), a.endsAt());
            }
        }
        List<Unavailability> unavailable = out.list();
        return new Inputs(unavailable, preferences(byId.keySet(), start, end), out.byDay, absent);
    }

    private List<ShiftPreference> preferences(Set<Long> operatorIds, LocalDate start, LocalDate end) {
        List<ShiftPreference> out = new ArrayList<>();
        for (Wish w : wishes.wishes(operatorIds, start, end)) {
            if (w.type() == WishType.DAY_OFF) {
                out.add(new ShiftPreference(w.operatorId(), w.date(), null, null, false, 1));
            } else if (!w.wholePeriod()) {
                out.add(new ShiftPreference(w.operatorId(), w.date(), null, kind(w), true, 1));
            } else {
                LocalDate first = w.periodStart().isAfter(start) ? w.periodStart() : start;
                LocalDate last = w.periodEnd().isBefore(end) ? w.periodEnd() : end;
                for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
                    for (ShiftKind other : ShiftKind.values()) {
                        if (other != kind(w)) {
                            out.add(new ShiftPreference(w.operatorId(), d, null, other, false, 1));
                        }
                    }
                }
            }
        }
        return out;
    }

    static ShiftKind kind(Wish w) {
        return ShiftKind.valueOf(w.kind().name());
    }

    /** Collects unavailability per operator and period date: whole days first, windows only on other dates. */
    private static final class Periods {

        final LocalDate start;
        final LocalDate end;
        final ZoneId siteZone;
        final Map<String, List<Unavailability>> byDay = new HashMap<>();
        final Set<String> whole = new LinkedHashSet<>();
        final List<Long> windowOwners = new ArrayList<>();
        final List<Instant[]> windowSpans = new ArrayList<>();

        Periods(LocalDate start, LocalDate end, ZoneId siteZone) {
            this.start = start;
            this.end = end;
            this.siteZone = siteZone;
        }

        void wholeDay(long operatorId, LocalDate date, Instant from, Instant to) {
            if (inPeriod(date) && whole.add(operatorId + "@" + date)) {
                byDay.computeIfAbsent(operatorId + "@" + date, k -> new ArrayList<>())
                        .add(new Unavailability(operatorId, date));
            }
            // a night of the day before runs into it
            window(operatorId, from, to);
        }

        void window(long operatorId, Instant from, Instant to) {
            if (!to.isAfter(from)) {
                return;
            }
            windowOwners.add(operatorId);
            windowSpans.add(new Instant[] {from, to});
        }

        boolean inPeriod(LocalDate d) {
            return !d.isBefore(start) && !d.isAfter(end);
        }

        /** Every unavailability; a window on each period date whose shifts may overlap it, unless that date is whole. */
        List<Unavailability> list() {
            for (int i = 0; i < windowOwners.size(); i++) {
                long op = windowOwners.get(i);
                Instant from = windowSpans.get(i)[0];
                Instant to = windowSpans.get(i)[1];
                LocalDate first = from.atZone(siteZone).toLocalDate().minusDays(1);
                LocalDate last = to.minusNanos(1).atZone(siteZone).toLocalDate();
                for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
                    String key = op + "@" + d;
                    if (inPeriod(d) && !whole.contains(key)) {
                        Unavailability u = new Unavailability(op, d, from, to);
                        List<Unavailability> day = byDay.computeIfAbsent(key, k -> new ArrayList<>());
                        if (!day.contains(u)) {
                            day.add(u);
                        }
                    }
                }
            }
            List<Unavailability> out = new ArrayList<>();
            byDay.values().forEach(out::addAll);
            out.sort(java.util.Comparator.comparingLong(Unavailability::operatorId).thenComparing(Unavailability::date));
            return out;
        }
    }
}
