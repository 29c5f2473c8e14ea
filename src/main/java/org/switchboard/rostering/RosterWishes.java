package org.switchboard.rostering;

import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.switchboard.operators.Wish;
import org.switchboard.operators.WishService;
import org.switchboard.operators.WishType;
import org.switchboard.shared.Roles;

/**
 * Per operator, how many of their wishes a roster's stored shifts grant: a day off when they do not work that date; a
 * shift kind on a date when they work a shift of that kind then; a shift kind for the whole wish period when none of
 * their shifts in the part of the period the roster covers is of another kind. Wishes dated outside the roster, and
 * those of operators the roster does not plan, are not counted.
 */
@Service
public class RosterWishes {

    private final RosterService rosters;
    private final RosterStore store;
    private final WishService wishes;
    private final ShiftKindRules kindRules;

    RosterWishes(RosterService rosters, RosterStore store, WishService wishes, ShiftKindRules kindRules) {
        this.rosters = rosters;
        this.store = store;
        this.wishes = wishes;
        this.kindRules = kindRules;
    }

    /** The tally of every planned operator with wishes in the roster's period, by operator id. */
    @PreAuthorize(Roles.READ_MASTER_DATA)
    public Map<Long, WishTally> tally(long rosterId) {
        Roster roster = rosters.get(rosterId);
        return tally(roster, store.operatorIds(rosterId), store.assignments(rosterId));
    }

    /** As {@link #tally(long)} from shifts the caller has read already. */
    @PreAuthorize(Roles.READ_MASTER_DATA)
    public Map<Long, WishTally> tally(Roster roster, List<Long> operatorIds, List<StoredShift> shifts) {
        LocalDate first = roster.startDate();
        LocalDate last = first.plusDays(roster.days() - 1L);
        Map<Long, Map<LocalDate, ShiftKind>> worked = new HashMap<>();
        for (StoredShift s : shifts) {
            if (roster.contains(s.date())) {
                ShiftKind kind = kindRules.kindOf(s.start().atZone(roster.zone()).toLocalTime(),
                        Duration.between(s.start(), s.end()));
                worked.computeIfAbsent(s.operatorId(), k -> new HashMap<>()).put(s.date(), kind);
            }
        }
        Map<Long, int[]> counts = new LinkedHashMap<>();
        for (Wish w : wishes.wishes(operatorIds, first, last)) {
            Map<LocalDate, ShiftKind> days = worked.getOrDefault(w.operatorId(), Map.of());
            int[] c = counts.computeIfAbsent(w.operatorId(), k -> new int[2]);
            c[1]++;
            c[0] += granted(w, days, first, last) ? 1 : 0;
        }
        Map<Long, WishTally> out = new LinkedHashMap<>();
        counts.forEach((op, c) -> out.put(op, new WishTally(op, c[0], c[1])));
        return out;
    }

    static boolean granted(Wish w, Map<LocalDate, ShiftKind> worked, LocalDate first, LocalDate last) {
        if (w.type() == WishType.DAY_OFF) {
            return !worked.containsKey(w.date());
        }
        ShiftKind kind = RosterAvailability.kind(w);
        if (!w.wholePeriod()) {
            return worked.get(w.date()) == kind;
        }
        LocalDate from = w.periodStart().isAfter(first) ? w.periodStart() : first;
        LocalDate to = w.periodEnd().isBefore(last) ? w.periodEnd() : last;
        return worked.entrySet().stream().noneMatch(e -> !e.getKey().isBefore(from) && !e.getKey().isAfter(to)
                && e.getValue() != kind);
    }
}
