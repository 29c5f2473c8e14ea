package org.switchboard.absences;

import java.util.Map;
import org.springframework.stereotype.Component;
import org.switchboard.audit.AuditKind;
import org.switchboard.audit.AuditTrail;
import org.switchboard.operators.Operator;

/** Records decisions on absences in the audit trail, in the deciding transaction: whose absence, what, from when. */
@Component
class AbsenceAudit {

    private final AuditTrail audit;

    AbsenceAudit(AuditTrail audit) {
        this.audit = audit;
    }

    /**
     * An approval by the signed-in user, or by the system (the team's rule).
     *
     * @param was the status before, or null for an absence entered approved (sick leave a planner enters)
     */
    void approved(AbsenceSpan span, Operator o, AbsenceStatus was, boolean bySystem) {
        Map<String, Object> facts = facts(span, o);
        facts.put("auto", bySystem);
        Map<String, Object> before = was == null ? null : Map.of("status", was.name());
        Map<String, Object> after = Map.of("status", AbsenceStatus.APPROVED.name());
        if (bySystem) {
            audit.recordBySystem(AuditKind.ABSENCE_APPROVED, "absence", span.absenceId(), before, after, facts);
        } else {
            audit.record(AuditKind.ABSENCE_APPROVED, "absence", span.absenceId(), before, after, facts);
        }
    }

    /** A rejection by the signed-in user, with their reason. */
    void rejected(AbsenceSpan span, Operator o, AbsenceStatus was, String reason) {
        Map<String, Object> facts = facts(span, o);
        facts.put("reason", reason);
        audit.record(AuditKind.ABSENCE_REJECTED, "absence", span.absenceId(), Map.of("status", was.name()),
                Map.of("status", AbsenceStatus.REJECTED.name(), "reason", reason), facts);
    }

    private static Map<String, Object> facts(AbsenceSpan span, Operator o) {
        return AuditTrail.facts("absenceId", span.absenceId(), "employeeNumber", o.getEmployeeNumber(),
                "operatorName", o.fullName(), "type", span.type().name(), "from", span.from(), "to", span.to(),
                "wholeDays", span.wholeDays());
    }
}
