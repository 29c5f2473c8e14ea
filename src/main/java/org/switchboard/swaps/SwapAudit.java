package org.switchboard.swaps;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.switchboard.audit.AuditKind;
import org.switchboard.audit.AuditTrail;
import org.switchboard.rostering.ShiftTrades.Move;

/**
 * Records trades in the audit trail, in the deciding transaction: applied (by a manager, or by the system when the
 * team approves automatically) with every shift it moved, and rejected with the manager's reason.
 */
@Component
class SwapAudit {

    private final AuditTrail audit;
    private final SwapPeople people;

    SwapAudit(AuditTrail audit, SwapPeople people) {
        this.audit = audit;
        this.people = people;
    }

    /** The trade was applied: {@code moves} are the shifts it moved (from whom, to whom, which day). */
    void applied(Swap before, Swap after, List<Move> moves, boolean bySystem) {
        Map<Long, String> names = new HashMap<>();
        List<Map<String, Object>> moved = new ArrayList<>();
        for (Move m : moves) {
            moved.add(AuditTrail.facts("from", m.fromOperatorId() == null ? null : name(m.fromOperatorId(), names),
                    "to", m.toOperatorId() == null ? null : name(m.toOperatorId(), names), "date", m.date(),
                    "openShiftId", m.openShiftId()));
        }
        Map<String, Object> facts = AuditTrail.facts("swapId", after.id(), "swapKind", after.kind().name(),
                "rosterId", after.rosterId(), "moves", moved, "auto", bySystem);
        Map<String, Object> was = Map.of("status", before.status().name());
        Map<String, Object> now = Map.of("status", after.status().name());
        if (bySystem) {
            audit.recordBySystem(AuditKind.SWAP_APPLIED, "swap", after.id(), was, now, facts);
        } else {
            audit.record(AuditKind.SWAP_APPLIED, "swap", after.id(), was, now, facts);
        }
    }

    /** A manager rejected the trade with a reason. */
    void rejected(Swap before, Swap after) {
        audit.record(AuditKind.SWAP_REJECTED, "swap", after.id(), Map.of("status", before.status().name()),
                Map.of("status", after.status().name()), AuditTrail.facts("swapId", after.id(), "swapKind",
                        after.kind().name(), "date", after.giveDate(), "reason", after.reason()));
    }

    /** "E1001 Anna Ivanova" (the id when the operator no longer exists). */
    private String name(long operatorId, Map<Long, String> names) {
        return names.computeIfAbsent(operatorId, id -> people.byId(id)
                .map(o -> o.getEmployeeNumber() + " " + o.fullName()).orElse(String.valueOf(id)));
    }
}
