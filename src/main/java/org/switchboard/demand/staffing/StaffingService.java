package org.switchboard.demand.staffing;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.switchboard.shared.Roles;
import org.switchboard.shared.ValidationFailedException;

/** What-if Erlang calculations for planners and managers (the calculator screen and the REST API). */
@Service
public class StaffingService {

    /** Largest interval load the what-if accepts, in calls per interval. */
    static final double MAX_CALLS = 1_000_000;

    @PreAuthorize(Roles.READ_MASTER_DATA)
    public StaffingResult whatIf(ErlangQuery q) {
        Map<String, String> problems = new LinkedHashMap<>();
        required(problems, "callsPerInterval", q.callsPerInterval());
        required(problems, "intervalMinutes", q.intervalMinutes());
        required(problems, "ahtSeconds", q.ahtSeconds());
        required(problems, "serviceLevelTarget", q.serviceLevelTarget());
        required(problems, "answerWithinSeconds", q.answerWithinSeconds());
        if (q.callsPerInterval() != null && q.callsPerInterval() > MAX_CALLS) {
            problems.put("callsPerInterval", "Use at most 1,000,000 calls per interval");
        }
        if (q.intervalMinutes() != null && (q.intervalMinutes() < 1 || q.intervalMinutes() > 1440)) {
            problems.putIfAbsent("intervalMinutes", "Use 1 to 1440 minutes (usually 15 or 30)");
        }
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

    /** The figures of a what-if question with a given number of agents. */
    @PreAuthorize(Roles.READ_MASTER_DATA)
    public StaffingResult evaluate(ErlangQuery q, int agents) {
        return StaffingCalculator.evaluate(request(q), agents);
    }

    private static StaffingRequest request(ErlangQuery q) {
        return new StaffingRequest(q.callsPerInterval(), q.intervalMinutes(), q.ahtSeconds(),
                q.serviceLevelTarget(), q.answerWithinSeconds(), q.asaTargetSeconds(), q.maxOccupancy(),
                q.shrinkage() == null ? 0 : q.shrinkage(), q.patienceSeconds(), q.abandonmentTarget());
    }

    private static void required(Map<String, String> problems, String field, Object value) {
        if (value == null) {
            problems.put(field, "Required");
        } else if (value instanceof Double d && !Double.isFinite(d)) {
            problems.put(field, "Must be a finite number");
        }
    }
}
