package org.switchboard.notifications;

import static org.switchboard.notifications.NotificationFacts.APPROVALS;
import static org.switchboard.notifications.NotificationFacts.TIME_OFF;
import static org.switchboard.notifications.NotificationFacts.ABSENCE_ID;
import static org.switchboard.notifications.NotificationFacts.BY_SYSTEM;
import static org.switchboard.notifications.NotificationFacts.CANCELLED_BY;
import static org.switchboard.notifications.NotificationFacts.DATE;
import static org.switchboard.notifications.NotificationFacts.DAYS;
import static org.switchboard.notifications.NotificationFacts.DECIDED_BY;
import static org.switchboard.notifications.NotificationFacts.DECIDED_BY_NAME;
import static org.switchboard.notifications.NotificationFacts.EMPLOYEE_NUMBER;
import static org.switchboard.notifications.NotificationFacts.END;
import static org.switchboard.notifications.NotificationFacts.FROM;
import static org.switchboard.notifications.NotificationFacts.MY_SCHEDULE;
import static org.switchboard.notifications.NotificationFacts.OPERATOR_NAME;
import static org.switchboard.notifications.NotificationFacts.QUEUE;
import static org.switchboard.notifications.NotificationFacts.REASON;
import static org.switchboard.notifications.NotificationFacts.ROSTER_ID;
import static org.switchboard.notifications.NotificationFacts.START;
import static org.switchboard.notifications.NotificationFacts.TO;
import static org.switchboard.notifications.NotificationFacts.TYPE;
import static org.switchboard.notifications.NotificationFacts.facts;

import java.time.Clock;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.switchboard.absences.AbsenceApproved;
import org.switchboard.absences.AbsenceCancelled;
import org.switchboard.absences.AbsenceRejected;
import org.switchboard.absences.AbsenceRequested;
import org.switchboard.absences.AbsenceSpan;
import org.switchboard.absences.AbsenceStatus;
import org.switchboard.operators.Operator;
import org.switchboard.operators.OperatorService;
import org.switchboard.rostering.RosterPublished;
import org.switchboard.rostering.ShiftsChanged;
import org.switchboard.security.UserAccount;
import org.switchboard.security.UserAccountService;
import org.switchboard.shared.Roles;
import org.switchboard.shared.SystemAuthentication;
import org.switchboard.swaps.SwapChanged;
import org.switchboard.swaps.SwapKind;
import org.switchboard.swaps.SwapStatus;

/**
 * Makes the notifications from other modules' events: one row per recipient, facts only. Listeners of the event
 * publication registry: each runs after the publishing transaction committed, in a transaction of its own, and is
 * retried from the registry when it failed. They read operators and accounts as the system (no user is signed in
 * here). An operator reaches a person only through the login linked to them: operators without one get nothing.
 */
@Component
class NotificationListeners {

    private static final Logger log = LoggerFactory.getLogger(NotificationListeners.class);

    private final NotificationStore store;
    private final OperatorService operators;
    private final UserAccountService accounts;
    private final Clock clock;

    NotificationListeners(NotificationStore store, OperatorService operators, UserAccountService accounts,
            Optional<Clock> clock) {
        this.store = store;
        this.operators = operators;
        this.accounts = accounts;
        this.clock = clock.orElse(Clock.systemUTC());
    }

    @ApplicationModuleListener
    void on(AbsenceApproved e) {
        SystemAuthentication.runAsSystem(() -> operator(e.span().operatorId()).ifPresent(o -> toOperator(o,
                NotificationKind.ABSENCE_APPROVED, absence(e.span(), BY_SYSTEM, e.bySystem(), DECIDED_BY, e.decidedBy(),
                        DECIDED_BY_NAME, e.bySystem() ? null : displayName(e.decidedBy())), TIME_OFF)));
    }

    @ApplicationModuleListener
    void on(AbsenceRejected e) {
        SystemAuthentication.runAsSystem(() -> operator(e.span().operatorId()).ifPresent(o -> toOperator(o,
                NotificationKind.ABSENCE_REJECTED, absence(e.span(), DECIDED_BY, e.decidedBy(), DECIDED_BY_NAME,
                        displayName(e.decidedBy()), REASON, e.reason()), TIME_OFF)));
    }

    /** Only an approved absence cancelled concerns the managers (a pending request simply leaves their list). */
    @ApplicationModuleListener
    void on(AbsenceCancelled e) {
        if (!e.wasApproved()) {
            return;
        }
        SystemAuthentication.runAsSystem(() -> toManagers(NotificationKind.ABSENCE_CANCELLED,
                withOperator(e.span(), CANCELLED_BY, e.cancelledBy())));
    }

    /** A request that waits for a decision (not one on the waitlist: it reaches the managers when it moves up). */
    @ApplicationModuleListener
    void on(AbsenceRequested e) {
        if (e.status() != AbsenceStatus.REQUESTED) {
            return;
        }
        SystemAuthentication.runAsSystem(() -> toManagers(NotificationKind.ABSENCE_REQUESTED, withOperator(e.span())));
    }

    @ApplicationModuleListener
    void on(ShiftsChanged e) {
        SystemAuthentication.runAsSystem(() -> {
            Map<Long, Optional<Operator>> known = new HashMap<>();
            for (ShiftsChanged.ChangedDay day : e.changes()) {
                known.computeIfAbsent(day.operatorId(), this::operator).ifPresent(o -> toOperator(o,
                        day.change() == ShiftsChanged.Change.REMOVED ? NotificationKind.SHIFT_REMOVED
                                : NotificationKind.SHIFT_ASSIGNED,
                        facts(ROSTER_ID, e.rosterId(), ABSENCE_ID, e.absenceId(), DATE, day.date(), START, day.start(),
                                END, day.end(), QUEUE, day.queueCode()),
                        MY_SCHEDULE));
            }
        });
    }

    @ApplicationModuleListener
    void on(RosterPublished e) {
        Set<Long> ids = new HashSet<>(e.operatorIds());
        SystemAuthentication.runAsSystem(() -> operators.list().stream().filter(o -> ids.contains(o.getId()))
                .forEach(o -> toOperator(o, NotificationKind.ROSTER_PUBLISHED, facts(ROSTER_ID, e.rosterId(),
                        FROM, e.startDate(), TO, e.startDate().plusDays(Math.max(1, e.days()) - 1L), DAYS, e.days()),
                        MY_SCHEDULE)));
    }

    /**
     * A trade changed: a direct swap offered reaches its addressee; any later step reaches those involved but the one
     * who acted; a trade waiting for a decision reaches the managers.
     */
    @ApplicationModuleListener
    void on(SwapChanged e) {
        SystemAuthentication.runAsSystem(() -> {
            Map<String, String> base = facts(NotificationFacts.SWAP_ID, e.swapId(), NotificationFacts.KIND, e.kind(),
                    NotificationFacts.STATUS, e.status(), DATE, e.date(), NotificationFacts.WITH_DATE, e.withDate());
            if (e.status() == SwapStatus.PROPOSED) {
                if (e.kind() == SwapKind.SWAP && e.proposerOperatorId() != null) {
                    Map<String, String> f = new HashMap<>(base);
                    operator(e.proposerOperatorId()).ifPresent(p -> f.putAll(facts(EMPLOYEE_NUMBER,
                            p.getEmployeeNumber(), OPERATOR_NAME, p.fullName())));
                    e.operatorIds().stream().filter(id -> !id.equals(e.proposerOperatorId())).forEach(id ->
                            operator(id).ifPresent(o -> toOperator(o, NotificationKind.SWAP_PROPOSED, f,
                                    NotificationFacts.SWAPS)));
                }
                return;
            }
            Map<String, String> f = new HashMap<>(base);
            f.putAll(facts(NotificationFacts.ACTOR, e.bySystem() ? null : actorName(e), REASON,
                    e.reason() != null ? e.reason() : e.reasonCode() == null ? null : "code:" + e.reasonCode()));
            String link = e.status() == SwapStatus.APPROVED ? MY_SCHEDULE : NotificationFacts.SWAPS;
            for (Long id : e.operatorIds()) {
                if (!id.equals(e.actorOperatorId())) {
                    operator(id).ifPresent(o -> toOperator(o, NotificationKind.SWAP_CHANGED, f, link));
                }
            }
            if (e.waitsForManager()) {
                Map<String, String> w = new HashMap<>(base);
                if (e.proposerOperatorId() != null) {
                    operator(e.proposerOperatorId()).ifPresent(p -> w.putAll(facts(EMPLOYEE_NUMBER,
                            p.getEmployeeNumber(), OPERATOR_NAME, p.fullName())));
                }
                // who took it: the operator whose acceptance left it waiting
                if (e.actorOperatorId() != null) {
                    operator(e.actorOperatorId()).ifPresent(t -> w.putAll(facts(NotificationFacts.TAKER,
                            t.getEmployeeNumber() + " " + t.fullName())));
                }
                for (UserAccount manager : accounts.enabledWithRole(Roles.MANAGER)) {
                    store.insert(manager.id(), NotificationKind.SWAP_WAITING, w, NotificationFacts.SWAPS, clock.instant());
                }
            }
        });
    }

    /** Who acted: an operator by number and name, else the user's display name or login. */
    private String actorName(SwapChanged e) {
        if (e.actorOperatorId() != null) {
            return operator(e.actorOperatorId()).map(o -> o.getEmployeeNumber() + " " + o.fullName()).orElse(e.actor());
        }
        String name = displayName(e.actor());
        return name == null ? e.actor() : name;
    }

    private void toOperator(Operator o, NotificationKind kind, Map<String, String> facts, String link) {
        if (o.getUserId() != null) {
            store.insert(o.getUserId(), kind, facts, link, clock.instant());
        }
    }

    private void toManagers(NotificationKind kind, Map<String, String> facts) {
        for (UserAccount manager : accounts.enabledWithRole(Roles.MANAGER)) {
            store.insert(manager.id(), kind, facts, APPROVALS, clock.instant());
        }
    }

    /**
     * The operator, if they still exist. Looked up in the list, not with {@code OperatorService.get}: that one throws
     * for a missing operator inside this listener's transaction, which would then roll back every notification of
     * the event.
     */
    private Optional<Operator> operator(long id) {
        Optional<Operator> o = operators.list().stream().filter(x -> x.getId() == id).findFirst();
        if (o.isEmpty()) {
            log.debug("Operator {} no longer exists: nobody to notify", id);
        }
        return o;
    }

    private String displayName(String username) {
        return accounts.findByUsername(username).map(UserAccount::displayName).orElse(null);
    }

    private static Map<String, String> absence(AbsenceSpan s, Object... more) {
        Map<String, String> f = facts(ABSENCE_ID, s.absenceId(), TYPE, s.type(), FROM, s.from(), TO, s.to());
        f.putAll(facts(more));
        return f;
    }

    /** The absence with who it is of: "E1001", "Anna Ivanova". */
    private Map<String, String> withOperator(AbsenceSpan s, Object... more) {
        Map<String, String> f = absence(s, more);
        operator(s.operatorId()).ifPresent(o -> f.putAll(facts(EMPLOYEE_NUMBER, o.getEmployeeNumber(),
                OPERATOR_NAME, o.getFirstName() + " " + o.getLastName())));
        return f;
    }
}
