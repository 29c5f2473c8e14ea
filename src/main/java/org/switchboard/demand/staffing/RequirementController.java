package org.switchboard.demand.staffing;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.switchboard.demand.Queue;
import org.switchboard.demand.QueueService;
import org.switchboard.demand.forecast.DayRange;
import org.switchboard.shared.NotFoundException;
import org.switchboard.shared.Roles;
import org.switchboard.shared.Text;
import org.switchboard.shared.ValidationFailedException;

/**
 * Staffing requirements over REST under {@code /api/requirements}: the operators one queue needs per interval over
 * local days (the requirements screen), recomputing them, and an outbound queue's daily workload. The rules are
 * {@link RequirementService}'s; requirements follow forecasts, adjustments and queue targets by themselves.
 */
@Tag(name = "Requirements", description = "Required operators per queue and interval (Erlang, occupancy cap,"
        + " shrinkage). Read: PLANNER, MANAGER, ADMIN; recompute and set workloads: PLANNER, ADMIN.")
@RestController
@RequestMapping("/api/requirements")
@PreAuthorize(Roles.READ_MASTER_DATA)
class RequirementController {

    private final RequirementService requirements;
    private final QueueService queues;

    RequirementController(RequirementService requirements, QueueService queues) {
        this.requirements = requirements;
        this.queues = queues;
    }

    @Schema(name = "Requirements", description = "One queue's requirements over local days from..to")
    record RequirementsJson(long queueId, String queue, String timeZone, LocalDate from, LocalDate to,
            List<RequirementJson> intervals,
            @Schema(description = "The most positions any interval needs") int peakPositions,
            @Schema(description = "Positions × interval length, in hours") double positionHours,
            @Schema(description = "Calls over the intervals") double calls) {}

    @Schema(name = "Requirement", description = "Operators one queue needs in one interval")
    record RequirementJson(OffsetDateTime start, OffsetDateTime end, int intervalMinutes, double calls,
            double ahtSeconds,
            @Schema(description = "On the phones: Erlang result with the occupancy cap") int agents,
            @Schema(description = "To schedule: agents grossed up for shrinkage") int positions,
            @Schema(description = "Expected service level, 0..1 (1 for outbound)") double serviceLevel,
            @Schema(description = "Expected occupancy, 0..1") double occupancy,
            @Schema(description = "Expected average speed of answer (0 for outbound)") double asaSeconds) {}

    @Schema(name = "RecomputeBody", description = "Local days from..to (at most 366)")
    record RecomputeBody(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "2026-12-07") LocalDate from,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "2026-12-13") LocalDate to) {}

    @Schema(name = "OutboundWorkload", description = "An outbound queue's calls to make on each open day")
    record WorkloadJson(long queueId, int callsPerDay, int ahtSeconds) {}

    @Schema(name = "OutboundWorkloadBody")
    record WorkloadBody(@Schema(minimum = "0", maximum = "1000000", requiredMode = Schema.RequiredMode.REQUIRED)
            Integer callsPerDay,
            @Schema(minimum = "1", maximum = "7200", requiredMode = Schema.RequiredMode.REQUIRED) Integer ahtSeconds) {}

    @GetMapping("/{queueId}")
    @Operation(summary = "One queue's requirements", description = "Per interval over local days from..to (at most"
            + " 366), in time order; empty where no forecast (or workload) exists.")
    RequirementsJson get(@PathVariable long queueId,
            @Parameter(description = "First local day", example = "2026-12-07") @RequestParam
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @Parameter(description = "Last local day (included)", example = "2026-12-13") @RequestParam
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        Queue q = queues.get(queueId);
        return read(q, DayRange.of(from, to));
    }

    @PostMapping("/{queueId}/recompute")
    @PreAuthorize(Roles.EDIT_MASTER_DATA)
    @Operation(summary = "Recompute a queue's requirements", description = "From the stored (adjusted) forecast and"
            + " the queue's targets over local days from..to, and the outbound queues' that depend on them; answers"
            + " the new requirements.")
    RequirementsJson recompute(@PathVariable long queueId, @RequestBody RecomputeBody body) {
        Queue q = queues.get(queueId);
        if (body.from() == null || body.to() == null) {
            throw ValidationFailedException.of(body.from() == null ? "from" : "to",
                    Text.of("error.api.missingParameter", body.from() == null ? "from" : "to"));
        }
        DayRange range = DayRange.of(body.from(), body.to());
        ZoneId zone = ZoneId.of(q.getTimeZone());
        requirements.recompute(queueId, range.start(zone), range.end(zone));
        return read(q, range);
    }

    @GetMapping("/{queueId}/workload")
    @Operation(summary = "An outbound queue's workload", description = "404 when none is set.")
    WorkloadJson workload(@PathVariable long queueId) {
        queues.get(queueId);
        return requirements.workload(queueId).map(w -> new WorkloadJson(w.queueId(), w.callsPerDay(), w.ahtSeconds()))
                .orElseThrow(() -> new NotFoundException("Outbound workload", queueId));
    }

    @PutMapping("/{queueId}/workload")
    @PreAuthorize(Roles.EDIT_MASTER_DATA)
    @Operation(summary = "Set an outbound queue's workload", description = "Recomputes its requirements. 400 for an"
            + " inbound queue or one without opening hours.")
    WorkloadJson setWorkload(@PathVariable long queueId, @RequestBody WorkloadBody body) {
        queues.get(queueId);
        OutboundWorkload w = requirements.setWorkload(queueId, body.callsPerDay(), body.ahtSeconds());
        return new WorkloadJson(w.queueId(), w.callsPerDay(), w.ahtSeconds());
    }

    private RequirementsJson read(Queue q, DayRange range) {
        ZoneId zone = ZoneId.of(q.getTimeZone());
        List<StaffingRequirement> rows = requirements.requirements(q.getId(), range.start(zone), range.end(zone));
        List<RequirementJson> intervals = rows.stream().map(r -> new RequirementJson(
                r.start().atZone(zone).toOffsetDateTime(), r.end().atZone(zone).toOffsetDateTime(), r.intervalMinutes(),
                r.calls(), r.ahtSeconds(), r.agents(), r.positions(), r.serviceLevel(), r.occupancy(), r.asaSeconds()))
                .toList();
        return new RequirementsJson(q.getId(), q.getCode(), q.getTimeZone(), range.from(), range.to(), intervals,
                rows.stream().mapToInt(StaffingRequirement::positions).max().orElse(0),
                rows.stream().mapToDouble(r -> r.positions() * r.intervalMinutes() / 60.0).sum(),
                rows.stream().mapToDouble(StaffingRequirement::calls).sum());
    }
}
