package org.switchboard.demand;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.switchboard.shared.Roles;

/**
 * Queues (skills) with their service targets and opening hours over REST under {@code /api/queues}: the queues
 * screen. The rules are {@link QueueService}'s; a change of targets recomputes the queue's staffing requirements.
 */
@Tag(name = "Queues", description = "Queues (skills) with service targets and opening hours. Read: PLANNER, MANAGER,"
        + " ADMIN; change: PLANNER, ADMIN.")
@RestController
@RequestMapping("/api/queues")
@PreAuthorize(Roles.READ_MASTER_DATA)
class QueueController {

    private final QueueService queues;

    QueueController(QueueService queues) {
        this.queues = queues;
    }

    @Schema(name = "Queue", description = "A queue; percentages 0 to 100, times in seconds")
    record QueueJson(long id, @Schema(example = "RU-GEN") String code, String name, Direction direction,
            @Schema(nullable = true, example = "ru") String language, @Schema(example = "Europe/Moscow") String timeZone,
            double serviceLevelPercent, int answerWithinSeconds,
            @Schema(nullable = true) Integer asaTargetSeconds, @Schema(nullable = true) Double abandonTargetPercent,
            @Schema(nullable = true, description = "Callers' patience: set, staffing uses Erlang A") Integer patienceSeconds,
            double maxOccupancyPercent, double shrinkagePercent, boolean active,
            @Schema(description = "Monday to Sunday; a day not listed is closed") List<OpeningHoursJson> openingHours) {

        static QueueJson of(Queue q) {
            return new QueueJson(q.getId(), q.getCode(), q.getName(), q.getDirection(), q.getLanguage(), q.getTimeZone(),
                    q.getServiceLevelPercent(), q.getAnswerWithinSeconds(), q.getAsaTargetSeconds(),
                    q.getAbandonTargetPercent(), q.getPatienceSeconds(), q.getMaxOccupancyPercent(),
                    q.getShrinkagePercent(), q.isActive(),
                    q.getOpeningHours().stream().map(h -> new OpeningHoursJson(h.day(), time(h.opens()), time(h.closes())))
                            .toList());
        }
    }

    @Schema(name = "OpeningHours", description = "The hours a queue is open on one weekday, local time; closes 00:00 ="
            + " midnight")
    record OpeningHoursJson(DayOfWeek day, @Schema(example = "08:00") String opens,
            @Schema(example = "20:00") String closes) {}

    @Schema(name = "QueueBody", description = "A queue to create, or the whole queue to replace (PUT): omitted optional"
            + " fields are cleared, omitted fields with a default take it")
    record QueueBody(
            @Schema(pattern = "[A-Z0-9_-]{2,16}", requiredMode = Schema.RequiredMode.REQUIRED, example = "RU-GEN") String code,
            @Schema(maxLength = 100, requiredMode = Schema.RequiredMode.REQUIRED) String name,
            @Schema(description = "Default INBOUND") Direction direction,
            @Schema(pattern = "[a-z]{2,3}") String language,
            @Schema(description = "Default Europe/Moscow") String timeZone,
            @Schema(description = "Default 80") Double serviceLevelPercent,
            @Schema(description = "Default 20") Integer answerWithinSeconds,
            Integer asaTargetSeconds,
            Double abandonTargetPercent,
            Integer patienceSeconds,
            @Schema(description = "Default 85") Double maxOccupancyPercent,
            @Schema(description = "Default 30") Double shrinkagePercent,
            @Schema(description = "Default true") Boolean active,
            @Schema(description = "Required for an active inbound queue") List<OpeningHoursBody> openingHours) {}

    @Schema(name = "OpeningHoursBody")
    record OpeningHoursBody(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) DayOfWeek day,
            @Schema(type = "string", example = "08:00", requiredMode = Schema.RequiredMode.REQUIRED) LocalTime opens,
            @Schema(type = "string", example = "20:00", requiredMode = Schema.RequiredMode.REQUIRED) LocalTime closes) {}

    @GetMapping
    @Operation(summary = "List queues", description = "Sorted by code.")
    List<QueueJson> list(
            @Parameter(description = "Only active (true) or inactive (false) ones") @RequestParam(required = false) Boolean active,
            @Parameter(description = "Only inbound or outbound ones") @RequestParam(required = false) Direction direction) {
        return queues.list().stream()
                .filter(q -> active == null || active == q.isActive())
                .filter(q -> direction == null || direction == q.getDirection())
                .map(QueueJson::of).toList();
    }

    @GetMapping("/{id}")
    @Operation(summary = "Read one queue")
    QueueJson get(@PathVariable long id) {
        return QueueJson.of(queues.get(id));
    }

    @PostMapping
    @PreAuthorize(Roles.EDIT_MASTER_DATA)
    @Operation(summary = "Create a queue", description = "409 when another queue has the code.")
    @ApiResponse(responseCode = "201", description = "Created; Location names the new queue")
    ResponseEntity<QueueJson> create(@RequestBody QueueBody body) {
        Queue saved = queues.save(apply(new Queue(), body));
        return ResponseEntity.created(URI.create("/api/queues/" + saved.getId())).body(QueueJson.of(saved));
    }

    @PutMapping("/{id}")
    @PreAuthorize(Roles.EDIT_MASTER_DATA)
    @Operation(summary = "Replace a queue", description = "409 when another queue has the code. New targets recompute"
            + " the queue's staffing requirements.")
    QueueJson replace(@PathVariable long id, @RequestBody QueueBody body) {
        return QueueJson.of(queues.save(apply(queues.get(id), body)));
    }

    @DeleteMapping("/{id}")
    @PreAuthorize(Roles.EDIT_MASTER_DATA)
    @Operation(summary = "Delete a queue", description = "With its history, forecasts and requirements. 409 while"
            + " operators have it as a skill or shifts name it: deactivate it instead.")
    @ApiResponse(responseCode = "204", description = "Deleted")
    ResponseEntity<Void> delete(@PathVariable long id) {
        queues.delete(queues.get(id).getId());
        return ResponseEntity.noContent().build();
    }

    private static Queue apply(Queue q, QueueBody b) {
        Queue defaults = new Queue();
        q.setCode(b.code());
        q.setName(b.name());
        q.setDirection(or(b.direction(), defaults.getDirection()));
        q.setLanguage(b.language());
        q.setTimeZone(or(b.timeZone(), defaults.getTimeZone()));
        q.setServiceLevelPercent(or(b.serviceLevelPercent(), defaults.getServiceLevelPercent()));
        q.setAnswerWithinSeconds(or(b.answerWithinSeconds(), defaults.getAnswerWithinSeconds()));
        q.setAsaTargetSeconds(b.asaTargetSeconds());
        q.setAbandonTargetPercent(b.abandonTargetPercent());
        q.setPatienceSeconds(b.patienceSeconds());
        q.setMaxOccupancyPercent(or(b.maxOccupancyPercent(), defaults.getMaxOccupancyPercent()));
        q.setShrinkagePercent(or(b.shrinkagePercent(), defaults.getShrinkagePercent()));
        q.setActive(or(b.active(), defaults.isActive()));
        List<OpeningHours> hours = new ArrayList<>();
        if (b.openingHours() != null) {
            for (OpeningHoursBody h : b.openingHours()) {
                hours.add(h == null ? new OpeningHours(null, null, null)
                        : new OpeningHours(h.day() == null ? null : h.day().getValue(), h.opens(), h.closes()));
            }
        }
        q.setOpeningHours(hours);
        return q;
    }

    private static <T> T or(T value, T otherwise) {
        return value == null ? otherwise : value;
    }

    private static String time(LocalTime t) {
        return t == null ? null : t.toString();
    }
}
