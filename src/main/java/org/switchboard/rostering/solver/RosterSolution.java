package org.switchboard.rostering.solver;

import java.util.List;
import org.optaplanner.core.api.domain.constraintweight.ConstraintConfigurationProvider;
import org.optaplanner.core.api.domain.solution.PlanningEntityCollectionProperty;
import org.optaplanner.core.api.domain.solution.PlanningScore;
import org.optaplanner.core.api.domain.solution.PlanningSolution;
import org.optaplanner.core.api.domain.solution.ProblemFactCollectionProperty;
import org.optaplanner.core.api.score.buildin.hardmediumsoft.HardMediumSoftScore;

/**
 * One planning period: operators, shift options, demand units (interval or slot-style, see {@link DemandUnit}),
 * unavailability, wishes, the weights of this run, and the {@link OperatorDay}s to plan.
 */
@PlanningSolution(solutionCloner = RosterSolutionCloner.class)
public class RosterSolution {

    @ProblemFactCollectionProperty
    private List<SolverOperator> operators;
    @ProblemFactCollectionProperty
    private List<ShiftOption> shiftOptions;
    @ProblemFactCollectionProperty
    private List<DemandUnit> demandUnits;
    @ProblemFactCollectionProperty
    private List<Unavailability> unavailabilities;
    @ProblemFactCollectionProperty
    private List<ShiftPreference> preferences;
    @ConstraintConfigurationProvider
    private RosterWeights weights;
    @PlanningEntityCollectionProperty
    private List<OperatorDay> days;
    @PlanningScore
    private HardMediumSoftScore score;

    private Long timeLimitMillis;
    private SolveControl control = new SolveControl();
    /** The construction's state between its steps (on the working solution only; clones start without). */
    PatternConstruction.Progress constructionProgress;
    /** The passes' state between their steps (as above). */
    PatternSweep.Progress sweepProgress;

    public RosterSolution() {
    }

    public RosterSolution(List<SolverOperator> operators, List<ShiftOption> shiftOptions, List<DemandUnit> demandUnits,
            List<Unavailability> unavailabilities, List<ShiftPreference> preferences, RosterWeights weights,
            List<OperatorDay> days) {
        this.operators = operators;
        this.shiftOptions = shiftOptions;
        this.demandUnits = demandUnits;
        this.unavailabilities = unavailabilities;
        this.preferences = preferences;
        this.weights = weights;
        this.days = days;
    }

    public List<SolverOperator> getOperators() {
        return operators;
    }

    public List<ShiftOption> getShiftOptions() {
        return shiftOptions;
    }

    public List<DemandUnit> getDemandUnits() {
        return demandUnits;
    }

    public List<Unavailability> getUnavailabilities() {
        return unavailabilities;
    }

    public List<ShiftPreference> getPreferences() {
        return preferences;
    }

    public RosterWeights getWeights() {
        return weights;
    }

    public List<OperatorDay> getDays() {
        return days;
    }

    public HardMediumSoftScore getScore() {
        return score;
    }

    /**
     * How long this solve may run, in milliseconds, when it is shorter than the solver configuration's limit (null:
     * the configuration's). A solve the application stops after the planner's seconds (terminateEarly) is configured
     * for the maximum; the custom phases, which termination cannot interrupt, take their share of this instead.
     */
    public Long getTimeLimitMillis() {
        return timeLimitMillis;
    }

    public void setTimeLimitMillis(Long timeLimitMillis) {
        this.timeLimitMillis = timeLimitMillis;
    }

    /** {@code configured}, or {@code share} of this solve's own time limit when that is less. */
    long budgetMillis(long configured, double share) {
        return timeLimitMillis == null ? configured : Math.min(configured, (long) (timeLimitMillis * share));
    }

    /**
     * The deadline of a custom phase starting now: {@link #budgetMillis} from now, but never after the solve's own
     * deadline, and passed at once when the solve is stopped (see {@link SolveControl}).
     */
    SolveControl.Deadline phaseDeadline(long configured, double share) {
        return control.phase(budgetMillis(configured, share));
    }

    /** How this solve is ended early (its deadline, a stop); shared by the planning clones. */
    public SolveControl getControl() {
        return control;
    }

    public void setControl(SolveControl control) {
        this.control = control == null ? new SolveControl() : control;
    }

    public void setScore(HardMediumSoftScore score) {
        this.score = score;
    }

    /**
     * Covered required operator-intervals / required ones: each demand unit counts the operators working it, up to
     * its requirement; 1 when nothing is required.
     */
    public double coveredShare() {
        return coverage().coveredShare();
    }

    /**
     * The projected service level of the whole roster: over the units with a service curve (inbound queues with
     * calls, when the roster aims at the service level), the share of their calls answered within the target time
     * with the operators present, call-weighted; null without such units.
     */
    public Double serviceLevel() {
        return coverage().serviceLevel();
    }

    /** Both figures of the roster's coverage, from one count of the operators present. */
    public record Coverage(double coveredShare, Double serviceLevel) {
    }

    /** {@link #coveredShare()} and {@link #serviceLevel()} together (the status needs both at every new best). */
    public Coverage coverage() {
        java.util.Map<CoverKey, Integer> present = present();
        long required = 0;
        long covered = 0;
        double calls = 0;
        double answered = 0;
        for (DemandUnit u : demandUnits) {
            int n = present.getOrDefault(u.key(), 0);
            required += u.required();
            covered += Math.min(u.required(), n);
            if (u.curve() != null && u.curve().calls() > 0) {
                calls += u.curve().calls();
                answered += u.curve().calls() * u.curve().level(n);
            }
        }
        return new Coverage(required == 0 ? 1.0 : (double) covered / required, calls > 0 ? answered / calls : null);
    }

    /** Operators present per unit key. */
    private java.util.Map<CoverKey, Integer> present() {
        java.util.Map<CoverKey, Integer> present = new java.util.HashMap<>();
        for (OperatorDay d : days) {
            for (CoverKey k : d.coverKeys()) {
                present.merge(k, 1, Integer::sum);
            }
        }
        return present;
    }
}
