package org.switchboard.swaps;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.switchboard.operators.Operator;
import org.switchboard.rostering.ShiftTrades;
import org.switchboard.rostering.ShiftTrades.Move;
import org.switchboard.rostering.TradeShift;
import org.switchboard.shared.ConflictException;
import org.switchboard.shared.CurrentUser;
import org.switchboard.shared.NotFoundException;
import org.switchboard.shared.Roles;
import org.switchboard.shared.RuleViolation;
import org.switchboard.shared.RuleViolationsException;
import org.switchboard.shared.Text;
import org.switchboard.shared.Texts;
import org.switchboard.shared.ValidationFailedException;

/**
 * Shift trades: an operator offers a shift to a colleague (a direct swap, possibly one-sided) or to anyone eligible (a
 * give-away); a planner offers an open shift; the addressee or an eligible taker accepts (or the addressee declines),
 * the proposer cancels, a manager approves or rejects. Every offer and every acceptance is checked with the roster's
 * own rules ({@link ShiftTrades}) and the team's trade rules ({@link TradeRules}); an accepted trade is approved and
 * applied on its own when the team allows it, nothing breaks, no overtime is involved and the projected service level
 * of the affected intervals does not fall below the team's threshold ({@link SwapDecisions}).
 *
 * <p>Every transition decides under the trade's row lock: of two operators accepting one offer at once exactly one
 * wins; the other gets 409. A transition not allowed from the current state is a {@link ConflictException} (409), a
 * caller without the right an {@link AccessDeniedException} (403), a broken rule a {@link RuleViolationsException}
 * (422, nothing changes).
 */
@Service
public class Swaps {

    /** The most trades one list shows. */
    public static final int LIST_LIMIT = 500;
    /** The longest employee number there is (operator.employee_number). */
    static final int MAX_EMPLOYEE_NUMBER = 20;

    private final SwapStore store;
    private final ShiftTrades trades;
    private final SwapPeople people;
    private final SwapDecisions decisions;
    private final CurrentUser user;
    private final Clock clock;

    Swaps(SwapStore store, ShiftTrades trades, SwapPeople people, SwapDecisions decisions, CurrentUser user,
            Optional<Clock> clock) {
        this.store = store;
        this.trades = trades;
        this.people = people;
        this.decisions = decisions;
        this.user = user;
        this.clock = clock.orElse(Clock.systemUTC());
    }

    // --- offering ----------------------------------------------------------------------------------------------

    /**
     * The signed-in operator offers their shift on {@code date}: to the colleague {@code withEmployeeNumber} against
     * that colleague's shift on {@code withDate} (default: the same date; a day they are off makes it one-sided), or,
     * without a colleague, as a give-away.
     *
     * @throws AccessDeniedException when the user is not linked to an operator
     * @throws ValidationFailedException without a date, or naming oneself
     * @throws NotFoundException for an unknown colleague
     * @throws RuleViolationsException when a trade rule or a roster rule breaks
     * @throws ConflictException when the shift is already offered
     */
    @PreAuthorize(Roles.SIGNED_IN)
    @Transactional
    public Swap propose(LocalDate date, String withEmployeeNumber, LocalDate withDate, Locale locale) {
        Operator me = people.mine().orElseThrow(() -> new AccessDeniedException(Texts.render("swap.error.notOperator",
                locale)));
        if (date == null) {
            throw ValidationFailedException.of("date", Text.of("swap.error.dateMissing"));
        }
        Operator with = null;
        if (withEmployeeNumber != null && !withEmployeeNumber.isBlank()) {
            if (withEmployeeNumber.trim().length() > MAX_EMPLOYEE_NUMBER) {
                throw ValidationFailedException.of("withEmployeeNumber",
                        Text.of("swap.error.employeeTooLong", MAX_EMPLOYEE_NUMBER));
            }
            with = people.byNumber(withEmployeeNumber);
            if (with.getId().equals(me.getId())) {
                throw ValidationFailedException.of("withEmployeeNumber", Text.of("swap.error.withSelf"));
            }
            if (me.getTeamId() == null || !me.getTeamId().equals(with.getTeamId())) {
                // the team's rules govern its trades: colleagues of one team trade with each other
                throw new RuleViolationsException(List.of(rule("swap.rule.otherTeam", locale,
                        with.getEmployeeNumber())));
            }
        }
        TradeShift give = trades.publishedShift(me.getId(), date).orElseThrow(() -> refused(
                "Shift to trade", "swap.rule.noShift", locale, me.getEmployeeNumber(), date));
        if (store.offered(me.getId(), date)) {
            throw new ConflictException(Text.of("swap.error.alreadyOffered", date));
        }
        TradeRules rules = people.rules(me);
        List<RuleViolation> violations = new ArrayList<>(timing(rules, give, locale));
        LocalDate takeDate = null;
        TradeShift take = null;
        List<Move> moves = new ArrayList<>();
        if (with != null) {
            takeDate = withDate == null ? date : withDate;
            take = trades.publishedShift(with.getId(), takeDate).orElse(null);
            moves.add(Move.shift(me.getId(), date, with.getId()));
            if (take == null) {
                if (!rules.oneSided()) {
                    violations.add(rule("swap.rule.oneSided", locale, with.getEmployeeNumber(), takeDate));
                }
            } else {
                violations.addAll(timing(rules, take, locale));
                violations.addAll(likeForLike(rules, give, take, locale));
                moves.add(Move.shift(with.getId(), takeDate, me.getId()));
            }
        } else {
            moves.add(Move.givenUp(me.getId(), date));
        }
        if (violations.isEmpty()) {
            violations.addAll(trades.check(moves, locale).violations());
        }
        if (!violations.isEmpty()) {
            throw new RuleViolationsException(violations);
        }
        Instant expires = take == null || give.start().isBefore(take.start()) ? give.start() : take.start();
        long id;
        try {
            id = store.insert(with == null ? SwapKind.GIVEAWAY : SwapKind.SWAP, give.rosterId(), me.getTeamId(),
                    me.getId(), user.name(), clock.instant(), give, null, with == null ? null : with.getId(), takeDate,
                    take, expires);
        } catch (DuplicateKeyException e) {
            throw new ConflictException(Text.of("swap.error.alreadyOffered", date));
        }
        Swap s = store.find(id).orElseThrow();
        decisions.published(s, me.getId(), user.name(), false, null, false);
        return s;
    }

    /**
     * A planner offers an open shift (one an absence left uncovered) to the operators who may take it.
     *
     * @throws NotFoundException when it is not open (any more)
     * @throws ConflictException when it is already offered
     */
    @PreAuthorize(Roles.EDIT_MASTER_DATA)
    @Transactional
    public Swap offerOpenShift(long openShiftId, Locale locale) {
        TradeShift shift = trades.openShift(openShiftId)
                .orElseThrow(() -> new NotFoundException(Text.of("swap.error.openShiftGone", String.valueOf(openShiftId))));
        if (!shift.start().isAfter(clock.instant())) {
            throw new ConflictException(Text.of("swap.error.started", shift.date()));
        }
        if (store.offeredOpenShift(openShiftId)) {
            throw new ConflictException(Text.of("swap.error.openShiftOffered", shift.date()));
        }
        long id;
        try {
            id = store.insert(SwapKind.OPEN_SHIFT, shift.rosterId(), null, null, user.name(), clock.instant(), shift,
                    openShiftId, null, null, null, shift.start());
        } catch (DuplicateKeyException e) {
            throw new ConflictException(Text.of("swap.error.openShiftOffered", shift.date()));
        }
        Swap s = store.find(id).orElseThrow();
        decisions.published(s, null, user.name(), false, null, false);
        return s;
    }

    // --- answering ---------------------------------------------------------------------------------------------

    /**
     * The addressee of a direct swap, or an eligible operator for a give-away or an open shift, takes it: checked
     * again, then approved and applied at once when the rules allow (see {@link SwapDecisions}), else it waits for a
     * manager. A trade whose shift changed meanwhile expires (409).
     */
    @PreAuthorize(Roles.SIGNED_IN)
    @Transactional(noRollbackFor = ConflictException.class)
    public Swap accept(long id, Locale locale) {
        Operator me = people.mine().orElseThrow(() -> new AccessDeniedException(Texts.render("swap.error.notOperator",
                locale)));
        Swap s = store.lock(id).orElseThrow(() -> new NotFoundException("Swap", id));
        if (s.kind() == SwapKind.SWAP && !me.getId().equals(s.addresseeOperatorId())) {
            throw new AccessDeniedException(Texts.render("swap.error.notAddressee", locale,
                    people.number(s.addresseeOperatorId())));
        }
        if (me.getId().equals(s.proposerOperatorId())) {
            throw new AccessDeniedException(Texts.render("swap.error.ownOffer", locale));
        }
        requireState(s, "accept", SwapStatus.PROPOSED);
        decisions.requireCurrent(s);
        TradeRules rules = people.rules(s, me);
        List<RuleViolation> violations = new ArrayList<>(timing(rules, s.giveShift(), locale));
        if (s.takeShift() != null) {
            violations.addAll(timing(rules, s.takeShift(), locale));
        }
        if (!violations.isEmpty()) {
            throw new RuleViolationsException(violations);
        }
        return decisions.accept(s, me, rules, locale);
    }

    /** The addressee of a direct swap says no. */
    @PreAuthorize(Roles.SIGNED_IN)
    @Transactional
    public Swap decline(long id, Locale locale) {
        Operator me = people.mine().orElseThrow(() -> new AccessDeniedException(Texts.render("swap.error.notOperator",
                locale)));
        Swap s = store.lock(id).orElseThrow(() -> new NotFoundException("Swap", id));
        if (s.kind() != SwapKind.SWAP || !me.getId().equals(s.addresseeOperatorId())) {
            throw new AccessDeniedException(Texts.render("swap.error.notAddressee", locale,
                    s.addresseeOperatorId() == null ? "—" : people.number(s.addresseeOperatorId())));
        }
        requireState(s, "decline", SwapStatus.PROPOSED);
        store.close(id, SwapStatus.DECLINED, user.name(), false, null, clock.instant());
        Swap after = store.find(id).orElseThrow();
        decisions.published(after, me.getId(), user.name(), false, null, false);
        return after;
    }

    /** The proposer (for an open shift: a planner, manager or admin) withdraws an active trade. */
    @PreAuthorize(Roles.SIGNED_IN)
    @Transactional
    public Swap cancel(long id, Locale locale) {
        Swap s = store.lock(id).orElseThrow(() -> new NotFoundException("Swap", id));
        Optional<Operator> me = people.mine();
        boolean mayCancel = s.kind() == SwapKind.OPEN_SHIFT ? user.has(Roles.ADMIN, Roles.PLANNER, Roles.MANAGER)
                : me.isPresent() && me.get().getId().equals(s.proposerOperatorId());
        if (!mayCancel) {
            throw new AccessDeniedException(Texts.render("swap.error.notProposer", locale));
        }
        requireState(s, "cancel", SwapStatus.PROPOSED, SwapStatus.ACCEPTED);
        store.close(id, SwapStatus.CANCELLED, user.name(), false, null, clock.instant());
        Swap after = store.find(id).orElseThrow();
        decisions.published(after, me.map(Operator::getId).orElse(null), user.name(), false, null, false);
        return after;
    }

    /** A manager approves an accepted trade: checked again and applied (422 when a rule breaks now). */
    @PreAuthorize(SwapPeople.DECIDE)
    @Transactional(noRollbackFor = ConflictException.class)
    public Swap approve(long id, Locale locale) {
        Swap s = store.lock(id).orElseThrow(() -> new NotFoundException("Swap", id));
        requireState(s, "approve", SwapStatus.ACCEPTED);
        decisions.requireCurrent(s);
        return decisions.approve(s, user.name(), locale);
    }

    /** A manager rejects a trade that is offered or accepted, with a reason. */
    @PreAuthorize(SwapPeople.DECIDE)
    @Transactional
    public Swap reject(long id, String reason, Locale locale) {
        if (reason == null || reason.isBlank()) {
            throw ValidationFailedException.of("reason", Text.of("swap.error.reasonMissing"));
        }
        if (reason.length() > 1000) {
            throw ValidationFailedException.of("reason", Text.of("swap.error.reasonTooLong", 1000));
        }
        Swap s = store.lock(id).orElseThrow(() -> new NotFoundException("Swap", id));
        requireState(s, "reject", SwapStatus.PROPOSED, SwapStatus.ACCEPTED);
        store.decide(id, SwapStatus.REJECTED, user.name(), false, reason.trim(), clock.instant());
        Swap after = store.find(id).orElseThrow();
        decisions.rejected(s, after, user.name());
        return after;
    }

    // --- reading -----------------------------------------------------------------------------------------------

    /** The caller's own trades and those addressed to or taken by them; planners, managers and admins: all. */
    @PreAuthorize(Roles.SIGNED_IN)
    @Transactional(readOnly = true)
    public List<Swap> list() {
        if (user.has(Roles.ADMIN, Roles.PLANNER, Roles.MANAGER)) {
            return store.all(LIST_LIMIT);
        }
        return people.mine().map(o -> store.involving(o.getId(), LIST_LIMIT)).orElse(List.of());
    }

    /** One trade, for those who may see it (403 for others). */
    @PreAuthorize(Roles.SIGNED_IN)
    @Transactional(readOnly = true)
    public Swap get(long id, Locale locale) {
        Swap s = store.find(id).orElseThrow(() -> new NotFoundException("Swap", id));
        if (!user.has(Roles.ADMIN, Roles.PLANNER, Roles.MANAGER)
                && people.mine().map(o -> !s.operatorIds().contains(o.getId())).orElse(true)) {
            throw new AccessDeniedException(Texts.render("swap.error.notYours", locale));
        }
        return s;
    }

    /** A trade's history, oldest first (for those who may see it). */
    @PreAuthorize(Roles.SIGNED_IN)
    @Transactional(readOnly = true)
    public List<Swap.Step> history(long id, Locale locale) {
        get(id, locale);
        return store.history(id);
    }

    /**
     * The give-aways and open shifts the signed-in operator may take now: not their own, within the team's trade rules
     * and breaking no rule of the roster for them. Empty for a user without an operator.
     */
    @PreAuthorize(Roles.SIGNED_IN)
    @Transactional(readOnly = true)
    public List<Swap> open(Locale locale) {
        Optional<Operator> mine = people.mine();
        if (mine.isEmpty()) {
            return List.of();
        }
        Operator me = mine.get();
        List<Swap> candidates = new ArrayList<>();
        for (Swap s : store.offered(clock.instant())) {
            if (!me.getId().equals(s.proposerOperatorId()) && decisions.current(s)
                    && trades.governs(s.rosterId(), me.getId(), s.giveDate())
                    && timing(people.rules(s, me), s.giveShift(), locale).isEmpty()) {
                candidates.add(s);
            }
        }
        // each roster's problem built once for all the offers
        List<ShiftTrades.Check> checks = trades.checkEach(candidates.stream()
                .map(s -> decisions.moves(s, me.getId())).toList(), locale);
        List<Swap> out = new ArrayList<>();
        for (int i = 0; i < candidates.size(); i++) {
            if (checks.get(i).ok()) {
                out.add(candidates.get(i));
            }
        }
        return out;
    }

    /** Accepted trades waiting for a manager, oldest first. */
    @PreAuthorize(SwapPeople.DECIDE)
    @Transactional(readOnly = true)
    public List<Swap> waiting() {
        return store.waiting();
    }

    /** What approving an accepted trade would do now: the rules, overtime and the service level (managers). */
    @PreAuthorize(SwapPeople.DECIDE)
    @Transactional(readOnly = true)
    public ShiftTrades.Check check(long id, Locale locale) {
        Swap s = store.find(id).orElseThrow(() -> new NotFoundException("Swap", id));
        if (s.takerOperatorId() == null && s.kind() == SwapKind.OPEN_SHIFT) {
            // nobody has taken it yet: nobody's rules to check
            return new ShiftTrades.Check(List.of(), 0, null, null);
        }
        if (s.takerOperatorId() == null && s.kind() == SwapKind.GIVEAWAY) {
            return trades.check(List.of(Move.givenUp(s.proposerOperatorId(), s.giveDate())), locale);
        }
        return trades.check(decisions.moves(s, s.takerOperatorId() != null ? s.takerOperatorId()
                : s.addresseeOperatorId()), locale);
    }

    /** The signed-in operator's published shifts from tomorrow for {@code days} days (what they may offer). */
    @PreAuthorize(Roles.SIGNED_IN)
    @Transactional(readOnly = true)
    public List<TradeShift> myShifts(int days) {
        Optional<Operator> me = people.mine();
        if (me.isEmpty()) {
            return List.of();
        }
        LocalDate today = LocalDate.now(clock.withZone(me.get().zone()));
        return trades.publishedShifts(me.get().getId(), today, today.plusDays(Math.max(1, Math.min(days, 120))))
                .stream().filter(s -> s.start().isAfter(clock.instant())).toList();
    }

    /** The signed-in operator's active colleagues of the same team (whom they may propose a swap to). */
    @PreAuthorize(Roles.SIGNED_IN)
    public List<Operator> colleagues() {
        return people.mine().map(people::colleagues).orElse(List.of());
    }

    /** Open shifts a planner may offer to pick up (still open, from today), by date and start. */
    @PreAuthorize(Roles.EDIT_MASTER_DATA)
    @Transactional(readOnly = true)
    public List<TradeShift> openShiftsToOffer() {
        // from yesterday in UTC (a site west of UTC is still on it); what has started is left out
        return trades.stillOpen(LocalDate.now(clock).minusDays(1)).stream()
                .filter(s -> s.start().isAfter(clock.instant())).toList();
    }

    /** The operator linked to the signed-in user, if any (the swap board shows the operator's parts to them). */
    @PreAuthorize(Roles.SIGNED_IN)
    public Optional<Operator> me() {
        return people.mine();
    }

    /** The teams, by name (whose trade rules the rules screen shows). */
    @PreAuthorize(Roles.READ_MASTER_DATA)
    public List<org.switchboard.operators.Team> teams() {
        return people.teams();
    }

    // --- team rules --------------------------------------------------------------------------------------------

    @PreAuthorize(Roles.SIGNED_IN)
    public TradeRules rules(long teamId) {
        people.requireTeam(teamId);
        return store.rules(teamId);
    }

    /**
     * Managers and admins change some of a team's trade rules: the change is applied to the rules as stored, under
     * their row lock, so two managers changing different settings at once keep both changes.
     */
    @PreAuthorize(SwapPeople.DECIDE)
    @Transactional
    public TradeRules changeRules(long teamId, java.util.function.UnaryOperator<TradeRules> change) {
        people.requireTeam(teamId);
        return saveRules(change.apply(store.lockRules(teamId)));
    }

    /** Managers and admins set a team's trade rules. */
    @PreAuthorize(SwapPeople.DECIDE)
    @Transactional
    public TradeRules saveRules(TradeRules rules) {
        people.requireTeam(rules.teamId());
        if (rules.minNoticeHours() < 0 || rules.minNoticeHours() > 720) {
            throw ValidationFailedException.of("minNoticeHours", Text.of("swap.error.notice", 720));
        }
        if (rules.openDaysAhead() < 1 || rules.openDaysAhead() > 366) {
            throw ValidationFailedException.of("openDaysAhead", Text.of("swap.error.ahead", 366));
        }
        if (!(rules.threshold() >= 0 && rules.threshold() <= 1)) {
            throw ValidationFailedException.of("threshold", Text.of("swap.error.threshold"));
        }
        store.saveRules(rules);
        return store.rules(rules.teamId());
    }

    // --- rules of the team -------------------------------------------------------------------------------------

    /** Minimum notice and how far ahead trades are open, for one shift. */
    private List<RuleViolation> timing(TradeRules rules, TradeShift shift, Locale locale) {
        Instant now = clock.instant();
        List<RuleViolation> out = new ArrayList<>();
        if (shift.start().isBefore(now.plus(Duration.ofHours(rules.minNoticeHours())))) {
            out.add(rule("swap.rule.notice", locale, rules.minNoticeHours(), shift.date(), shift.localStart().toString()));
        }
        LocalDate today = LocalDate.ofInstant(now, shift.zone());
        if (shift.date().isAfter(today.plusDays(rules.openDaysAhead()))) {
            out.add(rule("swap.rule.ahead", locale, rules.openDaysAhead(), shift.date()));
        }
        return out;
    }

    /** Equal paid time and the same queue, when the team asks for them. */
    private List<RuleViolation> likeForLike(TradeRules rules, TradeShift give, TradeShift take, Locale locale) {
        List<RuleViolation> out = new ArrayList<>();
        if (!rules.unequalPaidTime() && give.paidMinutes() != take.paidMinutes()) {
            out.add(rule("swap.rule.unequal", locale, hours(give.paidMinutes()), hours(take.paidMinutes())));
        }
        if (rules.sameQueueOnly() && !java.util.Objects.equals(give.queueId(), take.queueId())) {
            out.add(rule("swap.rule.sameQueue", locale, give.queueCode() == null ? "—" : give.queueCode(),
                    take.queueCode() == null ? "—" : take.queueCode()));
        }
        return out;
    }

    private static String hours(int minutes) {
        return minutes / 60 + ":" + String.format(Locale.ROOT, "%02d", minutes % 60);
    }

    private static RuleViolation rule(String key, Locale locale, Object... args) {
        return new RuleViolation(SwapPeople.TRADE_RULES, Text.of(key, args).render(locale));
    }

    private static RuleViolationsException refused(String rule, String key, Locale locale, Object... args) {
        return new RuleViolationsException(List.of(new RuleViolation(rule, Text.of(key, args).render(locale))));
    }

    private static void requireState(Swap s, String action, SwapStatus... allowed) {
        for (SwapStatus a : allowed) {
            if (s.status() == a) {
                return;
            }
        }
        throw new ConflictException(Text.of("swap.error.state", String.valueOf(s.id()),
                Text.of("swap.status." + s.status().name()), Text.of("swap.action." + action)));
    }
}
