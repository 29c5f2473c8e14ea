package org.switchboard.rostering;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.switchboard.demand.Direction;
import org.switchboard.demand.Queue;
import org.switchboard.demand.staffing.StaffingRequirement;
import org.switchboard.rostering.solver.DemandUnit;
import org.switchboard.rostering.solver.ServiceCurve;
import org.switchboard.shared.Text;
import org.switchboard.shared.ValidationFailedException;

/**
 * The demand units of a call-center roster: one per queue and grid interval, with the requirement's positions, and,
 * when the roster aims at the service level ({@link CoverageAim#SERVICE_LEVEL}), the service curve of each inbound
 * interval with calls. The curve's levels are the coverage screen's projection ({@link RosterCoverage#serviceLevel}:
 * the operators present less the queue's shrinkage on the phones, the interval's forecast calls and handling time,
 * the queue's answer time and patience); a requirement interval longer than the grid gives each grid part an equal
 * share of its calls. The steps are scaled so that those up to the requirement average
 * {@link ServiceCurve#AVERAGE_STEP} medium points over the roster; every other unit (outbound, no calls, or the
 * roster weighs operators) has no curve and weighs each missing operator that average, so an outbound operator is
 * worth what an average inbound one is, and the other medium rules weigh against coverage alike under both aims.
 */
final class DemandUnits {

    private DemandUnits() {
    }

    static List<DemandUnit> of(List<StaffingRequirement> rows, int grid, LocalDate startDate, Instant periodStart,
            ZoneId zone, Map<Long, Queue> queues, CoverageAim aim, double forecastError) {
        long step = grid * 60L;
        List<StaffingRequirement> sorted = new ArrayList<>(rows);
        sorted.sort(Comparator.comparingLong(StaffingRequirement::queueId).thenComparing(StaffingRequirement::start));
        record Part(StaffingRequirement row, int slot, int dayIndex, String label, double calls, double[] levels,
                double[] answered) {
        }
        List<Part> parts = new ArrayList<>();
        // the calls answered in time per required operator, on average: what scales the steps to medium points
        double answeredSum = 0;
        long answeredCount = 0;
        for (StaffingRequirement r : sorted) {
            long offset = r.start().getEpochSecond() - periodStart.getEpochSecond();
            if (offset % step != 0) {
                throw ValidationFailedException.of("queues", Text.of("error.roster.offGrid",
                        String.valueOf(r.queueId()), String.valueOf(r.start()), grid));
            }
            Queue queue = queues.get(r.queueId());
            int count = r.intervalMinutes() / grid;
            double[] levels = aim == CoverageAim.SERVICE_LEVEL ? levels(queue, r, forecastError) : null;
            double calls = r.calls() / count;
            double[] answered = levels == null ? null : ServiceCurve.answeredSteps(calls, levels);
            for (int part = 0; part < count; part++) {
                Instant t = r.start().plusSeconds(part * step);
                int slot = (int) ((offset + part * step) / step);
                var local = t.atZone(zone);
                int dayIndex = (int) ChronoUnit.DAYS.between(startDate, local.toLocalDate());
                String code = queue == null ? "queue " + r.queueId() : queue.getCode();
                parts.add(new Part(r, slot, dayIndex, code + " " + local.toLocalDate() + " " + local.toLocalTime(),
                        calls, levels, answered));
                if (answered != null) {
                    for (int k = 0; k < r.positions(); k++) {
                        answeredSum += answered[k];
                        answeredCount++;
                    }
                }
            }
        }
        double pointsPerCall = answeredSum <= 0 ? 0 : ServiceCurve.AVERAGE_STEP * answeredCount / answeredSum;
        List<DemandUnit> units = new ArrayList<>(parts.size());
        for (Part p : parts) {
            ServiceCurve curve = p.answered() == null || pointsPerCall <= 0 ? null
                    : ServiceCurve.of(p.calls(), p.row().positions(), p.levels(), p.answered(), pointsPerCall);
            units.add(new DemandUnit(units.size(), p.row().queueId(), p.slot(), p.dayIndex(), p.label(),
                    p.row().positions(), ServiceCurve.AVERAGE_STEP, 1, curve));
        }
        return units;
    }

    /**
     * The service levels of {@code r} with 0, 1, 2, ... operators present, allowing for the forecast's error: the
     * share of the calls answered in time when an interval's calls vary around the forecast with a relative standard
     * deviation {@code spread} (a three-point Gauss–Hermite rule: the forecast with weight 2/3, and the forecast ±√3
     * spreads with 1/6 each, calls-weighted). An interval a roster staffs just to its forecast then shows what an
     * interval busier than forecast costs; on the bank week this raised the service level on the real calls by 1.4
     * points at 16 operators (docs/benchmarks.md). Null where no service level applies.
     */
    private static double[] levels(Queue queue, StaffingRequirement r, double spread) {
        if (queue == null || queue.getDirection() == Direction.OUTBOUND || r.calls() <= 0 || r.ahtSeconds() <= 0
                || r.positions() <= 0 || RosterCoverage.serviceLevel(queue, r, 0) == null) {
            return null;
        }
        if (spread <= 0) {
            return ServiceCurve.levels(r.positions(), n -> {
                Double level = RosterCoverage.serviceLevel(queue, r, n);
                return level == null ? 0 : level;
            });
        }
        // three-point Gauss-Hermite over the calls: mean and mean +- sqrt(3) sigma, weights 2/3 and 1/6 each
        double[] factors = {1 - Math.sqrt(3) * spread, 1, 1 + Math.sqrt(3) * spread};
        double[] weights = {1 / 6.0, 2 / 3.0, 1 / 6.0};
        return ServiceCurve.levels(r.positions(), n -> {
            double answered = 0;
            for (int i = 0; i < 3; i++) {
                double f = Math.max(0.05, factors[i]);
                StaffingRequirement scaled = new StaffingRequirement(r.queueId(), r.start(), r.intervalMinutes(),
                        r.calls() * f, r.ahtSeconds(), r.agents(), r.positions(), r.serviceLevel(), r.occupancy(),
                        r.asaSeconds());
                Double level = RosterCoverage.serviceLevel(queue, scaled, n);
                answered += weights[i] * f * (level == null ? 0 : level);
            }
            return answered;
        });
    }
}
