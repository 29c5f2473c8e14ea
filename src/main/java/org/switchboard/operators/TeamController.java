package org.switchboard.operators;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
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
import org.springframework.web.bind.annotation.RestController;
import org.switchboard.shared.Roles;

/** Teams over REST under {@code /api/teams}: the teams screen. The rules are {@link TeamService}'s. */
@Tag(name = "Teams", description = "Teams of operators. Read: PLANNER, MANAGER, ADMIN; change: PLANNER, ADMIN.")
@RestController
@RequestMapping("/api/teams")
@PreAuthorize(Roles.READ_MASTER_DATA)
class TeamController {

    private final TeamService teams;

    TeamController(TeamService teams) {
        this.teams = teams;
    }

    @Schema(name = "Team")
    record TeamJson(long id, String name,
            @Schema(description = "Whether operators belong to it (then it cannot be deleted)") boolean hasOperators,
            @Schema(description = "The kinds of shift the team usually works (DAY, EVENING, NIGHT); empty: any")
            List<String> usualShiftKinds,
            @Schema(description = "Whether the roster may not give the team other kinds (true) or only weighs them"
                    + " as a cost (false)") boolean usualShiftKindsHard) {}

    @Schema(name = "TeamBody")
    record TeamBody(@Schema(maxLength = 100, requiredMode = Schema.RequiredMode.REQUIRED, example = "Aurora (day)")
            String name,
            @Schema(description = "DAY, EVENING, NIGHT; empty: any; omitted: unchanged (none for a new team)",
                    example = "[\"DAY\"]") List<String> usualShiftKinds,
            @Schema(description = "Other kinds forbidden (true) or weighed (false); omitted: unchanged (false for a"
                    + " new team)") Boolean usualShiftKindsHard) {}

    @GetMapping
    @Operation(summary = "List teams", description = "Sorted by name.")
    List<TeamJson> list() {
        return teams.list().stream().map(this::json).toList();
    }

    @GetMapping("/{id}")
    @Operation(summary = "Read one team")
    TeamJson get(@PathVariable long id) {
        return json(teams.get(id));
    }

    @PostMapping
    @PreAuthorize(Roles.EDIT_MASTER_DATA)
    @Operation(summary = "Create a team", description = "409 when another team has the name.")
    @ApiResponse(responseCode = "201", description = "Created; Location names the new team")
    ResponseEntity<TeamJson> create(@RequestBody TeamBody body) {
        Team team = new Team();
        apply(team, body);
        Team saved = teams.save(team);
        return ResponseEntity.created(URI.create("/api/teams/" + saved.getId())).body(json(saved));
    }

    @PutMapping("/{id}")
    @PreAuthorize(Roles.EDIT_MASTER_DATA)
    @Operation(summary = "Rename a team or set its usual shift kinds", description = "409 when another team has"
            + " the name; 400 for an unknown kind.")
    TeamJson replace(@PathVariable long id, @RequestBody TeamBody body) {
        Team team = teams.get(id);
        apply(team, body);
        return json(teams.save(team));
    }

    private static void apply(Team team, TeamBody body) {
        team.setName(body.name());
        if (body.usualShiftKinds() != null) {
            team.setUsualShiftKinds(new java.util.LinkedHashSet<>(body.usualShiftKinds()));
        }
        if (body.usualShiftKindsHard() != null) {
            team.setUsualShiftKindsHard(body.usualShiftKindsHard());
        }
    }

    @DeleteMapping("/{id}")
    @PreAuthorize(Roles.EDIT_MASTER_DATA)
    @Operation(summary = "Delete a team", description = "409 while operators belong to it.")
    @ApiResponse(responseCode = "204", description = "Deleted")
    ResponseEntity<Void> delete(@PathVariable long id) {
        teams.delete(teams.get(id).getId());
        return ResponseEntity.noContent().build();
    }

    private TeamJson json(Team t) {
        return new TeamJson(t.getId(), t.getName(), teams.hasOperators(t.getId()), List.copyOf(t.getUsualShiftKinds()),
                t.isUsualShiftKindsHard());
    }
}
