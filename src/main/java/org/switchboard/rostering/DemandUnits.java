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
 * share of its calls. Every other unit (outbound, no calls, or the roster weighs operators) has no curve and weighs
 * each missing operator alike: 1, or with curves about, the average step of the curves, so an outbound operator is
 * worth what an average inbound one is.
 */
final class DemandUnits {

    private DemandUnits() {
    }

    static List<DemandUnit> of(List<StaffingRequirement> rows, int grid, LocalDate startDate, Instant periodStart,
            ZoneId zone, Map<Long, Queue> queues, CoverageAim aim) {
        long step = grid * 60L;
        List<StaffingRequirement> sorted = new ArrayList<>(rows);
        sorted.sort(Comparator.comparingLong(StaffingRequirement::queueId).thenComparing(StaffingRequirement::start));
        record Part(StaffingRequirement row, int slot, int dayIndex, String label, ServiceCurve curve) {
        }
        List<Part> parts = new ArrayList<>();
        long stepSum = 0;
        long stepCount = 0;
        for (StaffingRequirement r : sorted) {
            long offset = r.start().getEpochSecond() - periodStart.getEpochSecond();
            if (offset % step != 0) {
                throw ValidationFailedException.of("queues", Text.of("error.roster.offGrid",
                        String.valueOf(r.queueId()), String.valueOf(r.start()), grid));
            }
            Queue queue = queues.get(r.queueId());
            int count = r.intervalMinutes() / grid;
            ServiceCurve curve = aim == CoverageAim.SERVICE_LEVEL ? curve(queue, r, count) : null;
            for (int part = 0; part < count; part++) {
                Instant t = r.start().plusSeconds(part * step);
                int slot = (int) ((offset + part * step) / step);
                var local = t.atZone(zone);
                int dayIndex = (int) ChronoUnit.DAYS.between(startDate, local.toLocalDate());
                String code = queue == null ? "queue " + r.queueId() : queue.getCode();
                parts.add(new Part(r, slot, dayIndex, code + " " + local.toLocalDate() + " " + local.toLocalTime(), curve));
                if (curve != null) {
                    for (int s : curve.steps()) {
                        stepSum += s;
                        stepCount++;
                    }
                }
            }
        }
        int flat = stepCount == 0 ? 1 : (int) Math.max(1, Math.round((double) stepSum / stepCount));
        List<DemandUnit> units = new ArrayList<>(parts.size());
        for (Part p : parts) {
            units.add(new DemandUnit(units.size(), p.row().queueId(), p.slot(), p.dayIndex(), p.label(),
                    p.row().positions(), p.curve() == null ? flat : 1, 1, p.curve()));
        }
        return units;
    }

    /** The service curve of one grid part of {@code r} (one of {@code parts}); null where no service level applies. */
    private static ServiceCurve curve(Queue queue, StaffingRequirement r, int parts) {
        if (queue == null || queue.getDirection() == Direction.OUTBOUND || r.calls() <= 0 || r.ahtSeconds() <= 0
                || r.positions() <= 0) {
            return null;
        }
        if (RosterCoverage.serviceLevel(queue, r, 0) == null) {
            return null;
        }
        return ServiceCurve.of(r.calls() / parts, r.positions(), n -> {
            Double level = RosterCoverage.serviceLevel(queue, r, n);
            return level == null ? 0 : level;
        });
    }
}
