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
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.optaplanner.core.api.score.buildin.hardmediumsoft.HardMediumSoftScore;
import org.optaplanner.core.api.solver.SolverStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.switchboard.audit.AuditKind;
import org.switchboard.audit.AuditTrail;
import org.switchboard.demand.Queue;
import org.switchboard.demand.QueueService;
import org.switchboard.operators.Operator;
import org.switchboard.operators.OperatorService;
import org.switchboard.operators.TeamService;
import org.switchboard.rostering.solver.RosterSolution;
import org.switchboard.rostering.solver.RosterWeights;
import org.switchboard.shared.ConflictException;
import org.switchboard.shared.CurrentUser;
import org.switchboard.shared.NotFoundException;
import org.switchboard.shared.Roles;
import org.switchboard.shared.Text;
import org.switchboard.shared.ValidationFailedException;
import org.switchboard.shared.Violations;

/**
 * Rosters: create a planning period, solve it in the background (OptaPlanner, see {@link RosterSolveJobs}), follow the live
 * score, stop, publish, read the assignments and the explanation of the score.
 *
 * <p>How solving works: the problem is built in the caller's thread from today's master data, the roster's draft
 * (starting values) and the published schedule (pinned days, and the week before the period for rules across its
 * start; see {@link RosterStart}), and handed to {@link RosterSolveJobs}, which runs it until the requested seconds
 * are over, the configured maximum, or a stop, and saves the best roster so far as the draft every
 * {@code switchboard.solver.save-every-seconds} and at the end. A restart loses at most the improvements since the
 * last save; published rosters are never touched by solving. Rosters larger than
 * {@code switchboard.solver.max-operator-days} (operators × days) are refused: one solve would not get through them
 * within its time and memory.
 */
@Service
public class RosterService {

    private static final Logger log = LoggerFactory.getLogger(RosterService.class);

    /** The first and last year a roster may start in (a typo such as 0000 or +999999999 is refused, not stored). */
    static final int MIN_YEAR = 2000;
    static final int MAX_YEAR = 2100;

    private final RosterStore store;
    private final RosterProblemBuilder builder;
    private final RosterSolveJobs jobs;
    private final SolveQueue queue;
    private final OperatorService operators;
    private final TeamService teams;
    private final QueueService queues;
    private final CurrentUser user;
    private final Clock clock;
    private final RuleTexts texts;
    private final RosterPublishing publishing;
    private final ApplicationEventPublisher events;
    private final AuditTrail audit;
    private final int defaultSeconds;
    private final int maxSeconds;
    private final int maxOperatorDays;

    RosterService(RosterStore store, RosterProblemBuilder builder, RosterSolveJobs jobs, SolveQueue queue,
            OperatorService operators,
            TeamService teams, QueueService queues, CurrentUser user, Optional<Clock> clock, RuleTexts texts,
            RosterPublishing publishing, ApplicationEventPublisher events, AuditTrail audit,
            @Value("${switchboard.solver.default-seconds:60}") int defaultSeconds,
            @Value("${switchboard.solver.max-seconds:3600}") int maxSeconds,
            @Value("${switchboard.solver.max-operator-days:" + DEFAULT_MAX_OPERATOR_DAYS + "}") int maxOperatorDays) {
        this.store = store;
        this.builder = builder;
        this.jobs = jobs;
        this.queue = queue;
        this.operators = operators;
        this.teams = teams;
        this.queues = queues;
        this.user = user;
        this.clock = clock.orElse(Clock.systemUTC());
        this.texts = texts;
        this.publishing = publishing;
        this.events = events;
        this.audit = audit;
        this.defaultSeconds = defaultSeconds;
        this.maxSeconds = maxSeconds;
        this.maxOperatorDays = maxOperatorDays;
    }

    /** The largest roster (operators × days) solved by default; see docs/rostering.md, "Limits". */
    static final int DEFAULT_MAX_OPERATOR_DAYS = 30_000;

    /**
     * Creates a draft roster and stores its starting state (published and past days as they are, the rest off)
     * with its score, so the status has numbers before the first solve.
     */
    @PreAuthorize(Roles.EDIT_MASTER_DATA)
    public Roster create(NewRoster request) {
        Violations v = Violations.none()
                .check(request == null || request.startDate() == null, "startDate",
                        Text.of("error.roster.startDate.required"));
        v.throwIfAny();
        int year = request.startDate().getYear();
        v.check(year < MIN_YEAR || year > MAX_YEAR, "startDate",
                Text.of("error.roster.startDate.years", String.valueOf(MIN_YEAR), String.valueOf(MAX_YEAR),
                        String.valueOf(year)));
        int days = request.days() == null ? 28 : request.days();
        v.check(days < 1 || days > 42, "days", Text.of("error.roster.days"));
        v.throwIfAny();
        List<Long> teamIds = request.teamIds() == null ? List.of() : List.copyOf(new LinkedHashSet<>(request.teamIds()));
        List<Long> queueIds = request.queueIds() == null ? List.of() : List.copyOf(new LinkedHashSet<>(request.queueIds()));
        Set<Long> knownTeams = new java.util.HashSet<>();
        teams.list().forEach(t -> knownTeams.add(t.getId()));
        teamIds.stream().filter(t -> !knownTeams.contains(t)).findFirst()
                .ifPresent(t -> v.check(true, "teams", Text.of("error.roster.team.unknown", String.valueOf(t))));
        v.check(!queueIds.isEmpty() && !queues.allExist(Set.copyOf(queueIds)), "queues",
                Text.of("error.roster.queue.unknown", String.valueOf(queueIds)));
        v.throwIfAny();
        CoverageAim aim = request.coverageAim() == null ? CoverageAim.SERVICE_LEVEL : request.coverageAim();
        RosterWeights weights = RosterWeightsMap.from(request.weights()).withCoverageAim(aim);
        // read once: every read of the operators costs a query per operator
        List<Operator> all = operators.list();
        ZoneId zone = zone(request.zone(), teamIds, all);
        Text tooLarge = tooLarge(builder.operatorCount(teamIds, all), days);
        if (tooLarge != null) {
            throw ValidationFailedException.of(ValidationFailedException.GLOBAL, tooLarge);
        }
        boolean keep = request.keepPublished() == null || request.keepPublished();
        RosterSolution problem = builder.build(request.startDate(), days, zone, weights, teamIds, queueIds,
                start(request.startDate(), days, zone, keep, Map.of()), all);
        if (problem.getOperators().isEmpty()) {
            throw ValidationFailedException.of("teams", Text.of("error.roster.nobody",
                    Text.of(teamIds.isEmpty() ? "error.roster.nobody.anyTeam" : "error.roster.nobody.chosenTeams")));
        }
        long id = store.insert(request.startDate(), days, zone, teamIds, queueIds, keep, RosterWeightsMap.of(weights), aim,
                user.name(), clock.instant());
        Roster roster = store.find(id).orElseThrow();
        jobs.saveUnsolved(roster, problem, names(all), queueCodes());
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
        long askedAt = System.nanoTime();
        int limit = seconds == null ? defaultSeconds : seconds;
        if (limit < 1 || limit > maxSeconds) {
            throw ValidationFailedException.of("seconds", Text.of("error.roster.seconds", String.valueOf(maxSeconds)));
        }
        Roster roster = get(id);
        if (roster.state() != RosterState.DRAFT) {
            throw new ConflictException(Text.of("error.roster.notDraft", String.valueOf(id),
                    Text.of("error.roster.state." + roster.state().name().toLowerCase(java.util.Locale.ROOT))));
        }
        if (jobs.isSolving(id)) {
            throw new ConflictException(Text.of("error.roster.solving", String.valueOf(id)));
        }
        // operators may have joined the roster's teams since it was created
        List<Operator> all = operators.list();
        Text tooLarge = tooLarge(builder.operatorCount(roster.teamIds(), all), roster.days());
        if (tooLarge != null) {
            throw new ConflictException(Text.of("error.roster.tooLargeToSolve", String.valueOf(id), tooLarge));
        }
        // queued as a job; whichever instance has a free solver builds the problem and solves it (SolveRunner)
        queue.request(id, limit);
        return status(id);
    }

    /**
     * Why a roster of {@code operators} × {@code days} is refused (null: it is not): more operator-days than one solve
     * handles within its time and memory.
     */
    private Text tooLarge(int operators, int days) {
        long size = (long) operators * days;
        if (size <= maxOperatorDays) {
            return null;
        }
        return Text.of("error.roster.tooLarge", operators, days, size, maxOperatorDays);
    }

    /** Asks the solver to stop (within seconds, without waiting for it); the best roster so far is saved as the draft. */
    @PreAuthorize(Roles.EDIT_MASTER_DATA)
    public RosterStatus stop(long id) {
        get(id);
        if (!queue.stop(id)) {
            throw new ConflictException(Text.of("error.roster.notSolving", String.valueOf(id)));
        }
        jobs.stopHere(id); // at once when it runs here; elsewhere its instance reads the stop within a second
        return status(id);
    }

    @PreAuthorize(Roles.READ_MASTER_DATA)
    public RosterStatus status(long id) {
        // the job first: a solve saves its result before it leaves the map, so the row read next is at least as new
        Optional<RosterSolveJobs.LiveStatus> job = jobs.status(id);
        Roster r = get(id);
        RosterStore.SolveState solve = store.solveState(id).orElseThrow(() -> new NotFoundException("Roster", id));
        long required = store.requiredOperatorIntervals(id);
        if (job.isPresent() && job.get().score() != null) {
            RosterSolveJobs.LiveStatus l = job.get();
            HardMediumSoftScore s = l.score();
            return new RosterStatus(id, r.state(), true, l.solverStatus().name(), s.toString(),
                    s.hardScore(), (long) s.mediumScore(), (long) s.softScore(), l.totals(),
                    required == 0 ? null : l.coveredShare(), r.startDate(), r.days(), r.zone().getId(),
                    r.solveStartedAt(), null, r.solveSeconds(), r.publishedAt(), r.stale(), required,
                    solve.node(), solve.attempts(), null, l.serviceLevel(), r.coverageAim());
        }
        // not solving here: the database tells whether it waits or runs on another instance (its best saved last)
        boolean solving = job.isPresent() || solve.solving();
        String solverStatus = job.map(l -> l.solverStatus().name()).orElse(!solve.solving()
                ? SolverStatus.NOT_SOLVING.name()
                : solve.beganAt() == null ? SolverStatus.SOLVING_SCHEDULED.name() : SolverStatus.SOLVING_ACTIVE.name());
        return new RosterStatus(id, r.state(), solving, solverStatus, r.score(), r.hard(), r.medium(),
                r.soft(), r.constraints(), r.coveredShare(), r.startDate(), r.days(), r.zone().getId(),
                r.solveStartedAt(), solving ? null : r.solveEndedAt(), r.solveSeconds(), r.publishedAt(), r.stale(),
                required, solve.node(), solve.attempts(), solving ? null : solve.outcome(), r.serviceLevel(),
                r.coverageAim());
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
        return publish(id, force, null);
    }

    /**
     * Publishes as {@link #publish(long, boolean)}, but only the roster as a {@link PublishPreview} showed it.
     *
     * @param expectedVersion {@link PublishPreview#version()}; null = whatever the roster is now
     * @throws ConflictException when the roster changed since that preview
     */
    @PreAuthorize(Roles.EDIT_MASTER_DATA)
    @Transactional
    public Roster publish(long id, boolean force, Integer expectedVersion) {
        Roster r = store.lock(id).orElseThrow(() -> new NotFoundException("Roster", id));
        if (expectedVersion != null && store.version(id) != expectedVersion) {
            throw new ConflictException(Text.of("error.roster.publish.changedSincePreview", String.valueOf(id)));
        }
        if (jobs.isSolving(id)) {
            throw new ConflictException(Text.of("error.roster.publish.solving", String.valueOf(id)));
        }
        if (r.state() == RosterState.PUBLISHED) {
            throw new ConflictException(Text.of("error.roster.publish.published", String.valueOf(id)));
        }
        if (r.solveEndedAt() == null) {
            throw new ConflictException(Text.of("error.roster.publish.unsolved", String.valueOf(id)));
        }
        if (r.hard() != null && r.hard() < 0 && !force) {
            throw new ConflictException(Text.of("error.roster.publish.hard", String.valueOf(id), String.valueOf(r.score())));
        }
        int superseded = store.publish(r, user.name(), clock.instant());
        List<Long> operatorIds = store.operatorIds(id);
        // recorded in the event publication registry with this transaction: listeners learn of it once it is committed
        events.publishEvent(new RosterPublished(id, r.startDate(), r.days(), operatorIds));
        audit.record(AuditKind.ROSTER_PUBLISHED, "roster", id, Map.of("state", r.state().name()),
                Map.of("state", RosterState.PUBLISHED.name()), AuditTrail.facts("from", r.startDate(), "to",
                        r.endDate(), "operators", operatorIds.size(), "superseded", superseded, "score", r.score(),
                        "forced", r.hard() != null && r.hard() < 0));
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

    /** The broken rules of the stored assignments in English (see {@link #explanation(long, Locale)}). */
    @PreAuthorize(Roles.READ_MASTER_DATA)
    public List<RuleBreach> explanation(long id) {
        return explanation(id, Locale.ENGLISH);
    }

    /**
     * The broken rules of the stored assignments, per operator and day (coverage per queue and day), with their
     * sentences in {@code locale} (Russian for any Russian locale, else English); rows stored before the facts were
     * kept show their stored English text.
     */
    @PreAuthorize(Roles.READ_MASTER_DATA)
    public List<RuleBreach> explanation(long id, Locale locale) {
        get(id);
        return texts.render(store.explanation(id), locale);
    }

    /** What publishing the roster would change against the published schedule (see {@link RosterPublishing}). */
    @PreAuthorize(Roles.READ_MASTER_DATA)
    public PublishPreview publishPreview(long id) {
        return publishing.publishPreview(id);
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
        return jobs.isSolving(id);
    }

    // --- solving ---------------------------------------------------------------------------------------------------

    /** The roster's problem from its draft, its pinned days and the published schedule (also for edits). */
    RosterSolution problem(Roster r, List<Operator> all) {
        Map<Long, Map<LocalDate, StoredShift>> draft = new HashMap<>();
        for (StoredShift s : store.assignments(r.id())) {
            draft.computeIfAbsent(s.operatorId(), k -> new HashMap<>()).put(s.date(), s);
        }
        return builder.build(r.startDate(), r.days(), r.zone(),
                RosterWeightsMap.from(r.weights()).withCoverageAim(r.coverageAim()), r.teamIds(),
                r.queueIds(), start(r.startDate(), r.days(), r.zone(), r.keepPublished(), draft, store.pins(r.id()),
                        store.replanDates(r.id())), all);
    }

    private RosterStart start(LocalDate startDate, int days, ZoneId zone, boolean keep,
            Map<Long, Map<LocalDate, StoredShift>> draft) {
        return start(startDate, days, zone, keep, draft, Map.of());
    }

    private RosterStart start(LocalDate startDate, int days, ZoneId zone, boolean keep,
            Map<Long, Map<LocalDate, StoredShift>> draft, Map<Long, Set<LocalDate>> pins) {
        return start(startDate, days, zone, keep, draft, pins, Set.of());
    }

    private RosterStart start(LocalDate startDate, int days, ZoneId zone, boolean keep,
            Map<Long, Map<LocalDate, StoredShift>> draft, Map<Long, Set<LocalDate>> pins, Set<LocalDate> replanDates) {
        var published = store.published(null, startDate.minusDays(RosterProblemBuilder.PREVIOUS_DAYS),
                startDate.plusDays(days));
        // a day that has begun is not changed any more
        LocalDate firstOpen = firstOpenDate(zone);
        return new RosterStart(draft, published, firstOpen, keep, pins, replanDates);
    }

    /** The first day that may still change: tomorrow in the site's zone (a day that has begun is kept). */
    LocalDate firstOpenDate(ZoneId zone) {
        return LocalDate.now(clock.withZone(zone)).plusDays(1);
    }

    private ZoneId zone(String requested, List<Long> teamIds, List<Operator> all) {
        if (requested != null && !requested.isBlank()) {
            try {
                return ZoneId.of(requested.trim());
            } catch (DateTimeException e) {
                throw ValidationFailedException.of("zone", Text.of("error.roster.zone.unknown", requested));
            }
        }
        java.util.TreeSet<String> zones = new java.util.TreeSet<>();
        for (Operator o : all) {
            if (o.isActive() && (teamIds.isEmpty() || teamIds.contains(o.getTeamId()))) {
                zones.add(o.getTimeZone());
            }
        }
        if (zones.size() > 1) {
            throw ValidationFailedException.of("zone", Text.of("error.roster.zone.several", String.valueOf(zones)));
        }
        return zones.isEmpty() ? ZoneId.of("UTC") : ZoneId.of(zones.first());
    }

    static Map<Long, String> names(List<Operator> all) {
        Map<Long, String> out = new HashMap<>();
        all.forEach(o -> out.put(o.getId(), o.fullName()));
        return out;
    }

    /** Queue id → queue code, as rosters, edits, exports and the roster screens show queues. */
    @PreAuthorize(Roles.READ_MASTER_DATA)
    public Map<Long, String> queueCodes() {
        Map<Long, String> out = new HashMap<>();
        for (Queue q : queues.list()) {
            out.put(q.getId(), q.getCode());
        }
        return out;
    }

    private static java.time.OffsetDateTime offset(Instant t, ZoneId zone) {
        return t.atZone(zone).toOffsetDateTime();
    }


}
