package org.switchboard.absences;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

/**
 * The effect of an absence on coverage (see {@link CoverageEffects#impact}): per affected date and queue, every
 * interval the absent operator's published shifts touch.
 */
public record AbsenceImpact(List<QueueDay> days) {

    public AbsenceImpact {
        days = List.copyOf(days);
    }

    public static AbsenceImpact none() {
        return new AbsenceImpact(List.of());
    }

    /**
     * @param targetServiceLevel the queue's target as a fraction; null for outbound queues
     */
    public record QueueDay(LocalDate date, long queueId, String queueCode, Double targetServiceLevel,
            List<Interval> intervals) {

        public QueueDay {
            intervals = List.copyOf(intervals);
        }

        /** Call-weighted projected service level of the day before the absence (null without calls). */
        public Double serviceLevelBefore() {
            return weighted(true);
        }

        /** Call-weighted projected service level of the day after the absence (null without calls). */
        public Double serviceLevelAfter() {
            return weighted(false);
        }

        private Double weighted(boolean before) {
            double calls = 0;
            double answered = 0;
            for (Interval i : intervals) {
                Double sl = before ? i.serviceLevelBefore() : i.serviceLevelAfter();
                if (sl != null && i.calls() > 0) {
                    calls += i.calls();
                    answered += sl * i.calls();
                }
            }
            return calls == 0 ? null : answered / calls;
        }
    }

    /**
     * One requirement interval.
     *
     * @param time the interval's start as the site's local time of day
     * @param required operators to schedule
     * @param scheduledBefore operators on the queue now (breaks taken out)
     * @param scheduledAfter operators on the queue without the absent operator
     * @param serviceLevelBefore projected fraction answered in time now; null for outbound queues or no calls
     */
    public record Interval(Instant start, LocalTime time, int minutes, double calls, int required,
            double scheduledBefore, double scheduledAfter, Double serviceLevelBefore, Double serviceLevelAfter) {
    }

    /** The lowest call-weighted day service level after the absence over the affected queue-days (null: no calls). */
    public Double lowestServiceLevelAfter() {
        return days.stream().map(QueueDay::serviceLevelAfter).filter(java.util.Objects::nonNull)
                .min(Double::compare).orElse(null);
    }
}
