package org.switchboard.rostering.solver;

import org.optaplanner.core.api.domain.constraintweight.ConstraintConfiguration;
import org.optaplanner.core.api.domain.constraintweight.ConstraintWeight;
import org.optaplanner.core.api.score.buildin.hardmediumsoft.HardMediumSoftScore;

/**
 * The weight of every rule, configurable per run (and stored with the roster). A rule's score is its weight times
 * the match weight computed in {@link RosterConstraints} (minutes short, days too many, operators missing, ...).
 * Setting a weight to zero switches the rule off.
 *
 * <p>Rules counted in days, runs, weekends or shifts weigh 1000 per count, more than any shift's paid minutes (at
 * most 960), so a first-fit construction never buys contract minutes with a day too many in a row or a break too
 * short: with 100 it did (a 36 h night contract took a fifth day in a row instead of falling 120 minutes short), and
 * such a roster needs two simultaneous changes to repair.
 */
@ConstraintConfiguration
public class RosterWeights {

    public static final String UNAVAILABLE = "Work on an unavailable day";
    public static final String SKILL = "Skill required for the queue";
    public static final String NIGHT_ELIGIBLE = "Night shift for an operator who may not work nights";
    public static final String MIN_REST = "Minimum rest between shifts";
    public static final String MAX_WEEK_MINUTES = "Maximum hours per week";
    public static final String MAX_PERIOD_MINUTES = "Maximum hours per period";
    public static final String MIN_PERIOD_MINUTES = "Minimum hours per period";
    public static final String MAX_CONSECUTIVE_DAYS = "Maximum working days in a row";
    public static final String MIN_DAYS_OFF = "Minimum days off in a row";
    public static final String MAX_NIGHTS = "Maximum nights in a row";
    public static final String REST_AFTER_NIGHTS = "Rest after a block of nights";
    public static final String MAX_WEEKENDS = "Maximum weekends per period";
    public static final String MAX_SHIFTS_OF_KIND = "Maximum shifts of a kind per period";
    public static final String MIN_CONSECUTIVE_DAYS = "Minimum working days in a row";
    public static final String FORBIDDEN_SEQUENCE = "Forbidden shift sequence";
    public static final String MAX_SHIFTS_OF_TEMPLATE = "Maximum shifts of a template per period";
    public static final String TEMPLATE_ELIGIBLE = "Shift template for the operator's contract and team";
    public static final String USUAL_KIND_HARD = "Team's usual shift kinds (hard)";
    /** The weighted variant of {@link #USUAL_KIND_HARD}: a team's setting says which one applies. */
    public static final String USUAL_KIND = "Team's usual shift kinds";
    public static final String PERIOD_STARTS = "Few start times per period";
    /** The weight planners set for a missing operator; it sets {@link #REQUIRED} and {@link #COVERED}. */
    public static final String UNDER_COVERAGE = "Under-coverage";
    public static final String REQUIRED = "Required operators";
    public static final String COVERED = "Covered operators";
    public static final String OVER_COVERAGE = "Over-coverage";
    public static final String PREFERENCE = "Shift and day-off preferences";
    public static final String WISH_FAIRNESS = "Fair share of granted wishes";
    public static final String NIGHT_FAIRNESS = "Fair distribution of nights";
    public static final String WEEKEND_FAIRNESS = "Fair distribution of weekends";
    public static final String FAIR_HOURS = "Fair hours relative to contract";
    public static final String STABLE_START = "Stable start times within a week";
    public static final String PUBLISHED_CHANGE = "Changes to the published roster";

    @ConstraintWeight(UNAVAILABLE)
    private HardMediumSoftScore unavailable = HardMediumSoftScore.ofHard(10);
    @ConstraintWeight(SKILL)
    private HardMediumSoftScore skill = HardMediumSoftScore.ofHard(10);
    @ConstraintWeight(NIGHT_ELIGIBLE)
    private HardMediumSoftScore nightEligible = HardMediumSoftScore.ofHard(10);
    /** per minute short */
    @ConstraintWeight(MIN_REST)
    private HardMediumSoftScore minRest = HardMediumSoftScore.ofHard(1);
    /** per minute over */
    @ConstraintWeight(MAX_WEEK_MINUTES)
    private HardMediumSoftScore maxWeekMinutes = HardMediumSoftScore.ofHard(1);
    /** per minute over */
    @ConstraintWeight(MAX_PERIOD_MINUTES)
    private HardMediumSoftScore maxPeriodMinutes = HardMediumSoftScore.ofHard(1);
    /** per minute short */
    @ConstraintWeight(MIN_PERIOD_MINUTES)
    private HardMediumSoftScore minPeriodMinutes = HardMediumSoftScore.ofHard(1);
    /** per run of too many days */
    @ConstraintWeight(MAX_CONSECUTIVE_DAYS)
    private HardMediumSoftScore maxConsecutiveDays = HardMediumSoftScore.ofHard(1000);
    /** per day missing from a block off */
    @ConstraintWeight(MIN_DAYS_OFF)
    private HardMediumSoftScore minDaysOff = HardMediumSoftScore.ofHard(1000);
    /** per run of too many nights */
    @ConstraintWeight(MAX_NIGHTS)
    private HardMediumSoftScore maxNights = HardMediumSoftScore.ofHard(1000);
    /** per minute short */
    @ConstraintWeight(REST_AFTER_NIGHTS)
    private HardMediumSoftScore restAfterNights = HardMediumSoftScore.ofHard(1);
    /** per weekend over */
    @ConstraintWeight(MAX_WEEKENDS)
    private HardMediumSoftScore maxWeekends = HardMediumSoftScore.ofHard(1000);
    /** per shift over */
    @ConstraintWeight(MAX_SHIFTS_OF_KIND)
    private HardMediumSoftScore maxShiftsOfKind = HardMediumSoftScore.ofHard(1000);
    /** per day missing from a run */
    @ConstraintWeight(MIN_CONSECUTIVE_DAYS)
    private HardMediumSoftScore minConsecutiveDays = HardMediumSoftScore.ofHard(1000);
    /** per forbidden pair of shifts on consecutive days */
    @ConstraintWeight(FORBIDDEN_SEQUENCE)
    private HardMediumSoftScore forbiddenSequence = HardMediumSoftScore.ofHard(1000);
    /** per shift over */
    @ConstraintWeight(MAX_SHIFTS_OF_TEMPLATE)
    private HardMediumSoftScore maxShiftsOfTemplate = HardMediumSoftScore.ofHard(1000);
    /** per shift of a template not meant for the operator's contract or team */
    @ConstraintWeight(TEMPLATE_ELIGIBLE)
    private HardMediumSoftScore templateEligible = HardMediumSoftScore.ofHard(10);
    /** per shift of another kind than the team's usual ones, when the team's setting is hard */
    @ConstraintWeight(USUAL_KIND_HARD)
    private HardMediumSoftScore usualKindHard = HardMediumSoftScore.ofHard(10);
    /** per missing operator × unit shortage weight (or its service curve's step) */
    @ConstraintWeight(COVERED)
    private HardMediumSoftScore covered = HardMediumSoftScore.ofMedium(1);
    /** per required operator × unit shortage weight (a constant), always equal to {@link #covered} */
    @ConstraintWeight(REQUIRED)
    private HardMediumSoftScore required = HardMediumSoftScore.ofMedium(1);
    /** per surplus operator × unit surplus weight */
    @ConstraintWeight(OVER_COVERAGE)
    private HardMediumSoftScore overCoverage = HardMediumSoftScore.ofSoft(1);
    /** per broken wish × its weight */
    @ConstraintWeight(PREFERENCE)
    private HardMediumSoftScore preference = HardMediumSoftScore.ofSoft(10);
    /**
     * per operator: broken wishes squared (on top of {@link #PREFERENCE}: four operators losing a wish each cost 4
     * here, one operator losing four cost 16)
     */
    @ConstraintWeight(WISH_FAIRNESS)
    private HardMediumSoftScore wishFairness = HardMediumSoftScore.ofSoft(5);
    /** per operator: nights squared */
    @ConstraintWeight(NIGHT_FAIRNESS)
    private HardMediumSoftScore nightFairness = HardMediumSoftScore.ofSoft(1);

    /** per operator: weekends worked squared */
    @ConstraintWeight(WEEKEND_FAIRNESS)
    private HardMediumSoftScore weekendFairness = HardMediumSoftScore.ofSoft(1);
    /** per percentage point an operator's shortfall (share of the period maximum) is off the average */
    @ConstraintWeight(FAIR_HOURS)
    private HardMediumSoftScore fairHours = HardMediumSoftScore.ofSoft(1);
    /**
     * per operator and week: per distinct start time beyond the first. Medium, like a quarter hour of one operator
     * short (an average operator-interval is {@link ServiceCurve#AVERAGE_STEP} medium points): at soft level no start time ever weighed against coverage, and the demo center's 4 weeks had 5.4
     * start times per operator (2.6 a week); at a quarter hour (with {@link #PERIOD_STARTS}) 3.5 (2.2), coverage as before
     * (measured by DemoRosterBenchmarkTest, issue 24).
     */
    @ConstraintWeight(STABLE_START)
    private HardMediumSoftScore stableStart = HardMediumSoftScore.ofMedium(ServiceCurve.AVERAGE_STEP);
    /**
     * per shift of another kind than the team's usual ones, when the team's setting is weighted: medium, as an hour of
     * one operator short (a team takes another kind when that covers more than an hour of shortage); the custom search
     * sees it too (Residual). At soft level the demo's teams kept 527 of 1193 shifts of another kind, at an hour 268.
     */
    @ConstraintWeight(USUAL_KIND)
    private HardMediumSoftScore usualKind = HardMediumSoftScore.ofMedium(4 * ServiceCurve.AVERAGE_STEP);
    /** per operator: per distinct start time in the period beyond the first (medium: see {@link #STABLE_START}) */
    @ConstraintWeight(PERIOD_STARTS)
    private HardMediumSoftScore periodStarts = HardMediumSoftScore.ofMedium(ServiceCurve.AVERAGE_STEP);
    /** per day whose shift or queue differs from the published one */
    @ConstraintWeight(PUBLISHED_CHANGE)
    private HardMediumSoftScore publishedChange = HardMediumSoftScore.ofSoft(100);

    /** What the coverage rule weighs a missing operator by (not a weight: read when the demand units are built). */
    private org.switchboard.rostering.CoverageAim coverageAim = org.switchboard.rostering.CoverageAim.SERVICE_LEVEL;

    public RosterWeights() {
    }

    public org.switchboard.rostering.CoverageAim getCoverageAim() {
        return coverageAim;
    }

    /** Sets the aim (null: the default, the service level). */
    public RosterWeights withCoverageAim(org.switchboard.rostering.CoverageAim aim) {
        this.coverageAim = aim == null ? org.switchboard.rostering.CoverageAim.SERVICE_LEVEL : aim;
        return this;
    }

    /** The weight of one rule by its constraint name (as in the constants above; under-coverage: its one weight). */
    public HardMediumSoftScore weight(String constraintName) {
        String name = constraintName.equals(UNDER_COVERAGE) || constraintName.equals(REQUIRED) ? COVERED : constraintName;
        try {
            return (HardMediumSoftScore) field(name).get(this);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Sets one weight by its constraint name (as in the constants above). */
    public RosterWeights with(String constraintName, HardMediumSoftScore weight) {
        if (constraintName.equals(UNDER_COVERAGE) || constraintName.equals(REQUIRED) || constraintName.equals(COVERED)) {
            // the two halves of under-coverage must weigh the same, or their sum is not the shortage
            this.required = weight;
            this.covered = weight;
            return this;
        }
        try {
            field(constraintName).set(this, weight);
            return this;
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    private static java.lang.reflect.Field field(String constraintName) {
        for (var field : RosterWeights.class.getDeclaredFields()) {
            ConstraintWeight cw = field.getAnnotation(ConstraintWeight.class);
            if (cw != null && cw.value().equals(constraintName)) {
                return field;
            }
        }
        throw new IllegalArgumentException("Unknown constraint: " + constraintName);
    }
}
