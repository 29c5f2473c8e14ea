package org.switchboard.rostering.curtois;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.optaplanner.core.api.score.buildin.hardmediumsoft.HardMediumSoftScore;
import org.switchboard.rostering.ShiftKind;
import org.switchboard.rostering.solver.DemandUnit;
import org.switchboard.rostering.solver.OperatorDay;
import org.switchboard.rostering.solver.RosterSolution;
import org.switchboard.rostering.solver.RosterWeights;
import org.switchboard.rostering.solver.ShiftOption;
import org.switchboard.rostering.solver.ShiftPreference;
import org.switchboard.rostering.solver.SolverOperator;
import org.switchboard.rostering.solver.Unavailability;

/**
 * A Curtois–Qu instance in the product's roster model, solved by the same solver and rules as a call center's roster
 * and configured only by weights:
 * <ul>
 *   <li>employees are operators without queues; their contract is the staff line (period minutes, runs of shifts
 *       and days off, weekends, shifts per type); weekly limits, rest in hours and night rules do not apply;</li>
 *   <li>shift types are shift templates with a length (all starting at 08:00, as the format has no start times), with
 *       the format's "cannot follow" lists as forbidden sequences;</li>
 *   <li>days off are absences ({@link Unavailability}: no shift is offered on them); shift-on and shift-off requests
 *       are wishes with their weights;</li>
 *   <li>cover is slot-style demand: one unit per (day, shift type) with its under- and over-cover weights.</li>
 * </ul>
 * Under-cover, over-cover and wishes are all weighed on the soft level (and the call-center fairness rules at 0),
 * so the soft score is minus the benchmark's objective once no hard rule is broken.
 */
public final class CurtoisProblem {

    /** Day 0 of every instance is a Monday; any Monday will do for the dates the model needs. */
    public static final LocalDate DAY_ZERO = LocalDate.of(2024, 1, 1);

    private CurtoisProblem() {
    }

    /** The weights that make the soft score the benchmark objective. */
    public static RosterWeights weights() {
        RosterWeights w = new RosterWeights();
        w.with(RosterWeights.UNDER_COVERAGE, HardMediumSoftScore.ofSoft(1));
        w.with(RosterWeights.OVER_COVERAGE, HardMediumSoftScore.ofSoft(1));
        w.with(RosterWeights.PREFERENCE, HardMediumSoftScore.ofSoft(1));
        for (String off : List.of(RosterWeights.WISH_FAIRNESS, RosterWeights.NIGHT_FAIRNESS, RosterWeights.WEEKEND_FAIRNESS,
                RosterWeights.FAIR_HOURS, RosterWeights.STABLE_START, RosterWeights.PERIOD_STARTS,
                RosterWeights.PUBLISHED_CHANGE)) {
            w.with(off, HardMediumSoftScore.ZERO);
        }
        return w;
    }

    public static RosterSolution toSolution(CurtoisInstance in) {
        int types = in.shifts().size();
        List<List<ShiftOption>> byDay = new ArrayList<>();
        List<ShiftOption> options = new ArrayList<>();
        for (int d = 0; d < in.horizon(); d++) {
            LocalDate date = DAY_ZERO.plusDays(d);
            List<ShiftOption> day = new ArrayList<>();
            for (int t = 0; t < types; t++) {
                CurtoisInstance.Shift s = in.shifts().get(t);
                Instant start = date.atTime(LocalTime.of(8, 0)).toInstant(ZoneOffset.UTC);
                day.add(new ShiftOption(s.id() + "@" + d, date, d, s.id(), start, start.plusSeconds(s.minutes() * 60L),
                        LocalTime.of(8, 0), s.minutes(), ShiftKind.DAY, d % 7 >= 5, new int[] {d * types + t}, List.of(),
                        null, Set.copyOf(s.notFollowedBy())));
            }
            byDay.add(day);
            options.addAll(day);
        }
        List<SolverOperator> operators = new ArrayList<>();
        List<OperatorDay> days = new ArrayList<>();
        List<Unavailability> absences = new ArrayList<>();
        Map<String, Long> ids = new HashMap<>();
        for (int e = 0; e < in.staff().size(); e++) {
            CurtoisInstance.Staff st = in.staff().get(e);
            long id = e + 1;
            ids.put(st.id(), id);
            SolverOperator op = new SolverOperator(id, st.id(), List.of(), false, Integer.MAX_VALUE / 4,
                    st.minTotalMinutes(), st.maxTotalMinutes(), st.maxConsecutiveShifts(), st.minConsecutiveDaysOff(), 0,
                    0, 0, st.maxWeekends(), Map.of(), st.minConsecutiveShifts(), st.maxShifts());
            operators.add(op);
            Set<Integer> off = new HashSet<>(in.daysOff().getOrDefault(st.id(), List.of()));
            for (int d = 0; d < in.horizon(); d++) {
                if (off.contains(d)) {
                    absences.add(new Unavailability(id, DAY_ZERO.plusDays(d)));
                }
                List<ShiftOption> allowed = off.contains(d) ? List.of()
                        : byDay.get(d).stream().filter(o -> op.maxShiftsOfTemplate(o.templateCode()) > 0).toList();
                days.add(OperatorDay.open(op, DAY_ZERO.plusDays(d), d, allowed));
            }
        }
        List<ShiftPreference> wishes = new ArrayList<>();
        for (CurtoisInstance.Request r : in.onRequests()) {
            wishes.add(new ShiftPreference(ids.get(r.employee()), DAY_ZERO.plusDays(r.day()), r.shift(), true, r.weight()));
        }
        for (CurtoisInstance.Request r : in.offRequests()) {
            wishes.add(new ShiftPreference(ids.get(r.employee()), DAY_ZERO.plusDays(r.day()), r.shift(), false, r.weight()));
        }
        List<DemandUnit> units = new ArrayList<>();
        for (CurtoisInstance.Cover c : in.cover()) {
            int t = in.shiftIndex(c.shift());
            units.add(new DemandUnit(units.size(), null, c.day() * types + t, c.day(), "day " + c.day() + " " + c.shift(),
                    c.requirement(), c.underWeight(), c.overWeight()));
        }
        return new RosterSolution(operators, options, units, absences, wishes, weights(), days);
    }

    /** The assignment table of a solution: shift type id per employee (in instance order) and day, null = off. */
    public static String[][] assignments(CurtoisInstance in, RosterSolution solution) {
        String[][] table = new String[in.staff().size()][in.horizon()];
        for (OperatorDay d : solution.getDays()) {
            if (d.isWorking() && d.isInPeriod()) {
                table[(int) d.operatorId() - 1][d.getDayIndex()] = d.getShift().templateCode();
            }
        }
        return table;
    }
}
