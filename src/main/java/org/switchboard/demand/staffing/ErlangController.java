package org.switchboard.demand.staffing;

import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.switchboard.shared.ValidationFailedException;

/** What-if staffing for one interval: {@code POST /api/staffing/erlang} (see README). */
@RestController
class ErlangController {

    private final StaffingService staffing;

    ErlangController(StaffingService staffing) {
        this.staffing = staffing;
    }

    @PostMapping("/api/staffing/erlang")
    @PreAuthorize("hasAnyRole('PLANNER','MANAGER','ADMIN')")
    ErlangAnswer erlang(@RequestBody(required = false) ErlangQuery query) {
        if (query == null) {
            throw new ValidationFailedException(Map.of("", "Send a JSON body such as {\"callsPerInterval\":100,"
                    + "\"intervalMinutes\":30,\"ahtSeconds\":180,\"serviceLevelTarget\":0.8,\"answerWithinSeconds\":20}"));
        }
        return ErlangAnswer.of(staffing.whatIf(query));
    }
}
