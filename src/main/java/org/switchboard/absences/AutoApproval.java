package org.switchboard.absences;

import java.time.Clock;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.switchboard.operators.Operator;

/**
 * The team's optional rule: a request is approved by the system, as soon as it is REQUESTED (new or moved up from the
 * waitlist), when the projected service level after it stays at or above the team's threshold (or there is no
 * projection: no calls in the affected intervals, or no roster to ask).
 */
@Component
class AutoApproval {

    static final String SYSTEM = "system";

    private final TeamRulesStore rules;
    private final AbsenceStore store;
    private final ObjectProvider<CoverageEffects> coverage;
    private final ApplicationEventPublisher events;
    private final AbsenceAudit audit;
    private final Clock clock;

    AutoApproval(TeamRulesStore rules, AbsenceStore store, ObjectProvider<CoverageEffects> coverage,
            ApplicationEventPublisher events, AbsenceAudit audit, Optional<Clock> clock) {
        this.audit = audit;
        this.rules = rules;
        this.store = store;
        this.coverage = coverage;
        this.events = events;
        this.clock = clock.orElse(Clock.systemUTC());
    }

    /** The rule's decision: approve when on and the lowest projected service level after is unknown or high enough. */
    static boolean approves(TeamAbsenceSettings settings, AbsenceImpact impact) {
        if (!settings.autoApprove()) {
            return false;
        }
        Double lowest = impact.lowestServiceLevelAfter();
        return lowest == null || lowest >= settings.threshold();
    }

    /** The absence's effect on coverage; none without module rostering. */
    AbsenceImpact impact(AbsenceSpan span) {
        CoverageEffects effects = coverage.getIfAvailable();
        return effects == null ? AbsenceImpact.none() : effects.impact(span.operatorId(), span.startsAt(), span.endsAt());
    }

    /** Approves the operator's REQUESTED absence as the system when their team's rule says so; whether it did. */
    boolean consider(AbsenceSpan span, Operator operator) {
        TeamAbsenceSettings settings = rules.settings(operator.getTeamId());
        if (!settings.autoApprove() || !approves(settings, impact(span))) {
            return false;
        }
        if (!store.approve(span.absenceId(), SYSTEM, true, clock.instant())) {
            return false;
        }
        events.publishEvent(new AbsenceApproved(span, SYSTEM, true));
        audit.approved(span, operator, AbsenceStatus.REQUESTED, true);
        return true;
    }
}
