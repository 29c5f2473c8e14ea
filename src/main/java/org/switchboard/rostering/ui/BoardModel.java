package org.switchboard.rostering.ui;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.switchboard.operators.Contract;
import org.switchboard.operators.Operator;
import org.switchboard.operators.OperatorSkill;
import org.switchboard.rostering.Roster;
import org.switchboard.rostering.RosterState;
import org.switchboard.rostering.ShiftKind;
import org.switchboard.rostering.ShiftKindRules;
import org.switchboard.rostering.StoredShift;
import org.switchboard.rostering.WishTally;

/**
 * What the schedule board shows, computed once per load: one row per planned operator with a cell per worked day and
 * the operator's totals, and the totals per day. Pure data; the board grid renders it.
 */
final class BoardModel {

    /** One worked day. */
    record Cell(LocalDate date, String template, LocalTime start, LocalTime end, boolean endsNextDay, String queue,
            LocalTime breakStart, LocalTime breakEnd, int paidMinutes, ShiftKind kind) {
    }

    /** One operator: who, the cells by date and the totals over the period. */
    static final class Row {
        final long operatorId;
        final String employeeNumber;
        final String name;
        final Long teamId;
        final String team;
        final Set<Long> skills;
        final Map<LocalDate, Cell> cells = new HashMap<>();
        final Set<String> queues = new HashSet<>();
        /** The contract's weekly maximum over the period (0 without a contract). */
        final int contractMinutes;
        int paidMinutes;
        int nights;
        int weekends;
        /** Wishes granted and stated (0 of 0: none in the period), see {@link #withWishes}. */
        int wishesGranted;
        int wishes;

        Row(Operator o, String team, int contractMinutes) {
            this.operatorId = o.getId();
            this.employeeNumber = o.getEmployeeNumber();
            this.name = o.fullName();
            this.teamId = o.getTeamId();
            this.team = team;
            Set<Long> s = new HashSet<>();
            o.getSkills().stream().map(OperatorSkill::queueId).forEach(s::add);
            this.skills = Set.copyOf(s);
            this.contractMinutes = contractMinutes;
        }

        Cell cell(LocalDate date) {
            return cells.get(date);
        }

        @Override
        public String toString() {
            return employeeNumber + " " + name;
        }
    }

    /** Operators working on one day, in total and by kind. */
    record DayTotal(int working, int day, int evening, int night) {
    }

    final Roster roster;
    final List<LocalDate> dates;
    final List<Row> rows;
    final Map<LocalDate, DayTotal> dayTotals;
    /** Draft cells look different from published ones. */
    final boolean published;

    private BoardModel(Roster roster, List<LocalDate> dates, List<Row> rows, Map<LocalDate, DayTotal> dayTotals) {
        this.roster = roster;
        this.dates = dates;
        this.rows = rows;
        this.dayTotals = dayTotals;
        this.published = roster.state() != RosterState.DRAFT;
    }

    static BoardModel of(Roster roster, Collection<Long> plannedIds, List<Operator> operators,
            List<StoredShift> shifts, Map<Long, String> queueCodes, Map<Long, String> teamNames,
            Map<Long, Contract> contracts, ShiftKindRules rules) {
        List<LocalDate> dates = new ArrayList<>();
        for (int d = 0; d < roster.days(); d++) {
            dates.add(roster.startDate().plusDays(d));
        }
        Set<Long> planned = new HashSet<>(plannedIds);
        Map<Long, Row> byId = new LinkedHashMap<>();
        for (Operator o : operators) {
            if (planned.contains(o.getId())) {
                Contract c = o.getContractId() == null ? null : contracts.get(o.getContractId());
                int weekly = c == null || c.getMaxMinutesPerWeek() == null ? 0 : c.getMaxMinutesPerWeek();
                byId.put(o.getId(), new Row(o, o.getTeamId() == null ? "" : teamNames.getOrDefault(o.getTeamId(), ""),
                        (int) Math.round(weekly * roster.days() / 7.0)));
            }
        }
        ZoneId zone = roster.zone();
        for (StoredShift s : shifts) {
            Row row = byId.get(s.operatorId());
            if (row == null || !roster.contains(s.date())) {
                continue;
            }
            ZonedDateTime from = s.start().atZone(zone);
            ZonedDateTime to = s.end().atZone(zone);
            ShiftKind kind = rules.kindOf(from.toLocalTime(), Duration.between(s.start(), s.end()));
            StoredShift.Span b = s.mainBreak();
            row.cells.put(s.date(), new Cell(s.date(), s.templateCode(), from.toLocalTime(), to.toLocalTime(),
                    to.toLocalDate().isAfter(from.toLocalDate()),
                    s.queueId() == null ? "" : queueCodes.getOrDefault(s.queueId(), ""),
                    b == null ? null : b.start().atZone(zone).toLocalTime(),
                    b == null ? null : b.end().atZone(zone).toLocalTime(), s.paidMinutes(), kind));
        }
        Map<LocalDate, int[]> perDay = new HashMap<>();
        for (Row row : byId.values()) {
            Set<LocalDate> weekendsWorked = new HashSet<>();
            for (Cell c : row.cells.values()) {
                row.paidMinutes += c.paidMinutes();
                if (c.kind() == ShiftKind.NIGHT) {
                    row.nights++;
                }
                if (c.queue() != null && !c.queue().isEmpty()) {
                    row.queues.add(c.queue());
                }
                DayOfWeek dow = c.date().getDayOfWeek();
                if (dow == DayOfWeek.SATURDAY || dow == DayOfWeek.SUNDAY) {
                    // a weekend is named by its Saturday
                    weekendsWorked.add(dow == DayOfWeek.SATURDAY ? c.date() : c.date().minusDays(1));
                }
                int[] t = perDay.computeIfAbsent(c.date(), k -> new int[4]);
                t[0]++;
                t[1 + c.kind().ordinal()]++;
            }
            row.weekends = weekendsWorked.size();
        }
        Map<LocalDate, DayTotal> totals = new LinkedHashMap<>();
        for (LocalDate d : dates) {
            int[] t = perDay.getOrDefault(d, new int[4]);
            totals.put(d, new DayTotal(t[0], t[1], t[2], t[3]));
        }
        return new BoardModel(roster, List.copyOf(dates), List.copyOf(byId.values()), totals);
    }

    /** Adds each operator's wishes granted out of stated (RosterWishes) to the rows. */
    BoardModel withWishes(Map<Long, WishTally> tally) {
        for (Row row : rows) {
            WishTally t = tally.get(row.operatorId);
            row.wishesGranted = t == null ? 0 : t.granted();
            row.wishes = t == null ? 0 : t.total();
        }
        return this;
    }

    /** The row of an employee number, if planned. */
    Row row(String employeeNumber) {
        return rows.stream().filter(r -> r.employeeNumber.equals(employeeNumber)).findFirst().orElse(null);
    }

    /** The dates of one week of the period (7 days from {@code from}, clipped to the period). */
    List<LocalDate> week(LocalDate from) {
        return dates.stream().filter(d -> !d.isBefore(from) && ChronoUnit.DAYS.between(from, d) < 7).toList();
    }
}
