package org.switchboard.demand.staffing;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.switchboard.shared.Roles;
import org.switchboard.shared.ValidationFailedException;

/**
 * What-if Erlang calculations for planners and managers (the calculator screen and the REST API). Every
 * field is checked against {@link StaffingLimits} first, so each question is answered (or refused with a
 * reason per field) in well under a second.
 */
@Service
public class StaffingService {

    /**
     * The agents and figures for a what-if question.
     *
     * @throws ValidationFailedException naming each field that is missing, out of range or not a whole
     *     number where one is meant, or the target that cannot be reached
     */
    @PreAuthorize(Roles.READ_MASTER_DATA)
    public StaffingResult whatIf(ErlangQuery q) {
        Map<String, String> problems = problems(q);
        if (problems.isEmpty()) {
            StaffingRequest request = request(q);
            request.problems().forEach(problems::putIfAbsent);
            if (problems.isEmpty()) {
                try {
                    return StaffingCalculator.required(request);
                } catch (IllegalArgumentException e) {
                    // the calculator names the field first: "serviceLevelTarget: cannot be reached ..."
                    String m = String.valueOf(e.getMessage());
                    int colon = m.indexOf(": ");
                    boolean named = colon > 0 && m.substring(0, colon).matches("[a-zA-Z]+");
                    problems.put(named ? m.substring(0, colon) : "", named ? m.substring(colon + 2) : m);
                }
            }
        }
        throw new ValidationFailedException(problems);
    }

    /**
     * The figures of a what-if question with a given number of agents.
     *
     * @throws ValidationFailedException as {@link #whatIf} (targets need not be reachable), or for agents
     *     out of range
     */
    @PreAuthorize(Roles.READ_MASTER_DATA)
    public StaffingResult evaluate(ErlangQuery q, int agents) {
        Map<String, String> problems = problems(q);
        if (problems.isEmpty()) {
            request(q).inputProblems().forEach(problems::putIfAbsent);
        }
        if (agents < 0 || agents > StaffingLimits.MAX_AGENTS) {
            problems.put("agents", "must be 0 to " + StaffingLimits.MAX_AGENTS);
        }
        if (!problems.isEmpty()) {
            throw new ValidationFailedException(problems);
        }
        return StaffingCalculator.evaluate(request(q), agents);
    }

    /** Missing fields, non-numbers and an interval that is not a whole number of minutes. */
    private static Map<String, String> problems(ErlangQuery q) {
        Map<String, String> problems = new LinkedHashMap<>();
        required(problems, "callsPerInterval", q.callsPerInterval());
        required(problems, "intervalMinutes", q.intervalMinutes());
        required(problems, "ahtSeconds", q.ahtSeconds());
        required(problems, "serviceLevelTarget", q.serviceLevelTarget());
        required(problems, "answerWithinSeconds", q.answerWithinSeconds());
        for (var optional : new Object[][] {{"maxOccupancy", q.maxOccupancy()}, {"shrinkage", q.shrinkage()},
                {"patienceSeconds", q.patienceSeconds()}, {"asaTargetSeconds", q.asaTargetSeconds()},
                {"abandonmentTarget", q.abandonmentTarget()}}) {
            if (optional[1] instanceof Double d && !Double.isFinite(d)) {
                problems.put((String) optional[0], "Must be a finite number");
            }
        }
        Double minutes = q.intervalMinutes();
        if (minutes != null && Double.isFinite(minutes) && !(minutes == Math.rint(minutes)
                && minutes >= StaffingLimits.MIN_INTERVAL_MINUTES && minutes <= StaffingLimits.MAX_INTERVAL_MINUTES)) {
            problems.put("intervalMinutes", StaffingRequest.INTERVAL_REASON);
        }
        return problems;
    }

    /** The request of a question without problems (intervalMinutes is then a whole number in range). */
    private static StaffingRequest request(ErlangQuery q) {
        return new StaffingRequest(q.callsPerInterval(), q.intervalMinutes().intValue(), q.ahtSeconds(),
                q.serviceLevelTarget(), q.answerWithinSeconds(), q.asaTargetSeconds(), q.maxOccupancy(),
                q.shrinkage() == null ? 0 : q.shrinkage(), q.patienceSeconds(), q.abandonmentTarget());
    }

    private static void required(Map<String, String> problems, String field, Double value) {
        if (value == null) {
            problems.put(field, "Required");
        } else if (!Double.isFinite(value)) {
            problems.put(field, "Must be a finite number");
        }
    }
}
