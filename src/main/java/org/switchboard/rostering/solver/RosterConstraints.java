package org.switchboard.rostering.solver;

import static org.optaplanner.core.api.score.stream.ConstraintCollectors.average;
import static org.optaplanner.core.api.score.stream.ConstraintCollectors.count;
import static org.optaplanner.core.api.score.stream.ConstraintCollectors.max;
import static org.optaplanner.core.api.score.stream.ConstraintCollectors.countBi;
import static org.optaplanner.core.api.score.stream.ConstraintCollectors.countDistinct;
import static org.optaplanner.core.api.score.stream.ConstraintCollectors.sum;

import java.util.function.ToIntFunction;
import org.optaplanner.core.api.score.stream.Constraint;
import org.optaplanner.core.api.score.stream.ConstraintFactory;
import org.optaplanner.core.api.score.stream.ConstraintProvider;
import org.optaplanner.core.api.score.stream.Joiners;
import org.optaplanner.core.api.score.stream.bi.BiConstraintStream;
import org.optaplanner.core.api.score.stream.uni.UniConstraintStream;

/**
 * The roster rules, one method each (Bavet constraint streams). "At most one shift per day" has no method: the model
 * has one {@link OperatorDay} per operator and date. Weights are in {@link RosterWeights}; match weights are in
 * natural units (minutes, days, operators).
 *
 * <p>Under-coverage is two rules: a constant penalty for every required operator and a reward for every operator
 * covering a requirement (up to it). Their sum is the shortage, also for units nobody covers, without an
 * {@code ifNotExists} over all operator-days (which cost a third of the score speed); the weights of both are the
 * one "Under-coverage" weight ({@link RosterWeights#with}).
 *
 * <p>The custom search states the hard rules of one operator once more, in {@link OperatorRules}: a new such rule is
 * written there too ({@code OperatorRulesPropertyTest} compares the two, rule by rule).
 *
 * <p>{@code forEachIncludingNullVars} is used throughout because both planning variables are nullable (a day off
 * has no shift; slot-style operators have no queue) and plain {@code forEach} would drop such days.
 */
public class RosterConstraints implements ConstraintProvider {

    @Override
    public Constraint[] defineConstraints(ConstraintFactory f) {
        return new Constraint[] {
                unavailable(f), skillForQueue(f), nightEligible(f), minRest(f), maxMinutesPerWeek(f),
                maxMinutesPerPeriod(f), minMinutesPerPeriod(f), maxConsecutiveDays(f), minConsecutiveDaysOff(f),
                maxNightsInRow(f), restAfterNights(f), maxWeekends(f), maxShiftsOfKind(f), minConsecutiveDays(f),
                forbiddenSequence(f), maxShiftsOfTemplate(f), templateEligible(f), usualShiftKindHard(f),
                requiredOperators(f), coveredOperators(f), usualShiftKind(f), fewStartTimesPerPeriod(f),
                overCoverage(f), preferences(f), wishFairness(f), nightFairness(f), weekendFairness(f), fairHours(f),
                stableStartTimes(f), publishedChange(f) };
    }

    private static UniConstraintStream<OperatorDay> worked(ConstraintFactory f) {
        return f.forEachIncludingNullVars(OperatorDay.class).filter(OperatorDay::isWorking);
    }

    private static UniConstraintStream<OperatorDay> daysOff(ConstraintFactory f) {
        return f.forEachIncludingNullVars(OperatorDay.class).filter(d -> d.isInPeriod() && !d.isWorking());
    }

    private static UniConstraintStream<OperatorDay> nights(ConstraintFactory f) {
        return f.forEachIncludingNullVars(OperatorDay.class).filter(OperatorDay::isNight);
    }

    // Hard: no shift on a day the operator is absent or declared unavailable, nor a shift that overlaps a window of unavailability (part of a day) on its date.
    Constraint unavailable(ConstraintFactory f) {
        return worked(f)
                .filter(OperatorDay::isInPeriod)
                .join(Unavailability.class, Joiners.equal(OperatorDay::operatorId, Unavailability::operatorId),
                        Joiners.equal(OperatorDay::getDate, Unavailability::date),
                        // (Bavet may evaluate a filter on a tuple whose day has just become a day off: forbids(null) is false)
                        Joiners.filtering((d, u) -> u.forbids(d.getShift())))
                .penalizeConfigurable()
                .asConstraint(RosterWeights.UNAVAILABLE);
    }

    // Hard: a multi-skilled (call-center) operator works only a queue they are skilled for.
    Constraint skillForQueue(ConstraintFactory f) {
        return worked(f)
                .filter(d -> d.isInPeriod() && d.isRuleChecked() && d.getQueue() != null && !d.getOperator().hasSkill(d.getQueue()))
                .penalizeConfigurable()
                .asConstraint(RosterWeights.SKILL);
    }

    // Hard: night shifts only for night-eligible operators.
    Constraint nightEligible(ConstraintFactory f) {
        return nights(f)
                .filter(d -> d.isInPeriod() && d.isRuleChecked() && !d.getOperator().nightEligible())
                .penalizeConfigurable()
                .asConstraint(RosterWeights.NIGHT_ELIGIBLE);
    }

    // Hard: between the end of a shift and the start of the next, at least the contract's rest (real time, so across midnight and DST).
    Constraint minRest(ConstraintFactory f) {
        return worked(f)
                .join(worked(f), Joiners.equal(OperatorDay::operatorId),
                        Joiners.lessThan(OperatorDay::getDayIndex),
                        // the two days after a only, found by the index instead of filtering all of a's days
                        Joiners.greaterThanOrEqual(a -> a.getDayIndex() + 2, OperatorDay::getDayIndex),
                        Joiners.filtering((a, b) -> b.isInPeriod() && a.minutesUntil(b) < a.getOperator().minRestMinutes()))
                .penalizeConfigurable((a, b) -> (int) Math.max(0, a.getOperator().minRestMinutes() - a.minutesUntil(b)))
                .asConstraint(RosterWeights.MIN_REST);
    }

    // Hard: paid minutes in an ISO week at most the contract's weekly maximum.
    Constraint maxMinutesPerWeek(ConstraintFactory f) {
        return worked(f)
                .groupBy(OperatorDay::getOperator, OperatorDay::getWeekKey, sum(OperatorDay::paidMinutes),
                        max(OperatorDay::getDayIndex))
                // weeks wholly before the period (kept from the published roster) are not this roster's to fix
                .filter((op, week, minutes, lastDay) -> lastDay >= 0 && minutes > op.maxMinutesPerWeek())
                .penalizeConfigurable((op, week, minutes, lastDay) -> minutes - op.maxMinutesPerWeek())
                .asConstraint(RosterWeights.MAX_WEEK_MINUTES);
    }

    // Hard: paid minutes in the planning period at most the operator's period maximum.
    Constraint maxMinutesPerPeriod(ConstraintFactory f) {
        return worked(f)
                .filter(OperatorDay::isInPeriod)
                .groupBy(OperatorDay::getOperator, sum(OperatorDay::paidMinutes))
                .filter((op, minutes) -> minutes > op.maxMinutesPerPeriod())
                .penalizeConfigurable((op, minutes) -> minutes - op.maxMinutesPerPeriod())
                .asConstraint(RosterWeights.MAX_PERIOD_MINUTES);
    }

    // Hard: paid minutes in the planning period at least the operator's period minimum (days off count as 0).
    Constraint minMinutesPerPeriod(ConstraintFactory f) {
        return f.forEachIncludingNullVars(OperatorDay.class)
                .filter(d -> d.isInPeriod() && d.getOperator().minMinutesPerPeriod() > 0)
                .groupBy(OperatorDay::getOperator, sum(OperatorDay::paidMinutes))
                .filter((op, minutes) -> minutes < op.minMinutesPerPeriod())
                .penalizeConfigurable((op, minutes) -> op.minMinutesPerPeriod() - minutes)
                .asConstraint(RosterWeights.MIN_PERIOD_MINUTES);
    }

    // Hard: no run of more than the contract's maximum working days (each fully worked window of max+1 days counts once).
    Constraint maxConsecutiveDays(ConstraintFactory f) {
        return runsLongerThan(worked(f), SolverOperator::maxConsecutiveDays)
                .penalizeConfigurable()
                .asConstraint(RosterWeights.MAX_CONSECUTIVE_DAYS);
    }

    // Hard: a block of days off between two worked days lasts at least the contract's minimum.
    Constraint minConsecutiveDaysOff(ConstraintFactory f) {
        return worked(f)
                .join(worked(f), Joiners.equal(OperatorDay::operatorId),
                        Joiners.lessThan(a -> a.getDayIndex() + 1, OperatorDay::getDayIndex),
                        Joiners.greaterThan(a -> a.getDayIndex() + 1 + a.getOperator().minConsecutiveDaysOff(), OperatorDay::getDayIndex),
                        Joiners.filtering((a, b) -> b.isInPeriod()))
                .ifNotExistsIncludingNullVars(OperatorDay.class,
                        Joiners.equal((a, b) -> a.operatorId(), OperatorDay::operatorId),
                        Joiners.lessThan((a, b) -> a.getDayIndex(), OperatorDay::getDayIndex),
                        Joiners.greaterThan((a, b) -> b.getDayIndex(), OperatorDay::getDayIndex),
                        Joiners.filtering((a, b, c) -> c.isWorking()))
                .penalizeConfigurable((a, b) -> a.getOperator().minConsecutiveDaysOff() - (b.getDayIndex() - a.getDayIndex() - 1))
                .asConstraint(RosterWeights.MIN_DAYS_OFF);
    }

    // Hard: no run of more than the contract's maximum nights (each window of max+1 nights in a row counts once).
    Constraint maxNightsInRow(ConstraintFactory f) {
        return runsLongerThan(nights(f), SolverOperator::maxNightsInRow)
                .penalizeConfigurable()
                .asConstraint(RosterWeights.MAX_NIGHTS);
    }

    // Hard: after the last night of a block (no night on the next day), the contract's rest before the next shift.
    Constraint restAfterNights(ConstraintFactory f) {
        return nights(f)
                .ifNotExistsIncludingNullVars(OperatorDay.class, Joiners.equal(OperatorDay::operatorId),
                        Joiners.equal(a -> a.getDayIndex() + 1, OperatorDay::getDayIndex),
                        Joiners.filtering((a, next) -> next.isNight()))
                .join(worked(f), Joiners.equal(OperatorDay::operatorId),
                        Joiners.lessThan(OperatorDay::getDayIndex),
                        Joiners.greaterThanOrEqual(a -> a.getDayIndex() + 5, OperatorDay::getDayIndex),
                        Joiners.filtering((a, b) -> b.isInPeriod() && a.minutesUntil(b) < a.getOperator().minRestAfterNightsMinutes()))
                .penalizeConfigurable((a, b) -> (int) Math.max(0, a.getOperator().minRestAfterNightsMinutes() - a.minutesUntil(b)))
                .asConstraint(RosterWeights.REST_AFTER_NIGHTS);
    }

    // Hard: weekends with any work (a shift on Saturday or Sunday) per period at most the contract's maximum.
    Constraint maxWeekends(ConstraintFactory f) {
        return worked(f)
                .filter(d -> d.isInPeriod() && d.getShift() != null && d.getShift().weekend())
                .groupBy(OperatorDay::getOperator, OperatorDay::getWeekKey)
                .groupBy((op, week) -> op, countBi())
                .filter((op, n) -> n > op.maxWeekendsPerPeriod())
                .penalizeConfigurable((op, n) -> n - op.maxWeekendsPerPeriod())
                .asConstraint(RosterWeights.MAX_WEEKENDS);
    }

    // Hard: shifts of one kind (day, evening, night) in the period at most the operator's maximum for that kind.
    Constraint maxShiftsOfKind(ConstraintFactory f) {
        return worked(f)
                .filter(d -> d.isInPeriod() && !d.getOperator().maxShiftsPerKind().isEmpty())
                .groupBy(OperatorDay::getOperator, d -> d.getShift().kind(), count())
                .filter((op, kind, n) -> n > op.maxShiftsOf(kind))
                .penalizeConfigurable((op, kind, n) -> n - op.maxShiftsOf(kind))
                .asConstraint(RosterWeights.MAX_SHIFTS_OF_KIND);
    }

    // Hard: a run of working days with a day off on both sides inside the period lasts at least the contract's minimum.
    Constraint minConsecutiveDays(ConstraintFactory f) {
        // runs that touch the period's edges may continue outside it and are never too short
        return daysOff(f)
                .filter(x -> x.getOperator().minConsecutiveDays() > 1)
                .join(daysOff(f), Joiners.equal(OperatorDay::operatorId),
                        Joiners.lessThan(x -> x.getDayIndex() + 1, OperatorDay::getDayIndex),
                        Joiners.greaterThan(x -> x.getDayIndex() + 1 + x.getOperator().minConsecutiveDays(), OperatorDay::getDayIndex))
                .ifNotExistsIncludingNullVars(OperatorDay.class,
                        Joiners.equal((x, y) -> x.operatorId(), OperatorDay::operatorId),
                        Joiners.lessThan((x, y) -> x.getDayIndex(), OperatorDay::getDayIndex),
                        Joiners.greaterThan((x, y) -> y.getDayIndex(), OperatorDay::getDayIndex),
                        Joiners.filtering((x, y, c) -> !c.isWorking()))
                .penalizeConfigurable((x, y) -> x.getOperator().minConsecutiveDays() - (y.getDayIndex() - x.getDayIndex() - 1))
                .asConstraint(RosterWeights.MIN_CONSECUTIVE_DAYS);
    }

    // Hard: a shift is not followed on the next day by a shift its template forbids after it (shift rotation).
    Constraint forbiddenSequence(ConstraintFactory f) {
        return worked(f)
                .filter(a -> !a.getShift().notFollowedBy().isEmpty())
                .join(worked(f), Joiners.equal(OperatorDay::operatorId),
                        Joiners.equal(a -> a.getDayIndex() + 1, OperatorDay::getDayIndex),
                        // (Bavet may evaluate a filter on a tuple whose day has just become a day off)
                        Joiners.filtering((a, b) -> b.isInPeriod() && a.isWorking() && b.isWorking()
                                && a.getShift().forbidsNext(b.getShift())))
                .penalizeConfigurable()
                .asConstraint(RosterWeights.FORBIDDEN_SEQUENCE);
    }

    // Hard: shifts of one template in the period at most the operator's maximum for that template.
    Constraint maxShiftsOfTemplate(ConstraintFactory f) {
        return worked(f)
                .filter(d -> d.isInPeriod() && !d.getOperator().maxShiftsPerTemplate().isEmpty())
                .groupBy(OperatorDay::getOperator, d -> d.getShift().templateCode(), count())
                .filter((op, template, n) -> n > op.maxShiftsOfTemplate(template))
                .penalizeConfigurable((op, template, n) -> n - op.maxShiftsOfTemplate(template))
                .asConstraint(RosterWeights.MAX_SHIFTS_OF_TEMPLATE);
    }

    // Hard: a shift only of a template meant for the operator's contract and team (a template limited to some contracts or teams is not the others' to work).
    Constraint templateEligible(ConstraintFactory f) {
        return worked(f)
                .filter(d -> d.isInPeriod() && d.isRuleChecked()
                        && d.getOperator().ineligibleTemplates().contains(d.getShift().templateCode()))
                .penalizeConfigurable()
                .asConstraint(RosterWeights.TEMPLATE_ELIGIBLE);
    }

    // Hard: when a team's usual shift kinds are hard, its operators work only shifts of those kinds.
    Constraint usualShiftKindHard(ConstraintFactory f) {
        return worked(f)
                .filter(d -> d.isInPeriod() && d.isRuleChecked() && d.getOperator().usualKindsHard()
                        && d.getOperator().isUnusual(d.getShift()))
                .penalizeConfigurable()
                .asConstraint(RosterWeights.USUAL_KIND_HARD);
    }

    // Medium: every required operator of a demand unit counts as missing, at its step (a constant: the shortage of an empty roster; by service level, the calls the unit's operators answer in time, a few beyond the requirement included).
    Constraint requiredOperators(ConstraintFactory f) {
        return f.forEach(DemandUnit.class)
                .filter(u -> u.required() > 0)
                .penalizeConfigurable(DemandUnit::fullValue)
                .asConstraint(RosterWeights.REQUIRED);
    }

    // Medium: each operator covering a unit, up to its requirement (by service level a few beyond), is one fewer missing, worth its step (with the constant above: the steps of the operators still missing; the k-th operator of a busy interval is worth more than of a quiet one).
    Constraint coveredOperators(ConstraintFactory f) {
        return unitCoverage(f)
                .filter((u, n) -> u.required() > 0)
                .rewardConfigurable(DemandUnit::coverValue)
                .asConstraint(RosterWeights.COVERED);
    }

    // Soft: each operator beyond a unit's requirement costs the unit's surplus weight.
    Constraint overCoverage(ConstraintFactory f) {
        return unitCoverage(f)
                .filter((u, n) -> n > u.required())
                .penalizeConfigurable((u, n) -> (n - u.required()) * u.surplusWeight())
                .asConstraint(RosterWeights.OVER_COVERAGE);
    }

    // Soft: a broken shift or day-off wish costs its weight.
    Constraint preferences(ConstraintFactory f) {
        return f.forEachIncludingNullVars(OperatorDay.class)
                .join(ShiftPreference.class, Joiners.equal(OperatorDay::operatorId, ShiftPreference::operatorId),
                        Joiners.equal(OperatorDay::getDate, ShiftPreference::date))
                .filter((d, p) -> p.brokenBy(d))
                .penalizeConfigurable((d, p) -> p.weight())
                .asConstraint(RosterWeights.PREFERENCE);
    }

    // Soft: broken wishes spread fairly: each operator costs the square of their broken wishes, so one operator does not lose all of theirs.
    Constraint wishFairness(ConstraintFactory f) {
        return f.forEachIncludingNullVars(OperatorDay.class)
                .filter(OperatorDay::isInPeriod)
                .join(ShiftPreference.class, Joiners.equal(OperatorDay::operatorId, ShiftPreference::operatorId),
                        Joiners.equal(OperatorDay::getDate, ShiftPreference::date),
                        Joiners.filtering((d, p) -> p.brokenBy(d)))
                .groupBy((d, p) -> d.getOperator(), countBi())
                .penalizeConfigurable((op, n) -> n * n)
                .asConstraint(RosterWeights.WISH_FAIRNESS);
    }

    // Soft: nights spread evenly: each operator costs the square of their nights in the period.
    Constraint nightFairness(ConstraintFactory f) {
        return nights(f)
                .filter(OperatorDay::isInPeriod)
                .groupBy(OperatorDay::getOperator, count())
                .penalizeConfigurable((op, n) -> n * n)
                .asConstraint(RosterWeights.NIGHT_FAIRNESS);
    }

    // Soft: weekends spread evenly: each operator costs the square of the weekends they work in the period.
    Constraint weekendFairness(ConstraintFactory f) {
        return worked(f)
                .filter(d -> d.isInPeriod() && d.getShift().weekend())
                .groupBy(OperatorDay::getOperator, OperatorDay::getWeekKey)
                .groupBy((op, week) -> op, countBi())
                .penalizeConfigurable((op, n) -> n * n)
                .asConstraint(RosterWeights.WEEKEND_FAIRNESS);
    }

    // Soft: hours spread fairly relative to contracts: among operators with flexible hours, each costs the distance (percentage points) of their shortfall below the period maximum, as a share of it, from the average shortfall.
    Constraint fairHours(ConstraintFactory f) {
        // Not "shortfall squared": that also rewards every extra hour (filling contracts to their maximum whether or
        // not the demand needs it) and weighs a 20 h contract's shortfall like a 40 h one's. Distance from the average
        // share only spreads whatever shortfall the coverage leaves; operators with fixed hours (minimum = maximum)
        // are left out, as hard rules already give them their hours.
        var shortfall = f.forEachIncludingNullVars(OperatorDay.class)
                .filter(d -> d.isInPeriod() && d.getOperator().hasFlexibleHours())
                .groupBy(OperatorDay::getOperator, sum(OperatorDay::paidMinutes));
        return shortfall
                .join(shortfall.groupBy(average((op, minutes) -> op.shortfallPermille(minutes))))
                .filter((op, minutes, mean) -> Math.round(Math.abs(op.shortfallPermille(minutes) - mean) / 10.0) > 0)
                .penalizeConfigurable((op, minutes, mean) -> (int) Math.round(Math.abs(op.shortfallPermille(minutes) - mean) / 10.0))
                .asConstraint(RosterWeights.FAIR_HOURS);
    }

    // Soft: stable start times: per operator and ISO week, each distinct local start time beyond the first costs one.
    Constraint stableStartTimes(ConstraintFactory f) {
        return worked(f)
                .groupBy(OperatorDay::getOperator, OperatorDay::getWeekKey, countDistinct(d -> d.getShift().localStart()))
                .filter((op, week, starts) -> starts > 1)
                .penalizeConfigurable((op, week, starts) -> starts - 1)
                .asConstraint(RosterWeights.STABLE_START);
    }

    // Soft: when a team's usual shift kinds are weighted, each shift of another kind costs one.
    Constraint usualShiftKind(ConstraintFactory f) {
        return worked(f)
                .filter(d -> d.isInPeriod() && !d.getOperator().usualKindsHard() && d.getOperator().isUnusual(d.getShift()))
                .penalizeConfigurable()
                .asConstraint(RosterWeights.USUAL_KIND);
    }

    // Soft: few start times in the period: per operator, each distinct local start time beyond the first costs one (on top of the weekly rule, so the weeks do not each settle on another start).
    Constraint fewStartTimesPerPeriod(ConstraintFactory f) {
        return worked(f)
                .filter(OperatorDay::isInPeriod)
                .groupBy(OperatorDay::getOperator, countDistinct(d -> d.getShift().localStart()))
                .filter((op, starts) -> starts > 1)
                .penalizeConfigurable((op, starts) -> starts - 1)
                .asConstraint(RosterWeights.PERIOD_STARTS);
    }

    // Soft: replanning keeps the published roster: each day whose shift or queue differs from its published value costs one.
    Constraint publishedChange(ConstraintFactory f) {
        return f.forEachIncludingNullVars(OperatorDay.class)
                .filter(OperatorDay::differsFromPublished)
                .penalizeConfigurable()
                .asConstraint(RosterWeights.PUBLISHED_CHANGE);
    }

    /**
     * (unit, operators present) for every unit somebody covers. Built in one place so that under- and over-coverage
     * share the same Bavet nodes (node sharing needs the very same lambda instances) instead of each joining and
     * counting on its own.
     */
    private static BiConstraintStream<DemandUnit, Integer> unitCoverage(ConstraintFactory f) {
        return f.forEach(DemandUnit.class)
                .join(coverage(f), Joiners.equal(DemandUnit::key, k -> k))
                .groupBy((u, k) -> u, countBi());
    }

    /**
     * (first day, days) for every window of {@code max + 1} days from a day of {@code days} in which all are in
     * {@code days} (worked days, or nights): one tuple per run too long, counted once per window. Windows that end
     * before the period (kept days only) are left out.
     */
    private static BiConstraintStream<OperatorDay, Integer> runsLongerThan(UniConstraintStream<OperatorDay> days,
            ToIntFunction<SolverOperator> max) {
        return days
                .filter(a -> a.getDayIndex() + max.applyAsInt(a.getOperator()) >= 0)
                .join(days, Joiners.equal(OperatorDay::operatorId),
                        Joiners.lessThanOrEqual(OperatorDay::getDayIndex),
                        Joiners.greaterThanOrEqual(a -> a.getDayIndex() + max.applyAsInt(a.getOperator()), OperatorDay::getDayIndex))
                .groupBy((a, b) -> a, countBi())
                .filter((a, n) -> n > max.applyAsInt(a.getOperator()));
    }

    /** One tuple per (operator-day, covered demand key): the operator's presence in a unit. */
    private static UniConstraintStream<CoverKey> coverage(ConstraintFactory f) {
        return worked(f).flattenLast(OperatorDay::coverKeys);
    }
}
