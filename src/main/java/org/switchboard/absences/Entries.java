package org.switchboard.absences;

import java.time.ZoneId;
import org.switchboard.operators.Operator;

/** Stored rows as {@link AbsenceEntry}s, with the operator's number, name, team and zone. */
final class Entries {

    private Entries() {}

    static AbsenceEntry of(AbsenceStore.Stored s, Operator o) {
        ZoneId zone = o.zone();
        return new AbsenceEntry(s.id(), s.operatorId(), o.getEmployeeNumber(), o.getFirstName() + " " + o.getLastName(),
                o.getTeamId(), s.type(), s.status(), s.from(), s.to(), s.startsAt().atZone(zone),
                s.endsAt().atZone(zone), s.wholeDays(), s.note(), s.requestedAt(), s.requestedBy(), s.decidedBy(),
                s.decidedAt(), s.decidedBySystem(), s.reason(), s.cancelledAt(), s.cancelledBy(), s.waitlistedAt());
    }
}
