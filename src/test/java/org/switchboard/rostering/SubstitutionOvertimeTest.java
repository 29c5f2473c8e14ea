package org.switchboard.rostering;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.optaplanner.core.api.score.buildin.hardmediumsoft.HardMediumSoftScore;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.switchboard.absences.AbsenceType;
import org.switchboard.operators.Contract;
import org.switchboard.operators.ContractService;
import org.switchboard.operators.Operator;
import org.switchboard.operators.OperatorService;
import org.switchboard.operators.TeamService;
import org.switchboard.rostering.solver.OperatorDay;
import org.switchboard.rostering.solver.RosterWeights;
import org.switchboard.rostering.solver.ShiftOption;
import org.switchboard.shared.SystemAuthentication;

/**
 * Substitution with the contract's overtime allowance, on the published Comet roster of {@link SubstitutionFixture}
 * with the candidates' weeks set in the evaluator's problem (the database is left alone): a part-timer whose week
 * the shift takes past the contract's maximum is offered only with an allowance that covers it (with the overtime
 * reason, the hard score not worse with the raised limits), not without one or with too small a one; a candidate
 * without overtime ranks first, even against a better score change.
 */
@SpringBootTest
class SubstitutionOvertimeTest {

    @Autowired
    RosterService rosters;
    @Autowired
    TeamService teams;
    @Autowired
    OperatorService operators;
    @Autowired
    ContractService contracts;
    @Autowired
    SubstituteEvaluator evaluator;
    @Autowired
    Substitution substitution;

    Roster roster;
    LocalDate monday;
    SubstituteEvaluator.Context context;
    /** Part time 30 h (max 30 h a week; 8 h overtime in the demo): 28 h from Tuesday to Friday, Monday off. */
    Operator partTimer;
    /** Full time 40 h (at least 36 h): 32 h from Tuesday to Friday, Monday off, so the shift brings them to 40 h. */
    Operator fullTimer;
    OpenShift shift;

    static <T> T system(Supplier<T> work) {
        return SystemAuthentication.callAsSystem(work);
    }

    @BeforeEach
    void setUp() {
        roster = SubstitutionFixture.roster(rosters, teams);
        monday = roster.startDate();
        assertThat(monday.getDayOfWeek()).isEqualTo(java.time.DayOfWeek.MONDAY);
        Map<String, Long> contractIds = new java.util.HashMap<>();
        system(() -> contracts.list()).forEach(c -> contractIds.put(c.getName(), c.getId()));
        List<Operator> team = SubstitutionFixture.team(operators, teams);
        partTimer = team.stream().filter(o -> o.getContractId().equals(contractIds.get("Part time 30 h"))).findFirst()
                .orElseThrow();
        fullTimer = team.stream().filter(o -> o.getContractId().equals(contractIds.get("Full time 40 h"))).findFirst()
                .orElseThrow();
        Operator absent = team.stream().filter(o -> o.getId() != partTimer.getId() && o.getId() != fullTimer.getId())
                .findFirst().orElseThrow();
        context = system(() -> evaluator.context(rosters.get(roster.id()), operators.list()));
        long general = system(() -> rosters.queueCodes()).entrySet().stream().filter(e -> e.getValue().equals("RU-GEN"))
                .findFirst().orElseThrow().getKey();
        // Monday off for both, then evening shifts (8 h paid) Tuesday to Thursday; Friday a part-time evening (4 h)
        // for the part-timer, a full evening for the full-timer; the weekend off
        week(partTimer, general, null, "E12", "E12", "E12", "P18", null, null);
        week(fullTimer, general, null, "E12", "E12", "E12", "E12", null, null);
        ShiftOption evening = option(SubstituteEvaluator.day(context, partTimer.getId(), probe(monday)), "E12");
        shift = new OpenShift(-1, roster.id(), monday, "E12", evening.start(), evening.end(), evening.paidMinutes(),
                general, List.of(), absent.getId(), -1L, AbsenceType.SICK, OpenShift.Status.OPEN, false, null, null, null);
    }

    @Test
    void theDemoContractsCarryTheirAllowance() {
        assertThat(context.overtime().get(partTimer.getId())).isEqualTo(8 * 60);
        assertThat(context.overtime().get(fullTimer.getId())).isEqualTo(8 * 60);
        Contract night = system(() -> contracts.list()).stream().filter(c -> c.getName().equals("Night 36 h"))
                .findFirst().orElseThrow();
        assertThat(night.getMaxOvertimeMinutesPerWeek()).isEqualTo(4 * 60);
    }

    @Test
    void atTheWeeklyMaximumOnlyAnAllowanceMakesRoom() {
        long id = partTimer.getId();
        assertThat(evaluator.ineligible(context, shift, id, Set.of())).isNull();

        // no allowance: 36 h against a maximum of 30 h breaks the hard rule, not offered
        SubstituteEvaluator.Context none = context.withOvertime(Map.of());
        SubstituteEvaluator.Evaluation refused = system(() -> evaluator.evaluate(none, shift, id));
        assertThat(refused.breaksHardRule()).isTrue();
        assertThat(refused.newHard()).extracting(RuleBreach::rule).contains(RosterWeights.MAX_WEEK_MINUTES);
        assertThat(system(() -> evaluator.candidates(none, shift))).extracting(e -> e.operator().getId())
                .doesNotContain(id);

        // 8 h (the demo's part time 30 h): offered, with the overtime said in figures, no hard rule worse
        SubstituteEvaluator.Context eight = context.withOvertime(Map.of(id, 8 * 60));
        SubstituteEvaluator.Evaluation offered = system(() -> evaluator.evaluate(eight, shift, id));
        assertThat(offered.breaksHardRule()).isFalse();
        assertThat(offered.after().hardScore()).isGreaterThanOrEqualTo(offered.before().hardScore());
        assertThat(offered.overtimeMinutes()).isEqualTo(6 * 60);
        SubstituteReason reason = offered.reasons().stream().filter(r -> r.key().equals("substitute.reason.overtime"))
                .findFirst().orElseThrow();
        assertThat(reason.args()).containsExactly("min:360", "date:" + monday, "min:1800", "min:2280");
        assertThat(offered.reasons().get(1)).as("right after the hours").isEqualTo(reason);
        assertThat(substitution.render(reason, Locale.ENGLISH))
                .isEqualTo("Overtime +6 h in the week of " + monday + " (contract 30 h, allowed up to 38 h)");
        assertThat(substitution.render(reason, Locale.forLanguageTag("ru")))
                .isEqualTo("Сверхурочно +6 ч за неделю с " + monday.format(java.time.format.DateTimeFormatter.ofPattern("dd.MM.yyyy"))
                        + " (по договору 30 ч, допустимо до 38 ч)");
        assertThat(system(() -> evaluator.candidates(eight, shift))).extracting(e -> e.operator().getId()).contains(id);
        // the context is left as it was (the evaluation works on copies of the candidate's days)
        assertThat(SubstituteEvaluator.day(context, id, shift).isWorking()).isFalse();
        assertThat(context.contracted(id).maxMinutesPerWeek()).isEqualTo(30 * 60);

        // the real context reads the same 8 h from the demo contract
        assertThat(system(() -> evaluator.evaluate(context, shift, id)).overtimeMinutes()).isEqualTo(6 * 60);
    }

    @Test
    void beyondTheAllowanceIsNotOffered() {
        long id = partTimer.getId();
        // 4 h: 36 h against 34 h allowed
        SubstituteEvaluator.Context four = context.withOvertime(Map.of(id, 4 * 60));
        SubstituteEvaluator.Evaluation e = system(() -> evaluator.evaluate(four, shift, id));
        assertThat(e.breaksHardRule()).isTrue();
        assertThat(e.newHard()).extracting(RuleBreach::rule).contains(RosterWeights.MAX_WEEK_MINUTES);
        assertThat(system(() -> evaluator.candidates(four, shift))).extracting(x -> x.operator().getId())
                .doesNotContain(id);
    }

    @Test
    void withoutOvertimeRanksFirst() {
        List<SubstituteEvaluator.Evaluation> ranked = system(() -> evaluator.candidates(context, shift));
        List<Long> ids = ranked.stream().map(e -> e.operator().getId()).toList();
        assertThat(ids).contains(partTimer.getId(), fullTimer.getId());
        SubstituteEvaluator.Evaluation full = ranked.get(ids.indexOf(fullTimer.getId()));
        SubstituteEvaluator.Evaluation part = ranked.get(ids.indexOf(partTimer.getId()));
        assertThat(full.overtime()).isFalse();
        assertThat(part.overtime()).isTrue();
        assertThat(ids.indexOf(fullTimer.getId())).isLessThan(ids.indexOf(partTimer.getId()));
        boolean seenOvertime = false;
        for (SubstituteEvaluator.Evaluation e : ranked) {
            assertThat(seenOvertime && !e.overtime()).as("no overtime first").isFalse();
            seenOvertime |= e.overtime();
        }

        // the order is by overtime before the score: a better score change with overtime still comes second
        SubstituteEvaluator.Evaluation better = new SubstituteEvaluator.Evaluation(part.operator(), part.before(),
                part.after(), HardMediumSoftScore.of(1, 0, 0), part.reasons(), List.of(), part.overtimeMinutes());
        SubstituteEvaluator.Evaluation worse = new SubstituteEvaluator.Evaluation(full.operator(), full.before(),
                full.after(), HardMediumSoftScore.ofSoft(-50), full.reasons(), List.of(), 0);
        assertThat(SubstituteEvaluator.RANKING.compare(worse, better)).isNegative();
        SubstituteEvaluator.Evaluation lessOvertimeBetterScore = new SubstituteEvaluator.Evaluation(full.operator(),
                full.before(), full.after(), HardMediumSoftScore.ofSoft(-1), full.reasons(), List.of(), 60);
        assertThat(SubstituteEvaluator.RANKING.compare(lessOvertimeBetterScore,
                new SubstituteEvaluator.Evaluation(part.operator(), part.before(), part.after(),
                        HardMediumSoftScore.ofSoft(-9), part.reasons(), List.of(), 360)))
                .as("among overtime candidates the score decides").isNegative();
    }

    /** Sets the operator's days of the roster's week in the context's problem: a template code per day, null = off. */
    private void week(Operator o, long queue, String... templates) {
        for (int i = 0; i < templates.length; i++) {
            OperatorDay day = SubstituteEvaluator.day(context, o.getId(), probe(monday.plusDays(i)));
            assertThat(day).as(o.getEmployeeNumber() + " " + monday.plusDays(i)).isNotNull();
            day.setShift(templates[i] == null ? null : option(day, templates[i]));
            day.setQueue(templates[i] == null ? null : queue);
        }
    }

    /** The day's earliest option of the template. */
    private static ShiftOption option(OperatorDay day, String template) {
        return day.getShiftRange().stream().filter(x -> x.templateCode().equals(template))
                .min(java.util.Comparator.comparing(ShiftOption::localStart))
                .orElseThrow(() -> new AssertionError(day + " has no " + template + " at " + LocalTime.MIN));
    }

    /** An open shift that only says its date (to find a day). */
    private OpenShift probe(LocalDate date) {
        return new OpenShift(-1, roster.id(), date, "", null, null, 0, null, List.of(), -1L, -1L, AbsenceType.SICK,
                OpenShift.Status.OPEN, false, null, null, null);
    }
}
