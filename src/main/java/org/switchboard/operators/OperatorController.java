package org.switchboard.operators;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
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
import org.springframework.web.util.UriUtils;
import org.switchboard.demand.QueueService;
import org.switchboard.security.UserAccount;
import org.switchboard.security.UserAccountService;
import org.switchboard.shared.Roles;
import org.switchboard.shared.Text;
import org.switchboard.shared.ValidationFailedException;

/**
 * Operators over REST under {@code /api/operators/{employeeNumber}} (the employee number names an operator everywhere
 * in the API, as in {@code /api/operators/{employeeNumber}/availability}): the operators screen's list, record and
 * form. Planners, managers and admins read; planners and admins change. The rules are {@link OperatorService}'s.
 */
@Tag(name = "Operators", description = "Operators with team, grade, contract, skills and linked sign-in. Read:"
        + " PLANNER, MANAGER, ADMIN; change: PLANNER, ADMIN.")
@RestController
@RequestMapping("/api/operators")
@PreAuthorize(Roles.READ_MASTER_DATA)
class OperatorController {

    private final OperatorService operators;
    private final TeamService teams;
    private final ContractService contracts;
    private final QueueService queues;
    private final UserAccountService accounts;

    OperatorController(OperatorService operators, TeamService teams, ContractService contracts, QueueService queues,
            UserAccountService accounts) {
        this.operators = operators;
        this.teams = teams;
        this.contracts = contracts;
        this.queues = queues;
        this.accounts = accounts;
    }

    @Schema(name = "Operator", description = "An operator as the API shows it")
    record OperatorJson(
            @Schema(description = "Internal id") long id,
            @Schema(description = "The operator's key in the API", example = "E1001") String employeeNumber,
            String firstName,
            String lastName,
            long teamId,
            @Schema(description = "The team's name") String team,
            Grade grade,
            long contractId,
            @Schema(description = "The contract's name") String contract,
            boolean nightEligible,
            @Schema(example = "Europe/Moscow") String timeZone,
            @Schema(description = "The linked sign-in, null when none", nullable = true) String username,
            boolean active,
            @Schema(description = "Queues the operator works, highest proficiency first") List<OperatorSkillJson> skills) {}

    @Schema(name = "OperatorSkill")
    record OperatorSkillJson(long queueId, @Schema(description = "The queue's code", example = "RU-GEN") String queue,
            @Schema(minimum = "1", maximum = "5", description = "1 (learning) to 5 (expert)") int proficiency) {}

    @Schema(name = "OperatorBody", description = "An operator to create, or the whole record to replace (PUT):"
            + " omitted optional fields are cleared, omitted fields with a default take it")
    record OperatorBody(
            @Schema(example = "E2001", maxLength = 20, pattern = "[A-Za-z0-9-]{1,20}", requiredMode = Schema.RequiredMode.REQUIRED)
            String employeeNumber,
            @Schema(maxLength = 100, requiredMode = Schema.RequiredMode.REQUIRED) String firstName,
            @Schema(maxLength = 100, requiredMode = Schema.RequiredMode.REQUIRED) String lastName,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) Long teamId,
            @Schema(description = "Default REGULAR") Grade grade,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) Long contractId,
            @Schema(description = "Default false; only under a contract that allows nights") Boolean nightEligible,
            @Schema(description = "Default Europe/Moscow", example = "Europe/Moscow") String timeZone,
            @Schema(description = "The sign-in to link (an existing user name); omitted or empty: none") String username,
            @Schema(description = "Default true") Boolean active,
            @Schema(description = "At least one for an active operator; each queue once") List<OperatorSkillBody> skills) {}

    @Schema(name = "OperatorSkillBody")
    record OperatorSkillBody(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) Long queueId,
            @Schema(minimum = "1", maximum = "5", requiredMode = Schema.RequiredMode.REQUIRED) Integer proficiency) {}

    @GetMapping
    @Operation(summary = "List operators", description = "Sorted by last and first name; the filters combine."
            + " Operators (the role) may not list their colleagues: 403.")
    List<OperatorJson> list(
            @Parameter(description = "Only this team's") @RequestParam(required = false) Long teamId,
            @Parameter(description = "Only those with a skill in this queue") @RequestParam(required = false) Long queueId,
            @Parameter(description = "Only active (true) or inactive (false) ones") @RequestParam(required = false) Boolean active) {
        Names names = names();
        return operators.list().stream()
                .filter(o -> teamId == null || teamId.equals(o.getTeamId()))
                .filter(o -> queueId == null || o.getSkills().stream().anyMatch(s -> queueId.equals(s.queueId())))
                .filter(o -> active == null || active == o.isActive())
                .map(names::json).toList();
    }

    @GetMapping("/{employeeNumber}")
    @Operation(summary = "Read one operator")
    OperatorJson get(@PathVariable String employeeNumber) {
        return names().json(operators.byEmployeeNumber(employeeNumber));
    }

    @PostMapping
    @PreAuthorize(Roles.EDIT_MASTER_DATA)
    @Operation(summary = "Create an operator", description = "409 when the employee number or the sign-in is taken.")
    @ApiResponse(responseCode = "201", description = "Created; Location names the new operator")
    ResponseEntity<OperatorJson> create(@RequestBody OperatorBody body) {
        OperatorJson saved = save(new Operator(), body);
        return ResponseEntity.created(location(saved.employeeNumber())).body(saved);
    }

    @PutMapping("/{employeeNumber}")
    @PreAuthorize(Roles.EDIT_MASTER_DATA)
    @Operation(summary = "Replace an operator", description = "The whole record, as on create (the employee number may"
            + " change). 409 when the new employee number or the sign-in is taken.")
    OperatorJson replace(@PathVariable String employeeNumber, @RequestBody OperatorBody body) {
        return save(operators.byEmployeeNumber(employeeNumber), body);
    }

    @PostMapping("/{employeeNumber}/deactivate")
    @PreAuthorize(Roles.EDIT_MASTER_DATA)
    @Operation(summary = "Deactivate an operator", description = "Kept with their history, but no longer planned.")
    OperatorJson deactivate(@PathVariable String employeeNumber) {
        Operator o = operators.byEmployeeNumber(employeeNumber);
        o.setActive(false);
        return names().json(operators.save(o));
    }

    @DeleteMapping("/{employeeNumber}")
    @PreAuthorize(Roles.EDIT_MASTER_DATA)
    @Operation(summary = "Delete an operator", description = "409 while rosters or absences still name the operator:"
            + " deactivate them instead.")
    @ApiResponse(responseCode = "204", description = "Deleted")
    ResponseEntity<Void> delete(@PathVariable String employeeNumber) {
        operators.delete(operators.byEmployeeNumber(employeeNumber).getId());
        return ResponseEntity.noContent().build();
    }

    private OperatorJson save(Operator o, OperatorBody body) {
        if (body == null) {
            throw ValidationFailedException.of("", Text.literal("Send the operator as a JSON object"));
        }
        Operator defaults = new Operator();
        o.setEmployeeNumber(body.employeeNumber());
        o.setFirstName(body.firstName());
        o.setLastName(body.lastName());
        o.setTeamId(body.teamId());
        o.setGrade(body.grade() == null ? defaults.getGrade() : body.grade());
        o.setContractId(body.contractId());
        o.setNightEligible(body.nightEligible() == null ? defaults.isNightEligible() : body.nightEligible());
        o.setTimeZone(body.timeZone() == null ? defaults.getTimeZone() : body.timeZone());
        o.setActive(body.active() == null ? defaults.isActive() : body.active());
        o.setUserId(userId(body.username()));
        List<OperatorSkill> skills = new ArrayList<>();
        if (body.skills() != null) {
            for (OperatorSkillBody s : body.skills()) {
                skills.add(s == null ? new OperatorSkill(null, null) : new OperatorSkill(s.queueId(), s.proficiency()));
            }
        }
        o.setSkills(skills);
        try {
            return names().json(operators.save(o));
        } catch (ValidationFailedException e) {
            throw asBody(e);
        }
    }

    /** The account of a user name; unknown: refused on {@code username}. */
    private Long userId(String username) {
        if (username == null || username.isBlank()) {
            return null;
        }
        return accounts.findByUsername(username.trim()).map(UserAccount::id).orElseThrow(
                () -> ValidationFailedException.of("username", Text.of("error.operator.user.unknown")));
    }

    /** The service's reasons on the body's field names ({@code userId} is sent as {@code username}). */
    private static ValidationFailedException asBody(ValidationFailedException e) {
        if (!e.reasons().containsKey("userId")) {
            return e;
        }
        Map<String, Text> reasons = new LinkedHashMap<>();
        e.reasons().forEach((field, reason) -> reasons.put(field.equals("userId") ? "username" : field, reason));
        return ValidationFailedException.keyed(reasons, e.conflicts().stream()
                .map(f -> f.equals("userId") ? "username" : f).collect(Collectors.toSet()));
    }

    private static URI location(String employeeNumber) {
        return URI.create("/api/operators/" + UriUtils.encodePathSegment(employeeNumber, java.nio.charset.StandardCharsets.UTF_8));
    }

    private Names names() {
        return new Names(teams.list().stream().collect(Collectors.toMap(Team::getId, Team::getName)),
                contracts.list().stream().collect(Collectors.toMap(Contract::getId, Contract::getName)),
                queues.list().stream().collect(Collectors.toMap(q -> q.getId(), q -> q.getCode())));
    }

    /** Names by id for one answer; user names looked up once each. */
    private final class Names {
        final Map<Long, String> teamNames;
        final Map<Long, String> contractNames;
        final Map<Long, String> queueCodes;
        final Map<Long, Optional<String>> usernames = new HashMap<>();

        Names(Map<Long, String> teamNames, Map<Long, String> contractNames, Map<Long, String> queueCodes) {
            this.teamNames = teamNames;
            this.contractNames = contractNames;
            this.queueCodes = queueCodes;
        }

        OperatorJson json(Operator o) {
            String username = o.getUserId() == null ? null : usernames.computeIfAbsent(o.getUserId(),
                    id -> accounts.find(id).map(UserAccount::username)).orElse(null);
            return new OperatorJson(o.getId(), o.getEmployeeNumber(), o.getFirstName(), o.getLastName(), o.getTeamId(),
                    teamNames.get(o.getTeamId()), o.getGrade(), o.getContractId(), contractNames.get(o.getContractId()),
                    o.isNightEligible(), o.getTimeZone(), username, o.isActive(),
                    o.getSkills().stream().map(s -> new OperatorSkillJson(s.queueId(), queueCodes.get(s.queueId()),
                            s.proficiency())).toList());
        }
    }
}
