package org.switchboard.rostering.solver;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import org.switchboard.rostering.ShiftKindRules;

/** Builds solver facts for tests: a period from Monday 2026-03-23 in Amsterdam (DST starts Sunday 29th), hourly grid. */
final class RosterFixture {

    static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");
    static final LocalDate START = LocalDate.of(2026, 3, 23);
    static final Instant GRID_START = START.atStartOfDay(ZONE).toInstant();
    /** The hourly grid of four weeks from the period start. */
    static final SlotGrid GRID = new SlotGrid(GRID_START, 60, 28 * 24);

    private RosterFixture() {
    }

    static LocalDate date(int dayIndex) {
        return START.plusDays(dayIndex);
    }

    /** Hourly slot index of local time {@code hour}:00 on {@code dayIndex} (real hours since the period start). */
    static int slot(int dayIndex, int hour) {
        Instant t = date(dayIndex).atTime(hour, 0).atZone(ZONE).toInstant();
        return (int) ((t.getEpochSecond() - GRID_START.getEpochSecond()) / 3600);
    }

    /** An interval-style option with one unpaid break; covered slots on the hourly grid. */
    static ShiftOption option(int dayIndex, String code, LocalTime start, int lengthMinutes, int breakOffset, int breakMinutes) {
        LocalDate d = date(dayIndex);
        ZonedDateTime s = d.atTime(start).atZone(ZONE);
        Instant from = s.toInstant();
        Instant to = s.toLocalDateTime().plusMinutes(lengthMinutes).atZone(ZONE).toInstant();
        List<Instant[]> breaks = breakMinutes == 0 ? List.of()
                : List.<Instant[]>of(new Instant[] {from.plusSeconds(breakOffset * 60L), from.plusSeconds((breakOffset + breakMinutes) * 60L)});
        int[] slots = ShiftOption.slotsOnGrid(from, to, breaks, GRID_START, 60);
        return new ShiftOption(code + "@" + d, d, dayIndex, code, from, to, start, lengthMinutes - breakMinutes,
                ShiftKindRules.DEFAULT.kindOf(start, java.time.Duration.ofMinutes(lengthMinutes)), weekend(d), slots);
    }

    /**
     * An interval-style option whose unpaid break of {@code breakMinutes} floats from {@code earliestOffset} to
     * {@code latestOffset} minutes after the start (equal: fixed); covered slots leave it out at its nominal start.
     */
    static ShiftOption floating(int dayIndex, String code, LocalTime start, int lengthMinutes, int earliestOffset,
            int latestOffset, int breakMinutes) {
        LocalDate d = date(dayIndex);
        ZonedDateTime s = d.atTime(start).atZone(ZONE);
        Instant from = s.toInstant();
        Instant to = s.toLocalDateTime().plusMinutes(lengthMinutes).atZone(ZONE).toInstant();
        BreakWindow w = new BreakWindow(from.plusSeconds(earliestOffset * 60L), from.plusSeconds(latestOffset * 60L),
                breakMinutes);
        PlacedBreak nominal = w.at(w.nominalStart(GRID));
        int[] slots = GRID.slots(from, to, List.<Instant[]>of(new Instant[] {nominal.start(), nominal.end()}));
        return new ShiftOption(code + "@" + d + "@" + start, d, dayIndex, code, from, to, start,
                lengthMinutes - breakMinutes, ShiftKindRules.DEFAULT.kindOf(start, java.time.Duration.ofMinutes(lengthMinutes)),
                weekend(d), slots, List.of(w), GRID);
    }

    /** Day 07:00–16:00, unpaid break 12:00–13:00, 8 h paid. */
    static ShiftOption day(int dayIndex) {
        return option(dayIndex, "D", LocalTime.of(7, 0), 540, 300, 60);
    }

    /** Evening 14:00–23:00, unpaid break 18:00–19:00. */
    static ShiftOption evening(int dayIndex) {
        return option(dayIndex, "E", LocalTime.of(14, 0), 540, 240, 60);
    }

    /** Night 22:00–07:00, unpaid break 02:00–03:00. */
    static ShiftOption night(int dayIndex) {
        return option(dayIndex, "N", LocalTime.of(22, 0), 540, 240, 60);
    }

    /** Late 15:00–23:00 (8 h, no break) that may not be followed by an early day shift (template "D") the next day. */
    static ShiftOption late(int dayIndex) {
        ShiftOption o = option(dayIndex, "L", LocalTime.of(15, 0), 480, 0, 0);
        return new ShiftOption(o.id(), o.date(), o.dayIndex(), o.templateCode(), o.start(), o.end(), o.localStart(),
                o.paidMinutes(), o.kind(), o.weekend(), o.coveredSlots(), o.unpaidBreaks(), o.grid(), java.util.Set.of("D"));
    }

    static boolean weekend(LocalDate d) {
        return d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY;
    }

    /** A slot-style option: covers the single (day, type) slot {@code dayIndex * 3 + type}. */
    static ShiftOption slotOption(int dayIndex, int type) {
        ShiftOption base = switch (type) {
            case 0 -> day(dayIndex);
            case 1 -> evening(dayIndex);
            default -> night(dayIndex);
        };
        return new ShiftOption("S" + type + "@" + base.date(), base.date(), dayIndex, "S" + type, base.start(), base.end(),
                base.localStart(), base.paidMinutes(), base.kind(), base.weekend(), new int[] {dayIndex * 3 + type});
    }

    static Op op(long id) {
        return new Op(id);
    }

    static OperatorDay work(SolverOperator op, ShiftOption shift, Long queue) {
        return new OperatorDay(op, shift.date(), shift.dayIndex(), true, false, List.of(shift), shift, queue);
    }

    static OperatorDay work(SolverOperator op, ShiftOption shift) {
        return work(op, shift, null);
    }

    static OperatorDay off(SolverOperator op, int dayIndex) {
        return new OperatorDay(op, date(dayIndex), dayIndex, true, false, List.of(), null, null);
    }

    /** Worked days on every index in {@code from..to} with the given shift maker. */
    static List<OperatorDay> run(SolverOperator op, int from, int to, java.util.function.IntFunction<ShiftOption> shift) {
        List<OperatorDay> out = new ArrayList<>();
        for (int i = from; i <= to; i++) {
            out.add(work(op, shift.apply(i)));
        }
        return out;
    }

    /** Test operator with the usual contract; change terms with the withers. */
    static final class Op {
        long id;
        List<Long> skills = List.of();
        boolean night = true;
        int maxWeek = 40 * 60, minPeriod = 0, maxPeriod = 1_000_000, maxConsecutive = 5, minOff = 2, minRest = 11 * 60,
                maxNights = 3, restAfterNights = 48 * 60, maxWeekends = 2;
        java.util.Map<org.switchboard.rostering.ShiftKind, Integer> maxPerKind = new java.util.EnumMap<>(org.switchboard.rostering.ShiftKind.class);
        int minRun = 1;
        java.util.Map<String, Integer> maxPerTemplate = new java.util.HashMap<>();
        java.util.Set<String> ineligible = java.util.Set.of();
        java.util.Set<org.switchboard.rostering.ShiftKind> usualKinds = java.util.Set.of();
        boolean usualKindsHard;

        Op(long id) {
            this.id = id;
        }

        Op skills(Long... q) { skills = List.of(q); return this; }
        Op noNights() { night = false; maxNights = 0; return this; }
        Op maxWeek(int m) { maxWeek = m; return this; }
        Op minPeriod(int m) { minPeriod = m; return this; }
        Op maxPeriod(int m) { maxPeriod = m; return this; }
        Op maxConsecutive(int d) { maxConsecutive = d; return this; }
        Op minOff(int d) { minOff = d; return this; }
        Op minRest(int m) { minRest = m; return this; }
        Op maxNights(int n) { maxNights = n; return this; }
        Op maxWeekends(int n) { maxWeekends = n; return this; }
        Op maxShifts(org.switchboard.rostering.ShiftKind kind, int n) { maxPerKind.put(kind, n); return this; }
        Op minRun(int d) { minRun = d; return this; }
        Op maxShifts(String template, int n) { maxPerTemplate.put(template, n); return this; }
        Op notTemplates(String... codes) { ineligible = java.util.Set.of(codes); return this; }
        Op usualKinds(boolean hard, org.switchboard.rostering.ShiftKind... kinds) {
            usualKinds = java.util.Set.of(kinds);
            usualKindsHard = hard;
            return this;
        }

        SolverOperator build() {
            return new SolverOperator(id, "E" + id, skills, night, maxWeek, minPeriod, maxPeriod, maxConsecutive, minOff,
                    minRest, maxNights, restAfterNights, maxWeekends, maxPerKind, minRun, maxPerTemplate)
                    .withShiftRules(ineligible, usualKinds, usualKindsHard);
        }
    }
}
