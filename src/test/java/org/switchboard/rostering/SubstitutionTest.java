package org.switchboard.rostering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.optaplanner.core.api.score.buildin.hardmediumsoft.HardMediumSoftScore;
import org.optaplanner.core.api.solver.SolutionManager;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.WebApplicationContext;
import org.switchboard.absences.AbsenceApproved;
import org.switchboard.absences.AbsenceCalendar;
import org.switchboard.absences.AbsenceImpact;
import org.switchboard.absences.AbsenceSpan;
import org.switchboard.absences.CoverageEffects;
import org.switchboard.operators.Operator;
import org.switchboard.operators.OperatorService;
import org.switchboard.operators.OperatorSkill;
import org.switchboard.operators.TeamService;
import org.switchboard.rostering.solver.OperatorDay;
import org.switchboard.rostering.solver.RosterSolution;
import org.switchboard.rostering.solver.ShiftOption;
import org.switchboard.security.UserAccount;
import org.switchboard.security.UserAccountService;
import org.switchboard.shared.Roles;
import org.switchboard.shared.SystemAuthentication;
import tools.jackson.databind.JsonNode;

/**
 * Substitution against the demo center with the real solver and database: an approved absence opens the absent
 * operator's published shifts (event through the publication registry), its impact on coverage, every offered
 * substitute keeps the hard rules (checked on the whole roster), the ranking follows the score, known-bad operators
 * are not offered, assigning publishes at once (assignments and My schedule) and twice is refused, replanning
 * unpins only the open dates, and a cancelled absence puts the operator back.
 */
@SpringBootTest
class SubstitutionTest {

    static final String PASSWORD = "substitution-test-password";
    static final ZoneId MOSCOW = SubstitutionFixture.MOSCOW;
    static final String TEAM = SubstitutionFixture.TEAM;

    @Autowired
    WebApplicationContext context;
    @Autowired
    UserAccountService accounts;
    @Autowired
    OperatorService operators;
    @Autowired
    TeamService teams;
    @Autowired
    RosterService rosters;
    @Autowired
    Substitution substitution;
    @Autowired
    SubstituteEvaluator evaluator;
    @Autowired
    AbsenceShifts absenceShifts;
    @Autowired
    OpenShiftStore openShifts;
    @Autowired
    CoverageEffects coverage;
    @Autowired
    AbsenceCalendar calendar;
    @Autowired
    SolutionManager<RosterSolution, HardMediumSoftScore> solutionManager;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    ApplicationEventPublisher publisher;

    @Autowired
    org.switchboard.audit.AuditTrail trail;

    MockMvc mvc;

    static Roster roster;

    @BeforeEach
    void setUp() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
        system(() -> {
            for (String role : List.of(Roles.PLANNER, Roles.MANAGER)) {
                String login = "subst-" + role.toLowerCase();
                if (accounts.list().stream().noneMatch(a -> a.username().equals(login))) {
                    accounts.createWithPassword(login, "Substitution " + role, Set.of(role), PASSWORD, false);
                }
            }
            return null;
        });
        ensureRoster();
    }

    static <T> T system(Supplier<T> work) {
        return SystemAuthentication.callAsSystem(work);
    }

    void ensureRoster() {
        roster = SubstitutionFixture.roster(rosters, teams);
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    MvcResult call(String login, MockHttpServletRequestBuilder request, int expected) throws Exception {
        return mvc.perform(request.with(httpBasic(login, PASSWORD))).andExpect(status().is(expected)).andReturn();
    }

    static JsonNode json(MvcResult r) throws Exception {
        return RosterApiTest.json(r);
    }

    AbsenceSpan insertAbsence(Operator o, LocalDate from, LocalDate to) {
        return SubstitutionFixture.insertAbsence(jdbc, calendar, o, from, to);
    }

    List<StoredShift> openShiftsOfRosterAssignments() {
        return system(() -> {
            List<StoredShift> out = new ArrayList<>();
            for (AssignmentRow a : rosters.assignments(roster.id())) {
                out.add(new StoredShift(a.operatorId(), a.date(), a.shiftTemplate(), a.start().toInstant(),
                        a.end().toInstant(), a.paidMinutes(), null, List.of()));
            }
            return out;
        });
    }

    boolean works(long operatorId, LocalDate date) {
        return openShiftsOfRosterAssignments().stream().anyMatch(s -> s.operatorId() == operatorId && s.date().equals(date));
    }

    List<Operator> team() {
        return SubstitutionFixture.team(operators, teams);
    }

    @Test
    void approvedAbsenceOpensShiftsThatSubstitutesFillAndReplanUnpinsOnlyOpenDays() throws Exception {
        java.time.Instant auditFrom = java.time.Instant.now().minusSeconds(1);
        // a Thursday: the whole team works on weekdays (five days on, the weekend off)
        LocalDate firstOpen = system(() -> rosters.firstOpenDate(MOSCOW));
        LocalDate d1 = roster.startDate().plusDays(3);
        Operator absent = team().stream().filter(o -> works(o.getId(), d1)
                        && openShifts.ofAbsentOperator(o.getId(), d1, d1).isEmpty()).findFirst()
                .orElseThrow(() -> new AssertionError("nobody of " + TEAM + " works on " + d1));
        // the impact before the approval: the operator's shifts taken out of the coverage
        AbsenceSpan pending = new AbsenceSpan(0, absent.getId(), org.switchboard.absences.AbsenceType.VACATION, d1, d1,
                d1.atStartOfDay(MOSCOW).toInstant(), d1.plusDays(1).atStartOfDay(MOSCOW).toInstant(), true);
        AbsenceImpact impact = coverage.impact(absent.getId(), pending.startsAt(), pending.endsAt());
        assertThat(impact.days()).isNotEmpty();
        assertThat(impact.days()).extracting(AbsenceImpact.QueueDay::date).containsOnly(d1);
        boolean wholeOperator = false;
        for (AbsenceImpact.QueueDay day : impact.days()) {
            for (AbsenceImpact.Interval i : day.intervals()) {
                double gone = i.scheduledBefore() - i.scheduledAfter();
                assertThat(gone).isBetween(-1e-9, 1 + 1e-9);
                wholeOperator |= Math.abs(gone - 1) < 1e-9;
                if (i.serviceLevelBefore() != null) {
                    assertThat(i.serviceLevelAfter()).isLessThanOrEqualTo(i.serviceLevelBefore() + 1e-9);
                }
            }
        }
        assertThat(wholeOperator).as("scheduled after = before - 1 where the operator works the whole interval").isTrue();

        // approved: the event through the publication registry, as module absences publishes it
        AbsenceSpan span = insertAbsence(absent, d1, d1);
        transactions.executeWithoutResult(t -> publisher.publishEvent(new AbsenceApproved(span, "subst-manager", false)));
        long deadline = System.currentTimeMillis() + 30_000;
        while (openShifts.ofAbsence(span.absenceId()).isEmpty() && System.currentTimeMillis() < deadline) {
            sleep(200);
        }
        List<OpenShift> open = openShifts.ofAbsence(span.absenceId());
        assertThat(open).extracting(OpenShift::date).containsExactly(d1);
        assertThat(open).allMatch(s -> s.status() == OpenShift.Status.OPEN && s.absentOperatorId() == absent.getId());
        assertThat(works(absent.getId(), d1)).isFalse();
        JsonNode listed = json(call("subst-manager", get("/api/rosters/" + roster.id() + "/open-shifts"), 200));
        assertThat(listed.size()).isGreaterThanOrEqualTo(1);

        // the demo's full-time contracts leave no room for a sixth day in a week (days in a row, days off) and the
        // team works every weekday: four colleagues who may work the queue get their own shift of d1 taken away
        OpenShift shift1 = open.getFirst();
        int freed = 0;
        for (Operator o : team()) {
            boolean skilled = o.getSkills().stream().map(OperatorSkill::queueId).anyMatch(shift1.queueId()::equals);
            if (freed < 4 && o.getId() != absent.getId() && skilled && works(o.getId(), d1)) {
                jdbc.sql("delete from roster_assignment where roster_id = ? and operator_id = ? and work_date = ?")
                        .params(roster.id(), o.getId(), d1).update();
                freed++;
            }
        }

        // the substitutes, as a manager reads them
        JsonNode all = json(call("subst-manager", get("/api/absences/" + span.absenceId() + "/substitutes")
                .header("Accept-Language", "ru"), 200));
        assertThat(all.size()).isEqualTo(1);
        JsonNode first = all.get(0);
        assertThat(first.get("date").asString()).isEqualTo(d1.toString());
        assertThat(first.has("start") && first.has("end") && first.has("queue")).isTrue();
        JsonNode candidates = first.get("candidates");
        long[] previous = null;
        boolean previousOvertime = false;
        for (JsonNode c : candidates) {
            long[] score = {c.get("hard").asLong(), c.get("medium").asLong(), c.get("soft").asLong()};
            boolean overtime = c.get("overtimeMinutes").asInt() > 0;
            assertThat(c.get("scoreChange").asString()).isNotBlank();
            assertThat(c.get("reasons").size()).isPositive();
            assertThat(c.get("reasons").get(0).get("text").asString()).contains("Добавляет");
            // without overtime first, then best score first
            assertThat(previousOvertime && !overtime).as("no overtime before overtime").isFalse();
            if (previous != null && previousOvertime == overtime) {
                assertThat(compare(previous, score)).as("best first").isGreaterThanOrEqualTo(0);
            }
            previous = score;
            previousOvertime = overtime;
            assertThat(score[0]).as("no hard rule worse").isGreaterThanOrEqualTo(0);
        }
        // every offered substitute keeps the hard rules on the whole roster (property over all candidates)
        for (JsonNode c : candidates) {
            String number = c.get("employeeNumber").asString();
            assertThat(number).isNotEqualTo(absent.getEmployeeNumber());
            assertThat(hardAfterAssigning(shift1, number)).as(number).isGreaterThanOrEqualTo(hardBefore(number));
        }

        // replan: a draft where only d1 (still open) may change, every other published day pinned
        JsonNode replan = json(call("subst-planner", post("/api/rosters/" + roster.id() + "/replan-open-days"), 201));
        long draftId = replan.get("id").asLong();
        Set<LocalDate> replanDates = new java.util.HashSet<>();
        replan.get("replanDates").forEach(n -> replanDates.add(LocalDate.parse(n.asString())));
        assertThat(replanDates).contains(d1);
        RosterSolution problem = system(() -> rosters.problem(rosters.get(draftId), operators.list()));
        int unpinned = 0;
        for (OperatorDay day : problem.getDays()) {
            if (!day.isInPeriod()) {
                continue;
            }
            if (replanDates.contains(day.getDate()) && !day.getDate().isBefore(firstOpen)) {
                assertThat(day.isPinned()).as(day.toString()).isFalse();
                assertThat(day.hasPublished()).isTrue();
                unpinned++;
            } else {
                assertThat(day.isPinned()).as(day.toString()).isTrue();
            }
        }
        assertThat(unpinned).isEqualTo(problem.getOperators().size() * replanDates.size());

        // someone already working on d1 may not take its shift; managers may not assign
        Operator busy = team().stream().filter(o -> works(o.getId(), d1)).findFirst().orElseThrow();
        MvcResult refused = call("subst-planner", post("/api/absences/" + span.absenceId() + "/substitutes")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"date\":\"%s\",\"employeeNumber\":\"%s\"}".formatted(d1, busy.getEmployeeNumber())), 422);
        assertThat(json(refused).get("violations").size()).isPositive();
        call("subst-manager", post("/api/absences/" + span.absenceId() + "/substitutes").contentType(MediaType.APPLICATION_JSON)
                .content("{\"date\":\"%s\",\"employeeNumber\":\"%s\"}".formatted(d1, busy.getEmployeeNumber())), 403);

        // assign the best: the published roster and the substitute's My schedule show it at once
        String best = candidates.get(0).get("employeeNumber").asString();
        JsonNode filled = json(call("subst-planner", post("/api/absences/" + span.absenceId() + "/substitutes")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"date\":\"%s\",\"employeeNumber\":\"%s\"}".formatted(d1, best)), 200));
        assertThat(filled.get("status").asString()).isEqualTo("FILLED");
        assertThat(filled.get("substituteEmployeeNumber").asString()).isEqualTo(best);
        // in the audit trail, by the planner, with who stands in for whom
        org.switchboard.audit.AuditEntry substituted = org.switchboard.audit.AuditFixture.one(trail, auditFrom,
                org.switchboard.audit.AuditKind.SHIFT_SUBSTITUTED, "openShift", filled.get("id").asLong());
        assertThat(substituted.actor()).isEqualTo("subst-planner");
        assertThat(substituted.facts()).containsEntry("employeeNumber", best)
                .containsEntry("absentEmployeeNumber", absent.getEmployeeNumber()).containsEntry("date", d1.toString());
        assertThat(substituted.text(java.util.Locale.ENGLISH)).startsWith("Put " + best + " ")
                .contains("in place of " + absent.getEmployeeNumber());
        String csv = call("subst-manager", get("/api/rosters/" + roster.id() + "/assignments"), 200).getResponse()
                .getContentAsString();
        boolean shown = false;
        for (String line : csv.split("\\R")) {
            shown |= line.startsWith(best + ",") && line.contains("," + d1 + ",");
            assertThat(line.startsWith(absent.getEmployeeNumber() + ",") && line.contains("," + d1 + ",")).isFalse();
        }
        assertThat(shown).isTrue();
        String login = linkLogin(best);
        JsonNode mine = json(mvc.perform(get("/api/me/schedule").param("from", d1.toString()).param("to", d1.toString())
                .with(httpBasic(login, PASSWORD))).andExpect(status().isOk()).andReturn());
        assertThat(mine.size()).isEqualTo(1);
        assertThat(mine.get(0).get("date").asString()).isEqualTo(d1.toString());

        // the same shift again: no longer open
        call("subst-planner", post("/api/absences/" + span.absenceId() + "/substitutes").contentType(MediaType.APPLICATION_JSON)
                .content("{\"date\":\"%s\",\"employeeNumber\":\"%s\"}".formatted(d1, candidates.get(candidates.size() - 1)
                        .get("employeeNumber").asString())), 409);
        // no shift on another day
        call("subst-planner", post("/api/absences/" + span.absenceId() + "/substitutes").contentType(MediaType.APPLICATION_JSON)
                .content("{\"date\":\"%s\",\"employeeNumber\":\"%s\"}".formatted(d1.minusDays(1), best)), 404);
    }

    @Test
    void knownBadCandidatesAreNotOffered() {
        // the day most of the team has off (a day nobody works too: a short solve may give everyone Monday to Friday),
        // so that there are candidates off that day to judge
        LocalDate d = mostOffDay(roster.startDate(), roster.endDate().minusDays(1));
        List<Operator> team = team();
        long queue = system(() -> rosters.queueCodes().entrySet().stream().filter(e -> e.getValue().equals("RU-GEN"))
                .findFirst().orElseThrow().getKey());
        Operator someone = team.getFirst();
        // a night on d: 22:00 to 07:00, as the demo's N22 with its two unpaid half hours
        Instant start = d.atTime(LocalTime.of(22, 0)).atZone(MOSCOW).toInstant();
        OpenShift night = new OpenShift(-1, roster.id(), d, "N22", start, start.plusSeconds(9 * 3600), 480, queue,
                List.of(), someone.getId(), -1L, org.switchboard.absences.AbsenceType.SICK, OpenShift.Status.OPEN, false,
                null, null, null);
        SubstituteEvaluator.Context c = system(() -> evaluator.context(rosters.get(roster.id()), operators.list()));
        Set<Long> offered = new java.util.HashSet<>();
        system(() -> evaluator.candidates(c, night)).forEach(e -> offered.add(e.operator().getId()));
        int checked = 0;
        for (Operator o : team) {
            boolean skilled = o.getSkills().stream().map(OperatorSkill::queueId).anyMatch(q -> q == queue);
            boolean off = !works(o.getId(), d);
            String why = evaluator.ineligible(c, night, o.getId(), Set.of());
            if (o.getId() == someone.getId()) {
                assertThat(why).isEqualTo("substitute.refused.absentOperator");
            } else if (!off) {
                assertThat(why).isEqualTo("substitute.refused.working");
            } else if (!skilled) {
                assertThat(why).isEqualTo("substitute.refused.notQualified");
            } else if (!o.isNightEligible()) {
                // night not allowed
                assertThat(why).isNull();
                assertThat(system(() -> evaluator.evaluate(c, night, o.getId())).breaksHardRule()).isTrue();
                checked++;
            } else if (works(o.getId(), d.plusDays(1))) {
                // 07:00 to the next day's afternoon shift: too little rest
                var e = system(() -> evaluator.evaluate(c, night, o.getId()));
                assertThat(e.breaksHardRule()).isTrue();
                assertThat(e.newHard()).extracting(RuleBreach::rule).contains(org.switchboard.rostering.solver.RosterWeights.MIN_REST);
                checked++;
            } else {
                continue;
            }
            assertThat(offered).as(o.getEmployeeNumber()).doesNotContain(o.getId());
        }
        assertThat(checked).isPositive();
    }

    @Test
    void spareOperatorsWithoutSignedInUser() {
        // Comet's operators all have contracts and are planned by the roster
        long team = system(() -> teams.list().stream().filter(t -> t.getName().equals(TEAM)).findFirst().orElseThrow().getId());
        LocalDate d = roster.startDate().plusDays(2);
        long off = team().stream().filter(o -> !works(o.getId(), d)).count();
        var spare = coverage.spareOperators(team, d);
        assertThat(spare).isPresent();
        // everyone off that day, and at most the whole team
        assertThat(spare.getAsInt()).isBetween((int) off, team().size());
        assertThat(coverage.spareOperators(team, LocalDate.of(2099, 1, 5))).isEmpty();
    }

    @Test
    void cancelledAbsencePutsTheOperatorBackOnOpenShifts() {
        LocalDate d = roster.startDate().plusDays(2);
        // someone working the days around it too (no other test took a neighbouring day away): back on it, their
        // week is as it was published
        Operator absent = team().stream().filter(o -> works(o.getId(), d.minusDays(1)) && works(o.getId(), d)
                && works(o.getId(), d.plusDays(1))).findFirst().orElseThrow();
        AbsenceSpan span = insertAbsence(absent, d, d);
        List<OpenShift> opened = system(() -> absenceShifts.approved(span));
        assertThat(opened).hasSize(1);
        assertThat(works(absent.getId(), d)).isFalse();
        jdbc.sql("update absence set status = 'CANCELLED' where id = ?").param(span.absenceId()).update();
        List<OpenShift> back = system(() -> absenceShifts.cancelled(span));
        assertThat(back).hasSize(1);
        assertThat(back.getFirst().status()).isEqualTo(OpenShift.Status.CANCELLED);
        assertThat(works(absent.getId(), d)).isTrue();
    }

    /** The date in [from, to] on which the fewest of the team work (latest first on a tie). */
    private LocalDate mostOffDay(LocalDate from, LocalDate to) {
        LocalDate best = from;
        long fewest = Long.MAX_VALUE;
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            LocalDate day = d;
            long n = team().stream().filter(o -> works(o.getId(), day)).count();
            if (n < fewest) {
                fewest = n;
                best = d;
            }
        }
        return best;
    }


    private static int compare(long[] a, long[] b) {
        for (int i = 0; i < 3; i++) {
            if (a[i] != b[i]) {
                return Long.compare(a[i], b[i]);
            }
        }
        return 0;
    }

    /** The whole roster's hard score, the operator's maxima raised by their contract's overtime allowance. */
    private int hardBefore(String employeeNumber) {
        return system(() -> solutionManager.update(withOvertimeOf(employeeNumber)).hardScore());
    }

    /**
     * The roster's problem with one operator as a substitution judges them: their weekly and period maxima raised by
     * the contract's overtime allowance (every other operator as planned).
     */
    private RosterSolution withOvertimeOf(String employeeNumber) {
        RosterSolution problem = rosters.problem(roster, operators.list());
        Operator o = operators.list().stream().filter(x -> x.getEmployeeNumber().equals(employeeNumber))
                .findFirst().orElseThrow();
        var raised = evaluator.context(rosters.get(roster.id()), operators.list()).withAllowance(o.getId());
        List<org.switchboard.rostering.solver.SolverOperator> ops = problem.getOperators().stream()
                .map(x -> x.id() == o.getId() ? raised : x).toList();
        List<OperatorDay> days = problem.getDays().stream()
                .map(d -> d.operatorId() == o.getId() ? d.forOperator(raised) : d).toList();
        return new RosterSolution(ops, problem.getShiftOptions(), problem.getDemandUnits(), problem.getUnavailabilities(),
                problem.getPreferences(), problem.getWeights(), days);
    }

    /** The whole roster's hard score with the operator on the shift (every operator, every rule, their overtime). */
    private int hardAfterAssigning(OpenShift s, String employeeNumber) {
        return system(() -> {
            RosterSolution problem = withOvertimeOf(employeeNumber);
            Operator o = operators.list().stream().filter(x -> x.getEmployeeNumber().equals(employeeNumber))
                    .findFirst().orElseThrow();
            OperatorDay day = problem.getDays().stream().filter(x -> x.operatorId() == o.getId() && x.isInPeriod()
                    && x.getDate().equals(s.date())).findFirst().orElseThrow();
            assertThat(day.isWorking()).isFalse();
            ShiftOption option = problem.getShiftOptions().stream().filter(x -> x.date().equals(s.date())
                    && x.templateCode().equals(s.templateCode()) && x.start().equals(s.start())).findFirst().orElseThrow();
            day.setShift(option);
            day.setQueue(s.queueId());
            return solutionManager.update(problem).hardScore();
        });
    }

    /** A login linked to the operator (made once). */
    private String linkLogin(String employeeNumber) {
        String login = "subst-" + employeeNumber.toLowerCase();
        return system(() -> {
            Operator o = operators.list().stream().filter(x -> x.getEmployeeNumber().equals(employeeNumber))
                    .findFirst().orElseThrow();
            if (o.getUserId() != null) {
                UserAccount linked = accounts.list().stream().filter(a -> a.id() == o.getUserId()).findFirst().orElseThrow();
                if (!linked.username().equals(login)) {
                    throw new AssertionError("operator " + employeeNumber + " is linked to " + linked.username());
                }
                return login;
            }
            UserAccount account = accounts.list().stream().filter(a -> a.username().equals(login)).findFirst()
                    .orElseGet(() -> accounts.createWithPassword(login, "Substitute", Set.of(Roles.OPERATOR), PASSWORD,
                            false));
            o.setUserId(account.id());
            operators.save(o);
            return login;
        });
    }
}
