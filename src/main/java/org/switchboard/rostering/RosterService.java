package org.switchboard.rostering;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.optaplanner.core.api.score.ScoreExplanation;
import org.optaplanner.core.api.score.buildin.hardmediumsoft.HardMediumSoftScore;
import org.optaplanner.core.api.solver.SolutionManager;
import org.optaplanner.core.api.solver.SolverManager;
import org.optaplanner.core.api.solver.SolverStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.switchboard.demand.Queue;
import org.switchboard.demand.QueueService;
import org.switchboard.operators.Operator;
import org.switchboard.operators.OperatorService;
import org.switchboard.operators.TeamService;
import org.switchboard.rostering.solver.BreakPlanner;
import org.switchboard.rostering.solver.OperatorDay;
import org.switchboard.rostering.solver.RosterSolution;
import org.switchboard.rostering.solver.RosterWeights;
import org.switchboard.rostering.solver.SolverOperator;
import org.switchboard.shared.ConflictException;
import org.switchboard.shared.CurrentUser;
import org.switchboard.shared.NotFoundException;
import org.switchboard.shared.Roles;
import org.switchboard.shared.ValidationFailedException;
import org.switchboard.shared.Violations;

/**
 * Rosters: create a planning period, solve it in the background (OptaPlanner {@link SolverManager}), follow the live
 * score, stop, publish, read the assignments and the explanation of the score.
 *
 * <p>How solving works: the problem is built in the caller's thread from today's master data, the roster's draft
 * (starting values) and the published schedule (pinned days, and the week before the period for rules across its
 * start; see {@link RosterStart}). The solver runs until the requested seconds are over (a timer calls
 * {@code terminateEarly}), the configured maximum, or a stop. The best solution so far is kept in memory for the
 * status and saved as the draft every {@code switchboard.solver.save-every-seconds}; the final one is saved with its
 * breaks placed ({@link #placeBreaks}) and its explanation. A restart loses at most the improvements since the
 * last save; published rosters are never touched by solving.
 */
@Service
public class RosterService implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(RosterService.class);

    private final RosterStore store;
    private final RosterProblemBuilder builder;
    private final SolverManager<RosterSolution, Long> solverManager;
    private final SolutionManager<RosterSolution, HardMediumSoftScore> solutionManager;
    private final OperatorService operators;
    private final TeamService teams;
    private final QueueService queues;
    private final CurrentUser user;
    private final Clock clock;
    private final int defaultSeconds;
    private final int maxSeconds;
    private final long saveEveryMillis;
    private final Map<Long, Live> live = new ConcurrentHashMap<>();
    private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "roster-solve-timer");
        t.setDaemon(true);
        return t;
    });

    RosterService(RosterStore store, RosterProblemBuilder builder, SolverManager<RosterSolution, Long> solverManager,
            SolutionManager<RosterSolution, HardMediumSoftScore> solutionManager, OperatorService operators,
            TeamService teams, QueueService queues, CurrentUser user, Optional<Clock> clock,
            @Value("${switchboard.solver.default-seconds:60}") int defaultSeconds,
            @Value("${switchboard.solver.max-seconds:3600}") int maxSeconds,
            @Value("${switchboard.solver.save-every-seconds:10}") int saveEverySeconds) {
        this.store = store;
        this.builder = builder;
        this.solverManager = solverManager;
        this.solutionManager = solutionManager;
        this.operators = operators;
        this.teams = teams;
        this.queues = queues;
        this.user = user;
        this.clock = clock.orElse(Clock.systemUTC());
        this.defaultSeconds = defaultSeconds;
        this.maxSeconds = maxSeconds;
        this.saveEveryMillis = saveEverySeconds * 1000L;
    }

    /**
     * Creates a draft roster and stores its starting state (published and past days as they are, the rest off)
     * with its score, so the status has numbers before the first solve.
     */
    @PreAuthorize(Roles.EDIT_MASTER_DATA)
    public Roster create(NewRoster request) {
        Violations v = Violations.none()
                .check(request == null || request.startDate() == null, "startDate",
                        "Enter the first day of the period as \"startDate\": \"2026-12-07\"");
        v.throwIfAny();
        int days = request.days() == null ? 28 : request.days();
        v.check(days < 1 || days > 42, "days", "Plan 1 to 42 days");
        List<Long> teamIds = request.teamIds() == null ? List.of() : List.copyOf(new LinkedHashSet<>(request.teamIds()));
        List<Long> queueIds = request.queueIds() == null ? List.of() : List.copyOf(new LinkedHashSet<>(request.queueIds()));
        Set<Long> knownTeams = new java.util.HashSet<>();
        teams.list().forEach(t -> knownTeams.add(t.getId()));
        teamIds.stream().filter(t -> !knownTeams.contains(t)).findFirst()
                .ifPresent(t -> v.check(true, "teams", "There is no team " + t));
        v.check(!queueIds.isEmpty() && !queues.allExist(Set.copyOf(queueIds)), "queues",
                "Unknown queue among " + queueIds);
        v.throwIfAny();
        RosterWeights weights = RosterWeightsMap.from(request.weights());
        ZoneId zone = zone(request.zone(), teamIds);
        boolean keep = request.keepPublished() == null || request.keepPublished();
        RosterSolution problem = builder.build(request.startDate(), days, zone, weights, teamIds, queueIds,
                start(request.startDate(), days, zone, keep, Map.of()));
        if (problem.getOperators().isEmpty()) {
            throw ValidationFailedException.of("teams", "No active operator with a contract in "
                    + (teamIds.isEmpty() ? "any team" : "the chosen teams") + ": nobody to plan");
        }
        long id = store.insert(request.startDate(), days, zone, teamIds, queueIds, keep, RosterWeightsMap.of(weights),
                user.name(), clock.instant());
        Roster roster = store.find(id).orElseThrow();
        save(roster, problem, null, true);
        return store.find(id).orElseThrow();
    }

    @PreAuthorize(Roles.READ_MASTER_DATA)
    public List<Roster> list() {
        return store.list();
    }

    @PreAuthorize(Roles.READ_MASTER_DATA)
    public Roster get(long id) {
        return store.find(id).orElseThrow(() -> new NotFoundException("Roster", id));
    }

    /**
     * Starts solving a draft in the background for {@code seconds} (null = the configured default).
     *
     * @throws ConflictException when it is already being solved or is not a draft
     */
    @PreAuthorize(Roles.EDIT_MASTER_DATA)
    public RosterStatus solve(long id, Integer seconds) {
        int limit = seconds == null ? defaultSeconds : seconds;
        if (limit < 1 || limit > maxSeconds) {
            throw ValidationFailedException.of("seconds", "Solve for 1 to " + maxSeconds + " seconds");
        }
        Roster roster = get(id);
        if (roster.state() != RosterState.DRAFT) {
            throw new ConflictException("Roster " + id + " is " + roster.state().name().toLowerCase()
                    + " and is not changed any more: create a new roster for the period to replan it");
        }
        if (live.containsKey(id)) {
            throw new ConflictException("Roster " + id + " is already being solved: stop it first or wait until it ends");
        }
        RosterSolution problem = problem(roster);
        // the solver is configured for the maximum and stopped after the seconds asked; its custom phases plan by these
        problem.setTimeLimitMillis(limit * 1000L);
        Live job = new Live(roster, names(), queueCodes());
        if (live.putIfAbsent(id, job) != null) {
            throw new ConflictException("Roster " + id + " is already being solved: stop it first or wait until it ends");
        }
        try {
            // under the row lock: a publish that got in first makes this 0 rows (and a later publish sees the job)
            if (!store.solveStarted(id, limit, clock.instant())) {
                throw new ConflictException("Roster " + id + " was published meanwhile and is not changed any more");
            }
            solverManager.solveAndListen(id, pid -> {
                job.timer = timers.schedule(() -> solverManager.terminateEarly(pid), limit, TimeUnit.SECONDS);
                return problem;
            }, best -> onBest(job, best), best -> onFinal(job, best), (pid, e) -> onError(job, e));
        } catch (RuntimeException e) {
            live.remove(id, job);
            throw e;
        }
        return status(id);
    }

    /** Asks the solver to stop; the best roster so far is saved as the draft. */
    @PreAuthorize(Roles.EDIT_MASTER_DATA)
    public RosterStatus stop(long id) {
        get(id);
        if (!live.containsKey(id)) {
            throw new ConflictException("Roster " + id + " is not being solved");
        }
        Live job = live.get(id);
        boolean queued = solverManager.getSolverStatus(id) == SolverStatus.SOLVING_SCHEDULED;
        solverManager.terminateEarly(id);
        if (queued && job != null) {
            // a job stopped before it started is cancelled without calling back: end it here
            store.solveEnded(id, clock.instant());
            finish(job);
        }
        return status(id);
    }

    @PreAuthorize(Roles.READ_MASTER_DATA)
    public RosterStatus status(long id) {
        // the job first: a solve saves its result before it leaves the map, so the row read next is at least as new
        Live job = live.get(id);
        Roster r = get(id);
        if (job != null && job.score != null) {
            HardMediumSoftScore s = job.score;
            return new RosterStatus(id, r.state(), true, solverManager.getSolverStatus(id).name(), s.toString(),
                    s.hardScore(), (long) s.mediumScore(), (long) s.softScore(), job.totals, job.coveredShare,
                    r.startDate(), r.days(), r.zone().getId(), r.solveStartedAt(), null, r.solveSeconds(), r.publishedAt());
        }
        SolverStatus solverStatus = job == null ? SolverStatus.NOT_SOLVING : solverManager.getSolverStatus(id);
        return new RosterStatus(id, r.state(), job != null, solverStatus.name(), r.score(), r.hard(), r.medium(),
                r.soft(), r.constraints(), r.coveredShare(), r.startDate(), r.days(), r.zone().getId(),
                r.solveStartedAt(), r.solveEndedAt(), r.solveSeconds(), r.publishedAt());
    }

    /**
     * Publishes a solved draft (or a superseded roster again): it becomes the operators' schedule for its operators
     * and dates, and every published roster it overlaps becomes superseded (kept).
     *
     * @param force publish although hard rules are broken
     */
    @PreAuthorize(Roles.EDIT_MASTER_DATA)
    @Transactional
    public Roster publish(long id, boolean force) {
        Roster r = store.lock(id).orElseThrow(() -> new NotFoundException("Roster", id));
        if (live.containsKey(id)) {
            throw new ConflictException("Roster " + id + " is being solved: stop it or wait until it ends, then publish");
        }
        if (r.state() == RosterState.PUBLISHED) {
            throw new ConflictException("Roster " + id + " is already published");
        }
        if (r.solveEndedAt() == null) {
            throw new ConflictException("Roster " + id + " has not been solved yet: solve it, then publish");
        }
        if (r.hard() != null && r.hard() < 0 && !force) {
            throw new ConflictException("Roster " + id + " breaks hard rules (" + r.score() + "): see its explanation, "
                    + "solve longer or adjust it; to publish it anyway, publish with force=true");
        }
        int superseded = store.publish(r, user.name(), clock.instant());
        log.info("Roster {} published by {} ({} earlier roster(s) superseded)", id, user.name(), superseded);
        return store.find(id).orElseThrow();
    }

    /** The roster's worked days, by employee number and date. */
    @PreAuthorize(Roles.READ_MASTER_DATA)
    public List<AssignmentRow> assignments(long id) {
        Roster r = get(id);
        Map<Long, Operator> byId = new HashMap<>();
        operators.list().forEach(o -> byId.put(o.getId(), o));
        Map<Long, String> codes = queueCodes();
        List<AssignmentRow> rows = new ArrayList<>();
        for (StoredShift s : store.assignments(id)) {
            Operator o = byId.get(s.operatorId());
            StoredShift.Span b = s.mainBreak();
            rows.add(new AssignmentRow(s.operatorId(), o == null ? String.valueOf(s.operatorId()) : o.getEmployeeNumber(),
                    o == null ? "" : o.fullName(), s.date(), s.templateCode(), offset(s.start(), r.zone()),
                    offset(s.end(), r.zone()), s.queueId() == null ? "" : codes.getOrDefault(s.queueId(), ""),
                    b == null ? null : offset(b.start(), r.zone()), b == null ? null : offset(b.end(), r.zone()),
                    s.paidMinutes()));
        }
        rows.sort(Comparator.comparing(AssignmentRow::employeeNumber).thenComparing(AssignmentRow::date));
        return rows;
    }

    /** The broken rules of the stored assignments in words, per operator and day (coverage per queue and day). */
    @PreAuthorize(Roles.READ_MASTER_DATA)
    public List<RuleBreach> explanation(long id) {
        get(id);
        return store.explanation(id);
    }

    /**
     * The published schedule of some operators over [from, to): per operator and date the shift of the most recently
     * published roster that plans that day, or empty for a day off there; absent days are not planned by any
     * published roster.
     */
    @PreAuthorize(Roles.READ_MASTER_DATA)
    public Map<Long, Map<LocalDate, Optional<StoredShift>>> published(List<Long> operatorIds, LocalDate from, LocalDate to) {
        return store.published(operatorIds, from, to);
    }

    /** Whether a solve of this roster is running or waiting. */
    public boolean isSolving(long id) {
        return live.containsKey(id);
    }

    // --- solving ---------------------------------------------------------------------------------------------------

    private RosterSolution problem(Roster r) {
        Map<Long, Map<LocalDate, StoredShift>> draft = new HashMap<>();
        for (StoredShift s : store.assignments(r.id())) {
            draft.computeIfAbsent(s.operatorId(), k -> new HashMap<>()).put(s.date(), s);
        }
        return builder.build(r.startDate(), r.days(), r.zone(), RosterWeightsMap.from(r.weights()), r.teamIds(),
                r.queueIds(), start(r.startDate(), r.days(), r.zone(), r.keepPublished(), draft));
    }

    private RosterStart start(LocalDate startDate, int days, ZoneId zone, boolean keep,
            Map<Long, Map<LocalDate, StoredShift>> draft) {
        var published = store.published(null, startDate.minusDays(RosterProblemBuilder.PREVIOUS_DAYS),
                startDate.plusDays(days));
        // a day that has begun is not changed any more
        LocalDate firstOpen = LocalDate.now(clock.withZone(zone)).plusDays(1);
        return new RosterStart(draft, published, firstOpen, keep);
    }

    private void onBest(Live job, RosterSolution best) {
        try {
            bestSoFar(job, best);
        } catch (RuntimeException e) {
            // OptaPlanner would treat this as a failed solve while the solver goes on: log and keep solving
            log.warn("Roster {}: keeping the best roster so far failed, solving goes on", job.roster.id(), e);
        }
    }

    private void bestSoFar(Live job, RosterSolution best) {
        if (!best.getScore().isSolutionInitialized()) {
            return;
        }
        job.score = best.getScore();
        job.coveredShare = best.coveredShare();
        long now = System.currentTimeMillis();
        if (now - job.lastSummary >= 5000 || job.totals == null) {
            job.totals = RosterExplainer.totals(solutionManager.explain(best));
            job.lastSummary = now;
        }
        if (now - job.lastSaved >= saveEveryMillis) {
            save(job.roster, best, job, false);
            job.lastSaved = now;
        }
    }

    private void onFinal(Live job, RosterSolution best) {
        try {
            if (best.getScore() == null || best.getScore().isSolutionInitialized()) {
                save(job.roster, best, job, true);
            } else {
                store.solveEnded(job.roster.id(), clock.instant());
            }
            log.info("Roster {} solved: {}", job.roster.id(), best.getScore());
        } catch (RuntimeException e) {
            log.error("Saving roster {} failed", job.roster.id(), e);
            store.solveEnded(job.roster.id(), clock.instant());
        } finally {
            finish(job);
        }
    }

    private void onError(Live job, Throwable e) {
        log.error("Solving roster {} failed", job.roster.id(), e);
        try {
            store.solveEnded(job.roster.id(), clock.instant());
        } finally {
            finish(job);
        }
    }

    private void finish(Live job) {
        if (job.timer != null) {
            job.timer.cancel(false);
        }
        live.remove(job.roster.id(), job);
    }

    /**
     * Stores a solution as the roster's assignments with its score; {@code last} also places the breaks and stores
     * the explanation and the end of solving.
     *
     * @param job null outside a solve (a new roster's starting state)
     */
    private void save(Roster roster, RosterSolution solution, Live job, boolean last) {
        if (last) {
            placeBreaks(solution);
        }
        ScoreExplanation<RosterSolution, HardMediumSoftScore> explanation = solutionManager.explain(solution);
        HardMediumSoftScore score = explanation.getScore();
        List<RuleBreach> breaches = last ? new RosterExplainer(solution, roster.zone(), roster.startDate(),
                job == null ? names() : job.names, job == null ? queueCodes() : job.queueCodes).breaches(explanation) : null;
        List<StoredShift> shifts = new ArrayList<>();
        for (OperatorDay d : solution.getDays()) {
            if (d.isInPeriod() && d.isWorking()) {
                shifts.add(new StoredShift(d.operatorId(), d.getDate(), d.getShift().templateCode(), d.getShift().start(),
                        d.getShift().end(), d.getShift().paidMinutes(), d.getQueue(), breaksOf(d)));
            }
        }
        List<Long> operatorIds = solution.getOperators().stream().map(SolverOperator::id).toList();
        store.saveResult(roster.id(), operatorIds, shifts, score.toString(), score.hardScore(), score.mediumScore(),
                score.softScore(), solution.coveredShare(), RosterExplainer.totals(explanation), breaches,
                last && job != null ? clock.instant() : null);
    }

    /** Places the unpaid breaks of the worked days where coverage dips least (after solving; see {@link BreakPlanner}). */
    private void placeBreaks(RosterSolution solution) {
        BreakPlanner.Summary placed = new BreakPlanner().place(solution);
        log.debug("Breaks placed: {}", placed);
    }

    /** The unpaid breaks as taken: placed, kept from before, or at the template's nominal position. */
    private static List<StoredShift.Span> breaksOf(OperatorDay d) {
        return d.getBreaks().stream().map(b -> new StoredShift.Span(b.start(), b.end())).toList();
    }

    private ZoneId zone(String requested, List<Long> teamIds) {
        if (requested != null && !requested.isBlank()) {
            try {
                return ZoneId.of(requested.trim());
            } catch (DateTimeException e) {
                throw ValidationFailedException.of("zone", "Unknown time zone '" + requested + "' (use a name such as Europe/Moscow)");
            }
        }
        java.util.TreeSet<String> zones = new java.util.TreeSet<>();
        for (Operator o : operators.list()) {
            if (o.isActive() && (teamIds.isEmpty() || teamIds.contains(o.getTeamId()))) {
                zones.add(o.getTimeZone());
            }
        }
        if (zones.size() > 1) {
            throw ValidationFailedException.of("zone", "The operators planned work in several time zones " + zones
                    + ": plan one site at a time (choose its teams) or give the site's \"zone\"");
        }
        return zones.isEmpty() ? ZoneId.of("UTC") : ZoneId.of(zones.first());
    }

    private Map<Long, String> names() {
        Map<Long, String> out = new HashMap<>();
        operators.list().forEach(o -> out.put(o.getId(), o.fullName()));
        return out;
    }

    private Map<Long, String> queueCodes() {
        Map<Long, String> out = new HashMap<>();
        for (Queue q : queues.list()) {
            out.put(q.getId(), q.getCode());
        }
        return out;
    }

    private static java.time.OffsetDateTime offset(Instant t, ZoneId zone) {
        return t.atZone(zone).toOffsetDateTime();
    }

    @Override
    public void destroy() {
        timers.shutdownNow();
    }

    /** A running solve: what the status shows and what saving needs (read in the solver's threads). */
    private static final class Live {
        final Roster roster;
        final Map<Long, String> names;
        final Map<Long, String> queueCodes;
        volatile ScheduledFuture<?> timer;
        volatile HardMediumSoftScore score;
        volatile double coveredShare;
        volatile List<Roster.ConstraintTotal> totals;
        volatile long lastSummary;
        volatile long lastSaved = System.currentTimeMillis();

        Live(Roster roster, Map<Long, String> names, Map<Long, String> queueCodes) {
            this.roster = roster;
            this.names = names;
            this.queueCodes = queueCodes;
        }
    }
}
