package org.switchboard.rostering;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.switchboard.demand.Queue;
import org.switchboard.operators.Contract;
import org.switchboard.operators.Operator;
import org.switchboard.operators.Team;
import org.switchboard.rostering.solver.CoverKey;
import org.switchboard.rostering.solver.DemandUnit;
import org.switchboard.rostering.solver.OperatorDay;
import org.switchboard.rostering.solver.RosterSolution;

/**
 * What a planner sees at first sight in a solved roster (issue 24), measured the same way before and after the rules
 * that address it, so independent of them: distinct start times per operator-week and per operator over the period,
 * full-timers (a 40 h weekly maximum) on part-time shifts (under 6 paid hours), shifts of another kind than the one
 * a team is named for ("Aurora (day)"), and the shortfall on the outbound queue OUT-SURV.
 */
record RosterTrustFigures(double startsPerOperatorWeek, double startsPerOperator, int fullTimersOnPartTime,
        int teamKindMismatches, int outboundShifts, int outboundRequired, int outboundShort, int outboundWorstDay) {

    static RosterTrustFigures of(RosterSolution solved, List<Operator> operators, List<Contract> contracts,
            List<Team> teams, List<Queue> queues) {
        Map<Long, Operator> byId = new HashMap<>();
        operators.forEach(o -> byId.put(o.getId(), o));
        Map<Long, Contract> contractById = new HashMap<>();
        contracts.forEach(c -> contractById.put(c.getId(), c));
        Map<Long, ShiftKind> teamKind = new HashMap<>();
        for (Team t : teams) {
            String n = t.getName().toLowerCase(Locale.ROOT);
            teamKind.put(t.getId(), n.contains("(day)") ? ShiftKind.DAY : n.contains("(evening)") ? ShiftKind.EVENING
                    : n.contains("(night)") ? ShiftKind.NIGHT : null);
        }
        long outbound = queues.stream().filter(q -> q.getCode().equals("OUT-SURV")).findFirst().orElseThrow().getId();

        Map<String, Set<Object>> weekStarts = new HashMap<>();
        Map<Long, Set<Object>> periodStarts = new HashMap<>();
        int fullOnPart = 0;
        int mismatches = 0;
        int outboundShifts = 0;
        Map<CoverKey, Integer> present = new HashMap<>();
        for (OperatorDay d : solved.getDays()) {
            if (!d.isInPeriod() || !d.isWorking()) {
                continue;
            }
            weekStarts.computeIfAbsent(d.operatorId() + "/" + d.getWeekKey(), k -> new HashSet<>()).add(d.getShift().localStart());
            periodStarts.computeIfAbsent(d.operatorId(), k -> new HashSet<>()).add(d.getShift().localStart());
            Operator o = byId.get(d.operatorId());
            Contract c = contractById.get(o.getContractId());
            if (c.getMaxMinutesPerWeek() != null && c.getMaxMinutesPerWeek() >= 2400 && d.getShift().paidMinutes() < 360) {
                fullOnPart++;
            }
            ShiftKind kind = o.getTeamId() == null ? null : teamKind.get(o.getTeamId());
            if (kind != null && d.getShift().kind() != kind) {
                mismatches++;
            }
            if (d.getQueue() != null && d.getQueue() == outbound) {
                outboundShifts++;
            }
            d.coverKeys().forEach(k -> present.merge(k, 1, Integer::sum));
        }
        int required = 0;
        int shortTotal = 0;
        Map<Integer, Integer> shortByDay = new HashMap<>();
        for (DemandUnit u : solved.getDemandUnits()) {
            if (u.queueId() != null && u.queueId() == outbound) {
                int s = Math.max(0, u.required() - present.getOrDefault(u.key(), 0));
                required += u.required();
                shortTotal += s;
                shortByDay.merge(u.dayIndex(), s, Integer::sum);
            }
        }
        return new RosterTrustFigures(weekStarts.values().stream().mapToInt(Set::size).average().orElse(0),
                periodStarts.values().stream().mapToInt(Set::size).average().orElse(0), fullOnPart, mismatches,
                outboundShifts, required, shortTotal, shortByDay.values().stream().mapToInt(i -> i).max().orElse(0));
    }

    String line() {
        return String.format(Locale.ROOT, "distinct starts per operator-week %.2f, per operator in the period %.2f; "
                        + "full-timers on part-time shifts %d; team shift-kind mismatches %d; OUT-SURV %d shifts, "
                        + "%d required operator-intervals, %d short (worst day %d)", startsPerOperatorWeek,
                startsPerOperator, fullTimersOnPartTime, teamKindMismatches, outboundShifts, outboundRequired,
                outboundShort, outboundWorstDay);
    }
}
