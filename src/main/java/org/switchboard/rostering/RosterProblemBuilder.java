package org.switchboard.rostering;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.switchboard.demand.QueueService;
import org.switchboard.demand.staffing.RequirementService;
import org.switchboard.demand.staffing.StaffingRequirement;
import org.switchboard.operators.Contract;
import org.switchboard.operators.ContractService;
import org.switchboard.operators.ContractTerms;
import org.switchboard.operators.Operator;
import org.switchboard.operators.OperatorService;
import org.switchboard.operators.OperatorSkill;
import org.switchboard.operators.Team;
import org.switchboard.operators.TeamService;
import org.switchboard.rostering.solver.DemandUnit;
import org.switchboard.rostering.solver.OperatorDay;
import org.switchboard.rostering.solver.PlacedBreak;
import org.switchboard.rostering.solver.RosterSolution;
import org.switchboard.rostering.solver.RosterWeights;
import org.switchboard.rostering.solver.ShiftOption;
import org.switchboard.rostering.solver.SolverOperator;
import org.switchboard.shared.Roles;
import org.switchboard.shared.Text;
import org.switchboard.shared.ValidationFailedException;
import org.switchboard.shared.Violations;

/**
 * Builds the solver's {@link RosterSolution} for one planning period from the real data: operators and contracts
 * (module operators), shift templates (this module) and the stored staffing requirements (module demand, named
 * interface {@code staffing}).
 *
 * <p>The choices made here:
 * <ul>
 *   <li><b>Period</b>: {@code days} local dates from {@code startDate} in the site's zone; the requirement grid
 *       starts at local midnight of {@code startDate}. The published worked days of the week before are added as
 *       pinned days outside the period (see {@link RosterStart}).</li>
 *   <li><b>Operators</b>: active operators with a contract (optionally only the given teams). Contracts have weekly
 *       hours only, so the <b>period limits</b> are the weekly values pro rata: minimum = weekly minimum × days / 7
 *       rounded down, maximum = weekly maximum × days / 7 rounded up (exactly one week's values for 7 days, four
 *       weeks' for 28). The weekly maximum is still enforced per ISO week on its own. Night shifts: only when the
 *       operator is night eligible <em>and</em> the contract allows nights (max nights in a row &gt; 0); the other
 *       operators do not get night options in their value range at all (as the solver core expects), nor the options
 *       of templates limited to other contracts or teams, nor, when their team's usual shift kinds are hard, options
 *       of other kinds ({@link SolverOperator#mayWork}). Contracts
 *       have no per-kind limits, so {@code maxShiftsPerKind} is empty. A shift is also left out of an operator's range
 *       when it is too short to ever reach the contract's weekly minimum: its paid minutes plus the longest shift
 *       on every other day the contract allows in 7 days (longest run + what is left after the shortest break) stay
 *       below the weekly minimum. So a 40 h / 5-day contract gets no 4-hour shifts (a week with one would need a
 *       sixth day), which a local search otherwise only leaves through two simultaneous changes. The queue range is the operator's skills
 *       restricted to the queues of the demand, best proficiency first.</li>
 *   <li><b>Shift options</b>: every active template at each of its starts ({@link ShiftTemplate#startTimes}, a start
 *       window gives one option per start) on every date of the period, id {@code code@date@HH:mm}; instants by
 *       {@link ShiftTemplate#spanOn}, kind per start by the configured {@link ShiftKindRules}, paid minutes = elapsed
 *       minutes (so a night across a daylight-saving change is paid as worked) minus unpaid breaks, weekend = starts
 *       on a Saturday or Sunday, covered slots by {@link ShiftOption#slotsOnGrid} without the unpaid breaks (a
 *       floating break at the middle of its window), cut to the period (a night on the last day does not cover
 *       intervals after the period). The unpaid breaks go with the option as windows for the post-solve
 *       {@code BreakPlanner}.</li>
 *   <li><b>Demand</b>: one unit per (queue, interval) requirement in [period start, period end) with
 *       {@code required = positions}: operators to <em>schedule</em> including shrinkage, since a roster plans
 *       scheduled operators (agents are the ones on the phones after shrinkage). Intervals with a zero requirement
 *       are <b>kept</b>: under-coverage never fires on them, but over-coverage is scored per existing unit, and
 *       without them surplus operators on a closed queue (or at a quiet time) would cost nothing. Queues on
 *       different interval lengths are put on the smallest length when every length is a multiple of it (a 60-min
 *       requirement becomes two 30-min units with the same requirement); otherwise the period is refused.</li>
 * </ul>
 * <b>Unavailability and wishes</b> come from {@link RosterAvailability}: the operators' recurring availability and the
 * approved absences (hard; a whole day has no options, a window's overlapping options are left out of the day's range,
 * as nights are for operators without them), and the wishes (soft).
 */
@Service
public class RosterProblemBuilder {

    private final OperatorService operators;
    private final ContractService contracts;
    private final ShiftTemplateService templates;
    private final RequirementService requirements;
    private final ShiftKindRules kindRules;
    private final QueueService queues;
    private final RosterAvailability availability;
    private final TeamService teams;
    /** The relative spread of an interval's calls around its forecast that the service curves allow for. */
    private final double forecastError;
    /** Whether a shift with one floating break is offered once per break start, see {@link #options}. */
    private final boolean breakStartsInSearch;

    RosterProblemBuilder(OperatorService operators, ContractService contracts, ShiftTemplateService templates,
            RequirementService requirements, ShiftKindRules kindRules, QueueService queues,
            RosterAvailability availability, TeamService teams,
            @org.springframework.beans.factory.annotation.Value("${switchboard.roster.forecast-error:0.3}") double forecastError,
            @org.springframework.beans.factory.annotation.Value("${switchboard.roster.break-starts-in-search:false}") boolean breakStartsInSearch) {
        this.breakStartsInSearch = breakStartsInSearch;
        if (!(forecastError >= 0 && forecastError <= 0.5)) {
            throw new IllegalArgumentException("switchboard.roster.forecast-error must be 0 to 0.5, not " + forecastError);
        }
        this.forecastError = forecastError;
        this.teams = teams;
        this.queues = queues;
        this.availability = availability;
        this.operators = operators;
        this.contracts = contracts;
        this.templates = templates;
        this.requirements = requirements;
        this.kindRules = kindRules;
    }

    /**
     * This builder with {@code switchboard.roster.break-starts-in-search} set to {@code on}, for tests and benchmarks
     * in the shared test context (a copy, not the Spring proxy: no method security of its own).
     */
    RosterProblemBuilder withBreakStartsInSearch(boolean on) {
        return new RosterProblemBuilder(operators, contracts, templates, requirements, kindRules, queues, availability, teams,
                forecastError, on);
    }

    /** The whole center: every active operator with a contract, every queue with requirements. */
    @PreAuthorize(Roles.EDIT_MASTER_DATA)
    public RosterSolution build(LocalDate startDate, int days, ZoneId siteZone, RosterWeights weights) {
        return build(startDate, days, siteZone, weights, null, null);
    }

    /**
     * @param teamIds only operators of these teams (null or empty = all)
     * @param queueIds only the requirements of these queues (null or empty = all)
     */
    @PreAuthorize(Roles.EDIT_MASTER_DATA)
    public RosterSolution build(LocalDate startDate, int days, ZoneId siteZone, RosterWeights weights,
            Collection<Long> teamIds, Collection<Long> queueIds) {
        return build(startDate, days, siteZone, weights, teamIds, queueIds, RosterStart.empty());
    }

    /**
     * As {@link #build(LocalDate, int, ZoneId, RosterWeights, Collection, Collection)}, starting from a roster's
     * draft and the published schedule: past days are pinned to what was published (else to the draft), published
     * days are pinned when {@link RosterStart#keepPublished()}, open days start from the draft, and the published
     * worked days of the week before the period are added as pinned days outside the period, so rest, runs of days
     * and nights, and days off are checked across the period start.
     */
    @PreAuthorize(Roles.EDIT_MASTER_DATA)
    public RosterSolution build(LocalDate startDate, int days, ZoneId siteZone, RosterWeights weights,
            Collection<Long> teamIds, Collection<Long> queueIds, RosterStart start) {
        return build(startDate, days, siteZone, weights, teamIds, queueIds, start, operators.list());
    }

    /** As above, with every operator as read by the caller (reading them costs a query per operator). */
    RosterSolution build(LocalDate startDate, int days, ZoneId siteZone, RosterWeights weights,
            Collection<Long> teamIds, Collection<Long> queueIds, RosterStart start, List<Operator> allOperators) {
        Violations.none()
                .check(startDate == null, "startDate", Text.of("error.roster.startDate.missing"))
                .check(days < 1 || days > 42, "days", Text.of("error.roster.days"))
                .check(siteZone == null, "siteZone", Text.of("error.common.chooseTimeZone"))
                .throwIfAny();
        Instant periodStart = startDate.atStartOfDay(siteZone).toInstant();
        Instant periodEnd = startDate.plusDays(days).atStartOfDay(siteZone).toInstant();

        List<StaffingRequirement> rows = requirements.requirements(periodStart, periodEnd).stream()
                .filter(r -> queueIds == null || queueIds.isEmpty() || queueIds.contains(r.queueId()))
                .toList();
        int grid = gridMinutes(rows);
        int slotCount = (int) (Duration.between(periodStart, periodEnd).toMinutes() / grid);
        Map<Long, org.switchboard.demand.Queue> queueById = new HashMap<>();
        queues.list().forEach(q -> queueById.put(q.getId(), q));
        List<DemandUnit> units = DemandUnits.of(rows, grid, startDate, periodStart, siteZone, queueById,
                weights == null ? CoverageAim.SERVICE_LEVEL : weights.getCoverageAim(), forecastError);
        Set<Long> demandQueues = new LinkedHashSet<>();
        rows.forEach(r -> demandQueues.add(r.queueId()));

        List<ShiftTemplate> active = templates.list().stream().filter(ShiftTemplate::isActive).toList();
        List<ShiftOption> options = new ArrayList<>();
        List<List<ShiftOption>> byDay = new ArrayList<>();
        for (int d = 0; d < days; d++) {
            List<ShiftOption> day = new ArrayList<>();
            for (ShiftTemplate t : active) {
                for (java.time.LocalTime localStart : t.startTimes()) {
                    day.addAll(options(t, localStart, startDate.plusDays(d), d, siteZone, periodStart, grid, slotCount));
                }
            }
            byDay.add(day);
            options.addAll(day);
        }

        Map<Long, Contract> contractById = new HashMap<>();
        contracts.list().forEach(c -> contractById.put(c.getId(), c));
        Map<Long, Team> teamById = new HashMap<>();
        teams.list().forEach(t -> teamById.put(t.getId(), t));
        List<SolverOperator> solverOperators = new ArrayList<>();
        List<OperatorDay> operatorDays = new ArrayList<>();
        List<Operator> planned = allOperators.stream().filter(o -> o.isActive() && o.getContractId() != null
                && contractById.containsKey(o.getContractId())
                && (teamIds == null || teamIds.isEmpty() || teamIds.contains(o.getTeamId()))).toList();
        RosterAvailability.Inputs inputs = availability.read(planned, startDate, days, siteZone);
        for (Operator o : planned) {
            Contract c = contractById.get(o.getContractId());
            SolverOperator so = creditAbsences(shiftRules(solverOperator(o, c, days, demandQueues), o, active, teamById),
                    orZero(c.getMinMinutesPerWeek()), inputs.absentDates(o.getId()));
            solverOperators.add(so);
            int longest = options.stream().filter(so::mayWork)
                    .mapToInt(ShiftOption::paidMinutes).max().orElse(0);
            int minWeek = orZero(c.getMinMinutesPerWeek());
            int weekDays = maxDaysPerWeek(so);
            for (int d = 0; d < days; d++) {
                List<ShiftOption> allowed = inputs.allowed(so.id(), startDate.plusDays(d), byDay.get(d).stream()
                        .filter(so::mayWork)
                        .filter(s -> s.paidMinutes() + (weekDays - 1) * longest >= minWeek)
                        .toList());
                OperatorDay day = OperatorDay.open(so, startDate.plusDays(d), d, allowed);
                applyStart(day, start, siteZone, periodStart, grid, slotCount);
                operatorDays.add(day);
            }
            for (int back = PREVIOUS_DAYS; back >= 1; back--) {
                LocalDate date = startDate.minusDays(back);
                Optional<StoredShift> published = start.published(so.id(), date);
                if (published != null && published.isPresent()) {
                    StoredShift p = published.get();
                    OperatorDay before = new OperatorDay(so, date, -back, false, true, List.of(), null, null);
                    keep(before, storedOption(p, -back, siteZone, periodStart, grid, slotCount), p);
                    operatorDays.add(before);
                }
            }
        }
        return new RosterSolution(solverOperators, options, units, inputs.unavailable(), inputs.preferences(),
                weights == null ? new RosterWeights() : weights, operatorDays);
    }

    /**
     * How many operators a roster of these teams plans (null or empty = all): the active ones with a contract, as
     * {@link #build} takes them. Cheap: for refusing a roster too large to solve before building it.
     */
    int operatorCount(Collection<Long> teamIds, List<Operator> allOperators) {
        Set<Long> contractIds = new java.util.HashSet<>();
        contracts.list().forEach(c -> contractIds.add(c.getId()));
        int n = 0;
        for (Operator o : allOperators) {
            if (o.isActive() && o.getContractId() != null && contractIds.contains(o.getContractId())
                    && (teamIds == null || teamIds.isEmpty() || teamIds.contains(o.getTeamId()))) {
                n++;
            }
        }
        return n;
    }

    /** How many days before the period the published schedule is read for rules across the period start. */
    static final int PREVIOUS_DAYS = 7;

    /** Pins or pre-fills one period day from the roster's draft and the published schedule (see the 7-argument build). */
    private void applyStart(OperatorDay day, RosterStart start, ZoneId zone, Instant periodStart, int grid, int slotCount) {
        long op = day.operatorId();
        Optional<StoredShift> published = start.published(op, day.getDate());
        StoredShift draft = start.draft(op, day.getDate());
        boolean past = day.getDate().isBefore(start.firstOpenDate());
        if (!past && start.pinned(op, day.getDate())) {
            // pinned by a planner's edit: kept as the draft has it (no row = a day off), whatever was published
            day.pinByPlanner();
            if (draft != null) {
                ShiftOption option = match(day.getShiftRange(), draft);
                keep(day, option != null ? option
                        : storedOption(draft, day.getDayIndex(), zone, periodStart, grid, slotCount), draft);
            }
            return;
        }
        if (past || (published != null && start.keepsPublished(day.getDate()))) {
            StoredShift kept = published != null ? published.orElse(null) : draft;
            day.setPinned(true);
            if (kept != null) {
                ShiftOption option = match(day.getShiftRange(), kept);
                keep(day, option != null ? option
                        : storedOption(kept, day.getDayIndex(), zone, periodStart, grid, slotCount), kept);
            }
            return;
        }
        if (published != null) {
            // replanning: the published value is what changes are measured against
            StoredShift p = published.orElse(null);
            ShiftOption was = p == null ? null : match(day.getShiftRange(), p);
            day.setPublished(p == null ? null : was != null ? was.id() : "kept:" + p.templateCode() + "@" + p.start(),
                    p == null ? null : p.queueId());
        }
        StoredShift initial = draft != null ? draft : published != null ? published.orElse(null) : null;
        ShiftOption option = initial == null ? null : match(day.getShiftRange(), initial);
        if (option != null) {
            List<Long> skills = day.getQueueRange();
            day.setShift(option);
            // a shift without a queue (null) keeps none of the skills: List.of(...).contains(null) would throw
            day.setQueue(initial.queueId() != null && skills.contains(initial.queueId()) ? initial.queueId()
                    : skills.isEmpty() ? null : skills.get(0));
        }
    }

    /** Sets a kept (pinned) shift with its queue and the breaks as they were placed. */
    private static void keep(OperatorDay day, ShiftOption option, StoredShift kept) {
        day.setShift(option);
        day.setQueue(kept.queueId());
        if (!kept.breaks().isEmpty()) {
            List<PlacedBreak> breaks = kept.breaks().stream().map(b -> new PlacedBreak(b.start(), b.end())).toList();
            day.placeBreaks(breaks, option.coveredSlotsWith(breaks));
        }
    }

    /**
     * The option of the operator's range with the stored template, start, end and paid minutes (of several, the one
     * with the stored breaks), or null when it is no longer offered as it was (an edited template must not rewrite a
     * kept day).
     */
    static ShiftOption match(List<ShiftOption> range, StoredShift stored) {
        ShiftOption first = null;
        for (ShiftOption o : range) {
            if (o.templateCode().equals(stored.templateCode()) && o.start().equals(stored.start())
                    && o.end().equals(stored.end()) && o.paidMinutes() == stored.paidMinutes()) {
                // with a shift offered once per break start, the one with the stored breaks
                if (o.nominalBreaks().stream().map(PlacedBreak::start).toList()
                        .equals(stored.breaks().stream().map(b -> b.start()).toList())) {
                    return o;
                }
                first = first == null ? o : first;
            }
        }
        return first;
    }

    /** A shift option for a kept shift that today's templates do not offer (a published day, a day before the period). */
    private ShiftOption storedOption(StoredShift s, int dayIndex, ZoneId zone, Instant gridStart, int grid, int slotCount) {
        List<Instant[]> unpaid = s.breaks().stream().map(b -> new Instant[] {b.start(), b.end()}).toList();
        int[] slots = java.util.Arrays.stream(ShiftOption.slotsOnGrid(s.start(), s.end(), unpaid, gridStart, grid))
                .filter(x -> x < slotCount).toArray();
        java.time.LocalTime localStart = s.start().atZone(zone).toLocalTime();
        DayOfWeek dow = s.date().getDayOfWeek();
        return new ShiftOption("kept:" + s.templateCode() + "@" + s.date() + "@" + s.start(), s.date(), dayIndex,
                s.templateCode(), s.start(), s.end(), localStart, s.paidMinutes(),
                kindRules.kindOf(localStart, Duration.between(s.start(), s.end())),
                dow == DayOfWeek.SATURDAY || dow == DayOfWeek.SUNDAY, slots);
    }

    /** Solver view of an operator; period limits pro rata from the weekly contract values (see the class comment). */
    static SolverOperator solverOperator(Operator o, ContractTerms c, int days, Set<Long> demandQueues) {
        int minWeek = orZero(c.getMinMinutesPerWeek());
        int maxWeek = orZero(c.getMaxMinutesPerWeek());
        int minPeriod = (int) Math.floorDiv((long) minWeek * days, 7);
        int maxPeriod = periodMaximum(maxWeek, days);
        int maxNights = orZero(c.getMaxNightsInRow());
        boolean nights = o.isNightEligible() && maxNights > 0;
        List<Long> skills = o.getSkills().stream().map(OperatorSkill::queueId)
                .filter(q -> q != null && demandQueues.contains(q)).toList();
        return new SolverOperator(o.getId(), o.getEmployeeNumber(), skills, nights, maxWeek, minPeriod, maxPeriod,
                orZero(c.getMaxConsecutiveDays()), orZero(c.getMinConsecutiveDaysOff()), orZero(c.getMinRestMinutes()),
                nights ? maxNights : 0, orZero(c.getMinRestAfterNightsMinutes()), orZero(c.getMaxWeekendsPerPeriod()),
                Map.of());
    }

    /**
     * The operator with the templates not meant for their contract or team (see {@link ShiftTemplate#isFor}) and
     * their team's usual shift kinds, hard or weighted.
     */
    static SolverOperator shiftRules(SolverOperator so, Operator o, List<ShiftTemplate> templates, Map<Long, Team> teamById) {
        Set<String> ineligible = new java.util.HashSet<>();
        templates.stream().filter(t -> !t.isFor(o.getContractId(), o.getTeamId())).forEach(t -> ineligible.add(t.getCode()));
        Team team = o.getTeamId() == null ? null : teamById.get(o.getTeamId());
        Set<ShiftKind> kinds = java.util.EnumSet.noneOf(ShiftKind.class);
        if (team != null) {
            team.getUsualShiftKinds().forEach(k -> kinds.add(ShiftKind.valueOf(k)));
        }
        return so.withShiftRules(ineligible, kinds, team != null && team.isUsualShiftKindsHard());
    }

    /** A weekly maximum pro rata over a period of {@code days} days, rounded up. */
    static int periodMaximum(int weeklyMaximum, int days) {
        return (int) -Math.floorDiv(-(long) weeklyMaximum * days, 7);
    }

    /**
     * The operator with the contract's overtime allowance on top of the weekly maximum and, pro rata as the period
     * maximum is made, of the period maximum (for a substitution: rosters are planned within the maximum).
     */
    static SolverOperator withOvertime(SolverOperator o, int overtimeMinutesPerWeek, int days) {
        if (overtimeMinutesPerWeek <= 0) {
            return o;
        }
        int extra = periodMaximum(o.maxMinutesPerWeek() + overtimeMinutesPerWeek, days) - periodMaximum(o.maxMinutesPerWeek(), days);
        return o.withMaxMinutes(o.maxMinutesPerWeek() + overtimeMinutesPerWeek, o.maxMinutesPerPeriod() + extra);
    }

    /**
     * An approved whole-day absence counts as a worked day towards the period's minimum hours (paid leave, sick leave
     * and business trips are working time under the contract): the minimum is lowered by the contract's weekly minimum
     * over the days it may work in a week, rounded up, per absent day, at most that many days per ISO week (a week of
     * vacation credits one week, weekend included), not below zero. Without this a week of vacation would make the
     * minimum-hours rule unmeetable. The maxima stay as they are.
     */
    static SolverOperator creditAbsences(SolverOperator o, int weeklyMinimum, Set<LocalDate> absentDates) {
        if (absentDates.isEmpty() || o.minMinutesPerPeriod() <= 0) {
            return o;
        }
        int weekDays = maxDaysPerWeek(o);
        Map<Integer, Integer> perWeek = new HashMap<>();
        for (LocalDate d : absentDates) {
            perWeek.merge(d.get(java.time.temporal.IsoFields.WEEK_BASED_YEAR) * 100
                    + d.get(java.time.temporal.IsoFields.WEEK_OF_WEEK_BASED_YEAR), 1, Integer::sum);
        }
        int credited = perWeek.values().stream().mapToInt(n -> Math.min(n, weekDays)).sum();
        int perDay = -Math.floorDiv(-weeklyMinimum, weekDays);
        int min = Math.max(0, o.minMinutesPerPeriod() - credited * perDay);
        return new SolverOperator(o.id(), o.employeeNumber(), o.skillQueueIds(), o.nightEligible(), o.maxMinutesPerWeek(),
                min, o.maxMinutesPerPeriod(), o.maxConsecutiveDays(), o.minConsecutiveDaysOff(), o.minRestMinutes(),
                o.maxNightsInRow(), o.minRestAfterNightsMinutes(), o.maxWeekendsPerPeriod(), o.maxShiftsPerKind(),
                o.minConsecutiveDays(), o.maxShiftsPerTemplate(), o.ineligibleTemplates(), o.usualKinds(),
                o.usualKindsHard());
    }

    /** Most days the contract lets an operator work in 7 days in a row: a longest run, the shortest break, the rest. */
    static int maxDaysPerWeek(SolverOperator o) {
        int run = Math.max(1, Math.min(7, o.maxConsecutiveDays()));
        int off = Math.max(1, o.minConsecutiveDaysOff());
        return Math.min(7, run + Math.max(0, 7 - run - off));
    }

    /**
     * The options of template {@code t} starting at {@code localStart} on {@code date}: id {@code code@date@HH:mm},
     * kind from this start. Unpaid breaks become {@code BreakWindow}s (a fixed break: a window of one start) and the
     * covered slots leave each out at its nominal start, the middle of its window on the grid (see
     * {@code BreakWindow.nominalStart}); {@code BreakPlanner} places them after solving. With
     * {@code switchboard.roster.break-starts-in-search} a template whose only unpaid break floats gives one option per
     * start of the break on the grid instead, each with its break fixed there (id {@code code@date@HH:mm~minutes after
     * the start}), so the solver chooses the break with the shift.
     */
    private List<ShiftOption> options(ShiftTemplate t, java.time.LocalTime localStart, LocalDate date, int dayIndex,
            ZoneId zone, Instant gridStart, int grid, int slotCount) {
        ShiftOption nominal = option(t, localStart, date, dayIndex, zone, gridStart, grid, slotCount, null);
        List<org.switchboard.rostering.solver.BreakWindow> windows = nominal.unpaidBreaks();
        if (!breakStartsInSearch || windows.size() != 1 || windows.getFirst().isFixed()) {
            return List.of(nominal);
        }
        List<ShiftOption> out = new ArrayList<>();
        for (Instant at : windows.getFirst().starts(nominal.grid())) {
            out.add(option(t, localStart, date, dayIndex, zone, gridStart, grid, slotCount, at));
        }
        return out;
    }

    /** One option of {@link #options}: the breaks in their windows ({@code breakAt} null) or the one break fixed there. */
    private ShiftOption option(ShiftTemplate t, java.time.LocalTime localStart, LocalDate date, int dayIndex, ZoneId zone,
            Instant gridStart, int grid, int slotCount, Instant breakAt) {
        ZonedDateTime[] span = t.spanOn(date, localStart, zone);
        Instant start = span[0].toInstant();
        Instant end = span[1].toInstant();
        org.switchboard.rostering.solver.SlotGrid slotGrid =
                new org.switchboard.rostering.solver.SlotGrid(gridStart, grid, slotCount);
        List<org.switchboard.rostering.solver.BreakWindow> windows = new ArrayList<>();
        List<Instant[]> nominal = new ArrayList<>();
        long unpaidMinutes = 0;
        for (ShiftBreak b : t.getBreaks()) {
            if (b.isComplete() && !b.paid()) {
                var w = breakAt != null ? org.switchboard.rostering.solver.BreakWindow.fixed(breakAt, b.lengthMinutes())
                        : new org.switchboard.rostering.solver.BreakWindow(start.plusSeconds(b.offsetMinutes() * 60L),
                                start.plusSeconds(b.latestStartOffsetMinutes() * 60L), b.lengthMinutes());
                windows.add(w);
                var at = w.at(w.nominalStart(slotGrid));
                nominal.add(new Instant[] {at.start(), at.end()});
                unpaidMinutes += b.lengthMinutes();
            }
        }
        int[] slots = slotGrid.slots(start, end, nominal);
        int paid = (int) (Duration.between(start, end).toMinutes() - unpaidMinutes);
        boolean weekend = date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY;
        String id = t.getCode() + "@" + date + "@" + localStart
                + (breakAt == null ? "" : "~" + Duration.between(start, breakAt).toMinutes());
        return new ShiftOption(id, date, dayIndex, t.getCode(), start, end,
                localStart, paid, t.kindAt(localStart, kindRules), weekend, slots, windows, slotGrid);
    }

    /** The grid: the smallest interval length, which every other length must be a multiple of. */
    static int gridMinutes(List<StaffingRequirement> rows) {
        int grid = rows.stream().mapToInt(StaffingRequirement::intervalMinutes).min().orElse(30);
        for (StaffingRequirement r : rows) {
            if (grid <= 0 || r.intervalMinutes() % grid != 0) {
                throw ValidationFailedException.of("queues", Text.of("error.roster.grid", grid, r.intervalMinutes()));
            }
        }
        return grid;
    }

    private static int orZero(Integer v) {
        return v == null ? 0 : v;
    }
}
