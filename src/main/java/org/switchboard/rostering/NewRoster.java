package org.switchboard.rostering;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * What a planner asks for when creating a roster.
 *
 * @param days 1 to 42; null = 28
 * @param teamIds null or empty = every team
 * @param queueIds null or empty = every queue with requirements
 * @param zone the site's time zone; null = the time zone of the operators planned (refused when they differ)
 * @param keepPublished null or true = published days in the period stay as published
 * @param weights rule name → weight ("0hard/0medium/1soft") for rules that differ from the defaults
 * @param coverageAim what a missing operator is weighed by; null = {@link CoverageAim#SERVICE_LEVEL}
 */
public record NewRoster(LocalDate startDate, Integer days, List<Long> teamIds, List<Long> queueIds, String zone,
        Boolean keepPublished, Map<String, String> weights, CoverageAim coverageAim) {

    /** A roster aiming at the service level. */
    public NewRoster(LocalDate startDate, Integer days, List<Long> teamIds, List<Long> queueIds, String zone,
            Boolean keepPublished, Map<String, String> weights) {
        this(startDate, days, teamIds, queueIds, zone, keepPublished, weights, null);
    }
}
