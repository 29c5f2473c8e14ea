package org.switchboard.rostering;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
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
 * Shift templates over REST under {@code /api/shift-templates}: the shift templates screen, with the derived times and
 * kinds. The rules are {@link ShiftTemplateService}'s.
 */
@Tag(name = "Shift templates", description = "Shift patterns: start (or start window), length and breaks; day, evening"
        + " or night is derived; optionally limited to some contracts and/or teams. Read: PLANNER, MANAGER, ADMIN; change: PLANNER, ADMIN.")
@RestController
@RequestMapping("/api/shift-templates")
@PreAuthorize(Roles.READ_MASTER_DATA)
class ShiftTemplateController {

    private final ShiftTemplateService templates;

    ShiftTemplateController(ShiftTemplateService templates) {
        this.templates = templates;
    }

    @Schema(name = "ShiftTemplate", description = "A shift template; times HH:mm in the site's local time, durations"
            + " in minutes")
    record ShiftTemplateJson(long id, @Schema(example = "D07") String code, String name,
            @Schema(example = "07:00") String startTime,
            @Schema(nullable = true, description = "Latest start of a start window; null: fixed start") String latestStartTime,
            @Schema(nullable = true, description = "Minutes between the starts of a window") Integer startStepMinutes,
            int lengthMinutes, boolean active, List<ShiftBreakJson> breaks,
            @Schema(description = "Derived: every start the template offers") List<String> startTimes,
            @Schema(description = "Derived: end of the earliest start (may be on the next day)") String endTime,
            @Schema(description = "Derived: whether the earliest start ends on the next day") boolean endsNextDay,
            @Schema(description = "Derived: length minus unpaid breaks") int paidMinutes,
            @Schema(description = "Derived: the kinds over all starts") List<ShiftKind> kinds,
            @Schema(description = "The contracts (ids) that may work it; empty: every contract") List<Long> contractIds,
            @Schema(description = "The teams (ids) that may work it; empty: every team") List<Long> teamIds) {}

    @Schema(name = "ShiftBreak", description = "A break: minutes after the shift's start; with latestOffsetMinutes it"
            + " floats between the two")
    record ShiftBreakJson(int offsetMinutes, int lengthMinutes, boolean paid,
            @Schema(nullable = true) Integer latestOffsetMinutes) {}

    @Schema(name = "ShiftTemplateBody", description = "A template to create, or the whole template to replace (PUT):"
            + " omitted optional fields are cleared, omitted fields with a default take it")
    record ShiftTemplateBody(
            @Schema(pattern = "[A-Z0-9_-]{1,8}", requiredMode = Schema.RequiredMode.REQUIRED, example = "D07") String code,
            @Schema(maxLength = 100, requiredMode = Schema.RequiredMode.REQUIRED) String name,
            @Schema(type = "string", example = "07:00", requiredMode = Schema.RequiredMode.REQUIRED) LocalTime startTime,
            @Schema(type = "string", example = "10:00") LocalTime latestStartTime,
            @Schema(minimum = "1", maximum = "720") Integer startStepMinutes,
            @Schema(minimum = "15", maximum = "960", requiredMode = Schema.RequiredMode.REQUIRED) Integer lengthMinutes,
            @Schema(description = "Default true") Boolean active,
            List<ShiftBreakBody> breaks,
            @Schema(description = "Only operators on these contracts (ids) may work it; omitted or empty: every"
                    + " contract") List<Long> contractIds,
            @Schema(description = "Only operators of these teams (ids) may work it; omitted or empty: every team")
            List<Long> teamIds) {}

    @Schema(name = "ShiftBreakBody")
    record ShiftBreakBody(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) Integer offsetMinutes,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) Integer lengthMinutes,
            @Schema(description = "Default false") Boolean paid, Integer latestOffsetMinutes) {}

    @GetMapping
    @Operation(summary = "List shift templates", description = "By start time, then code.")
    List<ShiftTemplateJson> list(
            @Parameter(description = "Only active (true) or inactive (false) ones") @RequestParam(required = false) Boolean active) {
        return templates.list().stream().filter(t -> active == null || active == t.isActive()).map(this::json).toList();
    }

    @GetMapping("/{id}")
    @Operation(summary = "Read one shift template")
    ShiftTemplateJson get(@PathVariable long id) {
        return json(templates.get(id));
    }

    @PostMapping
    @PreAuthorize(Roles.EDIT_MASTER_DATA)
    @Operation(summary = "Create a shift template", description = "409 when another template has the code.")
    @ApiResponse(responseCode = "201", description = "Created; Location names the new template")
    ResponseEntity<ShiftTemplateJson> create(@RequestBody ShiftTemplateBody body) {
        ShiftTemplate saved = templates.save(apply(new ShiftTemplate(), body));
        return ResponseEntity.created(URI.create("/api/shift-templates/" + saved.getId())).body(json(saved));
    }

    @PutMapping("/{id}")
    @PreAuthorize(Roles.EDIT_MASTER_DATA)
    @Operation(summary = "Replace a shift template", description = "409 when another template has the code.")
    ShiftTemplateJson replace(@PathVariable long id, @RequestBody ShiftTemplateBody body) {
        return json(templates.save(apply(templates.get(id), body)));
    }

    @DeleteMapping("/{id}")
    @PreAuthorize(Roles.EDIT_MASTER_DATA)
    @Operation(summary = "Delete a shift template", description = "Rosters keep the shifts already planned with it.")
    @ApiResponse(responseCode = "204", description = "Deleted")
    ResponseEntity<Void> delete(@PathVariable long id) {
        templates.delete(templates.get(id).getId());
        return ResponseEntity.noContent().build();
    }

    private static ShiftTemplate apply(ShiftTemplate t, ShiftTemplateBody b) {
        ShiftTemplate defaults = new ShiftTemplate();
        t.setCode(b.code());
        t.setName(b.name());
        t.setStartTime(b.startTime());
        t.setLatestStartTime(b.latestStartTime());
        t.setStartStepMinutes(b.startStepMinutes());
        t.setLengthMinutes(b.lengthMinutes());
        t.setActive(b.active() == null ? defaults.isActive() : b.active());
        List<ShiftBreak> breaks = new ArrayList<>();
        if (b.breaks() != null) {
            for (ShiftBreakBody x : b.breaks()) {
                breaks.add(x == null ? new ShiftBreak(null, null, false)
                        : new ShiftBreak(x.offsetMinutes(), x.lengthMinutes(), Boolean.TRUE.equals(x.paid()),
                                x.latestOffsetMinutes()));
            }
        }
        t.setBreaks(breaks);
        t.setContractIds(b.contractIds());
        t.setTeamIds(b.teamIds());
        return t;
    }

    private ShiftTemplateJson json(ShiftTemplate t) {
        ShiftKindRules rules = templates.rules();
        return new ShiftTemplateJson(t.getId(), t.getCode(), t.getName(), time(t.getStartTime()),
                time(t.getLatestStartTime()), t.getStartStepMinutes(), t.getLengthMinutes(), t.isActive(),
                t.getBreaks().stream().map(b -> new ShiftBreakJson(b.offsetMinutes(), b.lengthMinutes(), b.paid(),
                        b.latestOffsetMinutes())).toList(),
                t.startTimes().stream().map(ShiftTemplateController::time).toList(), time(t.endTime()), t.endsNextDay(),
                t.paidMinutes(), t.kinds(rules), List.copyOf(t.getContractIds()), List.copyOf(t.getTeamIds()));
    }

    private static String time(LocalTime t) {
        return t == null ? null : t.toString();
    }
}
