package org.switchboard.rostering.curtois;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The benchmark's own rules and objective, written from the format's description and independently of the roster's
 * constraint streams: plain Java over the assignment table (shift type id per employee and day, null = off). The
 * benchmark reports this figure, not the solver's score.
 *
 * <p>Hard rules H1–H10 (H1, one shift per day, holds by the table's shape). Edge conventions: no rotation rule and no
 * maximum run across the horizon's edges (days off outside it); runs of shifts and of days off touching an edge are
 * never too short. Objective: on-requests not met, off-requests met (their weights), and per (day, shift type) the
 * missing × under-weight plus surplus × over-weight.
 */
public final class CurtoisEvaluator {

    private CurtoisEvaluator() {
    }

    /** The objective and every hard rule broken, in words. */
    public record Result(int objective, List<String> violations) {

        public boolean feasible() {
            return violations.isEmpty();
        }
    }

    public static Result evaluate(CurtoisInstance in, String[][] table) {
        List<String> broken = new ArrayList<>();
        int h = in.horizon();
        Map<String, CurtoisInstance.Shift> shifts = new HashMap<>();
        in.shifts().forEach(s -> shifts.put(s.id(), s));
        for (int e = 0; e < in.staff().size(); e++) {
            CurtoisInstance.Staff st = in.staff().get(e);
            String[] row = table[e];
            String who = st.id();
            // H2 rotation
            for (int d = 0; d + 1 < h; d++) {
                if (row[d] != null && row[d + 1] != null && shifts.get(row[d]).notFollowedBy().contains(row[d + 1])) {
                    broken.add(who + ": " + row[d + 1] + " on day " + (d + 1) + " may not follow " + row[d]);
                }
            }
            // H3 shifts per type, H4/H5 total minutes
            Map<String, Integer> count = new HashMap<>();
            int minutes = 0;
            for (int d = 0; d < h; d++) {
                if (row[d] != null) {
                    count.merge(row[d], 1, Integer::sum);
                    minutes += shifts.get(row[d]).minutes();
                }
            }
            for (Map.Entry<String, Integer> c : count.entrySet()) {
                int max = st.maxShifts().getOrDefault(c.getKey(), Integer.MAX_VALUE);
                if (c.getValue() > max) {
                    broken.add(who + ": " + c.getValue() + " shifts " + c.getKey() + ", at most " + max);
                }
            }
            if (minutes > st.maxTotalMinutes()) {
                broken.add(who + ": " + minutes + " minutes, at most " + st.maxTotalMinutes());
            }
            if (minutes < st.minTotalMinutes()) {
                broken.add(who + ": " + minutes + " minutes, at least " + st.minTotalMinutes());
            }
            // H6/H7 runs of shifts, H8 runs of days off
            int d = 0;
            while (d < h) {
                boolean working = row[d] != null;
                int from = d;
                while (d < h && (row[d] != null) == working) {
                    d++;
                }
                int length = d - from;
                boolean inside = from > 0 && d < h;
                if (working && length > st.maxConsecutiveShifts()) {
                    broken.add(who + ": " + length + " shifts in a row from day " + from + ", at most " + st.maxConsecutiveShifts());
                }
                if (working && inside && length < st.minConsecutiveShifts()) {
                    broken.add(who + ": " + length + " shifts in a row from day " + from + ", at least " + st.minConsecutiveShifts());
                }
                if (!working && inside && length < st.minConsecutiveDaysOff()) {
                    broken.add(who + ": " + length + " days off in a row from day " + from + ", at least "
                            + st.minConsecutiveDaysOff());
                }
            }
            // H9 weekends
            int weekends = 0;
            for (int w = 0; 7 * w + 6 < h; w++) {
                if (row[7 * w + 5] != null || row[7 * w + 6] != null) {
                    weekends++;
                }
            }
            if (weekends > st.maxWeekends()) {
                broken.add(who + ": " + weekends + " weekends, at most " + st.maxWeekends());
            }
            // H10 days off
            for (int off : in.daysOff().getOrDefault(who, List.of())) {
                if (off < h && row[off] != null) {
                    broken.add(who + ": works " + row[off] + " on day off " + off);
                }
            }
        }
        Map<String, Integer> index = new HashMap<>();
        for (int e = 0; e < in.staff().size(); e++) {
            index.put(in.staff().get(e).id(), e);
        }
        int objective = 0;
        for (CurtoisInstance.Request r : in.onRequests()) {
            if (!r.shift().equals(table[index.get(r.employee())][r.day()])) {
                objective += r.weight();
            }
        }
        for (CurtoisInstance.Request r : in.offRequests()) {
            if (r.shift().equals(table[index.get(r.employee())][r.day()])) {
                objective += r.weight();
            }
        }
        for (CurtoisInstance.Cover c : in.cover()) {
            int x = 0;
            for (String[] row : table) {
                if (c.shift().equals(row[c.day()])) {
                    x++;
                }
            }
            objective += x < c.requirement() ? (c.requirement() - x) * c.underWeight() : (x - c.requirement()) * c.overWeight();
        }
        return new Result(objective, broken);
    }
}
