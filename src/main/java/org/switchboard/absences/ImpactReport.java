package org.switchboard.absences;

import java.util.List;

/**
 * What a request does to coverage, for the manager deciding it: per day, queue and interval (from
 * {@link CoverageEffects}; empty without it) and the other approved absences of the same team at the time.
 */
public record ImpactReport(AbsenceEntry absence, AbsenceImpact impact, List<AbsenceEntry> otherAbsences) {

    public ImpactReport {
        otherAbsences = List.copyOf(otherAbsences);
    }
}
