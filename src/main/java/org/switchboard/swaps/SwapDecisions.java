package org.switchboard.swaps;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.switchboard.operators.Operator;
import org.switchboard.rostering.ShiftTrades;
import org.switchboard.rostering.ShiftTrades.Move;
import org.switchboard.rostering.TradeShift;
import org.switchboard.shared.ConflictException;
import org.switchboard.shared.RuleViolationsException;
import org.switchboard.shared.Text;

/**
 * Taking, deciding and applying trades, inside the callers' transactions and under the trade's row lock: the moves a
 * trade makes, whether its shifts are still as offered, the automatic approval, applying it into the published
 * schedule ({@link ShiftTrades#apply}: both sides or neither), expiring the other trades it overtook, and the events.
 */
@Component
class SwapDecisions {

    static final String CHANGED = "changed";
    static final String EXPIRED = "expired";

    private final SwapStore store;
    private final ShiftTrades trades;
    private final ApplicationEventPublisher events;
    private final SwapAudit audit;
    private final Clock clock;

    SwapDecisions(SwapStore store, ShiftTrades trades, ApplicationEventPublisher events, SwapAudit audit,
            Optional<Clock> clock) {
        this.audit = audit;
        this.store = store;
        this.trades = trades;
        this.events = events;
        this.clock = clock.orElse(Clock.systemUTC());
    }

    /** The shifts a trade moves when {@code takerId} takes it, in the order of {@link #expected}. */
    List<Move> moves(Swap s, long takerId) {
        List<Move> out = new ArrayList<>();
        if (s.kind() == SwapKind.OPEN_SHIFT) {
            out.add(Move.openShift(s.openShiftId(), s.giveDate(), takerId));
            return out;
        }
        out.add(Move.shift(s.proposerOperatorId(), s.giveDate(), takerId));
        if (s.takeShift() != null) {
            out.add(Move.shift(takerId, s.takeDate(), s.proposerOperatorId()));
        }
        return out;
    }

    /** The shifts as offered, in the order of {@link #moves}. */
    static List<TradeShift> expected(Swap s) {
        return s.takeShift() == null ? List.of(s.giveShift()) : List.of(s.giveShift(), s.takeShift());
    }

    /** Whether every shift of the trade is still as it was offered. */
    boolean current(Swap s) {
        if (s.kind() == SwapKind.OPEN_SHIFT) {
            return trades.openShift(s.openShiftId()).map(x -> x.sameWork(s.giveShift())).orElse(false);
        }
        boolean give = trades.publishedShift(s.proposerOperatorId(), s.giveDate()).map(x -> x.sameWork(s.giveShift()))
                .orElse(false);
        boolean take = s.takeShift() == null || trades.publishedShift(s.addresseeOperatorId(), s.takeDate())
                .map(x -> x.sameWork(s.takeShift())).orElse(false);
        return give && take;
    }

    /**
     * Refuses a trade that can no longer be applied (a shift changed, or the first one started): it expires, which is
     * kept (the caller's transaction must not roll back on the {@link ConflictException}).
     */
    void requireCurrent(Swap s) {
        Instant now = clock.instant();
        if (!s.expiresAt().isAfter(now)) {
            expire(s, EXPIRED, now);
            throw new ConflictException(Text.of("swap.error.expired", String.valueOf(s.id())));
        }
        if (!current(s)) {
            expire(s, CHANGED, now);
            throw new ConflictException(Text.of("swap.error.changed", String.valueOf(s.id())));
        }
    }

    /**
     * The taker accepts (already checked against the trade rules): the roster's rules again (422), then, when the team
     * approves automatically, applied at once if, on the check made under the roster's lock, nobody goes into overtime
     * and the service level does not fall below the threshold; else it waits for a manager.
     */
    Swap accept(Swap s, Operator taker, TradeRules rules, Locale locale) {
        List<Move> moves = moves(s, taker.getId());
        ShiftTrades.Check check = trades.check(moves, locale);
        if (!check.ok()) {
            throw new RuleViolationsException(check.violations());
        }
        Instant now = clock.instant();
        store.accept(s.id(), taker.getId(), now, taker.getEmployeeNumber());
        Swap accepted = store.find(s.id()).orElseThrow();
        if (rules.autoApprove()) {
            ShiftTrades.Outcome outcome;
            try {
                outcome = trades.applyIf(moves, expected(accepted), SwapStore.SYSTEM, locale,
                        c -> c.overtimeMinutes() == 0 && !c.serviceLevelFallsBelow(rules.threshold()));
            } catch (ConflictException e) {
                expire(accepted, CHANGED, clock.instant());
                throw e;
            }
            if (outcome.applied()) {
                return approved(accepted, moves, SwapStore.SYSTEM, true, taker.getId());
            }
            check = outcome.check();
        }
        String waitReason = !rules.autoApprove() ? "manual" : check.overtimeMinutes() > 0 ? "overtime" : "serviceLevel";
        store.note(s.id(), SwapStatus.ACCEPTED, now, SwapStore.SYSTEM, true, "code:" + waitReason);
        published(accepted, taker.getId(), taker.getEmployeeNumber(), false, waitReason, true);
        return accepted;
    }

    /**
     * A manager approves an accepted trade and it is applied: both sides or neither (422 when a rule breaks now; a
     * shift that changed meanwhile makes it expire, 409).
     */
    Swap approve(Swap s, String by, Locale locale) {
        List<Move> moves = moves(s, s.takerOperatorId());
        try {
            trades.apply(moves, expected(s), by, locale);
        } catch (ConflictException e) {
            expire(s, CHANGED, clock.instant());
            throw e;
        }
        return approved(s, moves, by, false, null);
    }

    /**
     * Records an applied trade as approved and tells those involved; other active trades of the same shifts expire.
     *
     * @param actorOperatorId the operator whose acceptance led to an automatic approval, or null
     */
    private Swap approved(Swap s, List<Move> moves, String by, boolean bySystem, Long actorOperatorId) {
        Instant now = clock.instant();
        store.decide(s.id(), SwapStatus.APPROVED, by, bySystem, null, now);
        Swap approved = store.find(s.id()).orElseThrow();
        audit.applied(s, approved, moves, bySystem);
        published(approved, actorOperatorId, by, bySystem, bySystem ? "auto" : null, false);
        for (Move m : moves) {
            for (Long op : new Long[] {m.fromOperatorId(), m.toOperatorId()}) {
                if (op != null) {
                    for (Swap other : store.activeTouching(op, m.date(), s.id())) {
                        expire(other, CHANGED, now);
                    }
                }
            }
        }
        return approved;
    }

    /** Ends an active trade as EXPIRED by the system, with why ({@link #EXPIRED} or {@link #CHANGED}). */
    void expire(Swap s, String why, Instant now) {
        Swap current = store.find(s.id()).orElseThrow();
        if (!current.status().active()) {
            return;
        }
        store.close(s.id(), SwapStatus.EXPIRED, SwapStore.SYSTEM, true, "code:" + why, now);
        published(store.find(s.id()).orElseThrow(), null, SwapStore.SYSTEM, true, why, false);
    }

    /** A manager rejected the trade ({@code before} as it was): recorded and told. */
    void rejected(Swap before, Swap after, String by) {
        audit.rejected(before, after);
        published(after, null, by, false, null, false);
    }

    void published(Swap s, Long actorOperatorId, String actor, boolean bySystem, String reasonCode, boolean waits) {
        events.publishEvent(event(s, actorOperatorId, actor, bySystem, reasonCode, waits));
    }

    /** The event of a trade's step; {@code withDate} only when the addressee gives a shift back (not one-sided). */
    static SwapChanged event(Swap s, Long actorOperatorId, String actor, boolean bySystem, String reasonCode,
            boolean waits) {
        LocalDate withDate = s.kind() == SwapKind.SWAP && s.takeShift() != null ? s.takeDate() : null;
        return new SwapChanged(s.id(), s.kind(), s.status(), s.operatorIds(), s.proposerOperatorId(), actorOperatorId,
                actor, bySystem, s.giveDate(), withDate, reasonCode,
                s.reason() == null || s.reason().startsWith("code:") ? null : s.reason(), waits);
    }
}
