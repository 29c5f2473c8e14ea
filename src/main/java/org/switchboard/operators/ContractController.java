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
import org.switchboard.shared.Text;
import org.switchboard.shared.ValidationFailedException;

/**
 * Contracts (working-time rules, durations in minutes) over REST under {@code /api/contracts}, and the labour-law
 * presets a contract can start from: the contracts screen. The rules are {@link ContractService}'s.
 */
@Tag(name = "Contracts", description = "Working-time rules operators are employed under (minutes). Read: PLANNER,"
        + " MANAGER, ADMIN; change: PLANNER, ADMIN.")
@RestController
@RequestMapping("/api/contracts")
@PreAuthorize(Roles.READ_MASTER_DATA)
class ContractController {

    private final ContractService contracts;

    ContractController(ContractService contracts) {
        this.contracts = contracts;
    }

    @Schema(name = "Contract", description = "A contract; every duration in minutes")
    record ContractJson(long id, String name, int minMinutesPerWeek, int maxMinutesPerWeek, int maxConsecutiveDays,
            int minConsecutiveDaysOff, int minRestMinutes,
            @Schema(description = "0: no night shifts") int maxNightsInRow, int minRestAfterNightsMinutes,
            int maxWeekendsPerPeriod,
            @Schema(description = "Overtime a substitution may use on top of the maximum") int maxOvertimeMinutesPerWeek,
            boolean allowsNights,
            @Schema(description = "Whether operators have it (then it cannot be deleted)") boolean inUse,
            @Schema(description = "The rules in words (English)") String summary) {

        static ContractJson of(Contract c, boolean inUse) {
            return new ContractJson(c.getId(), c.getName(), c.getMinMinutesPerWeek(), c.getMaxMinutesPerWeek(),
                    c.getMaxConsecutiveDays(), c.getMinConsecutiveDaysOff(), c.getMinRestMinutes(), c.getMaxNightsInRow(),
                    c.getMinRestAfterNightsMinutes(), c.getMaxWeekendsPerPeriod(), c.getMaxOvertimeMinutesPerWeek(),
                    c.allowsNights(), inUse, c.summary());
        }
    }

    @Schema(name = "ContractPreset", description = "A labour-law preset (reference data)")
    record ContractPresetJson(long id, String name, String description, int minMinutesPerWeek, int maxMinutesPerWeek,
            int maxConsecutiveDays, int minConsecutiveDaysOff, int minRestMinutes, int maxNightsInRow,
            int minRestAfterNightsMinutes, int maxWeekendsPerPeriod, int maxOvertimeMinutesPerWeek) {

        static ContractPresetJson of(ContractPreset p) {
            return new ContractPresetJson(p.id(), p.name(), p.description(), p.minMinutesPerWeek(), p.maxMinutesPerWeek(),
                    p.maxConsecutiveDays(), p.minConsecutiveDaysOff(), p.minRestMinutes(), p.maxNightsInRow(),
                    p.minRestAfterNightsMinutes(), p.maxWeekendsPerPeriod(), p.maxOvertimeMinutesPerWeek());
        }
    }

    @Schema(name = "ContractBody", description = "A contract to create, or the whole contract to replace (PUT): a rule"
            + " omitted takes the preset's (with presetId) or the default of a new contract")
    record ContractBody(
            @Schema(maxLength = 100, requiredMode = Schema.RequiredMode.REQUIRED) String name,
            @Schema(description = "Start from this preset's rules (see GET /api/contracts/presets)") Long presetId,
            @Schema(minimum = "0") Integer minMinutesPerWeek,
            @Schema(minimum = "60", maximum = "10080") Integer maxMinutesPerWeek,
            @Schema(minimum = "1", maximum = "14") Integer maxConsecutiveDays,
            @Schema(minimum = "1", maximum = "7") Integer minConsecutiveDaysOff,
            @Schema(minimum = "0", maximum = "1440") Integer minRestMinutes,
            @Schema(minimum = "0", maximum = "14", description = "0: no night shifts") Integer maxNightsInRow,
            @Schema(minimum = "0", maximum = "5760") Integer minRestAfterNightsMinutes,
            @Schema(minimum = "0", maximum = "52") Integer maxWeekendsPerPeriod,
            @Schema(minimum = "0", maximum = "1200") Integer maxOvertimeMinutesPerWeek) {}

    @GetMapping
    @Operation(summary = "List contracts", description = "Sorted by name.")
    List<ContractJson> list() {
        return contracts.list().stream().map(this::json).toList();
    }

    @GetMapping("/{id}")
    @Operation(summary = "Read one contract")
    ContractJson get(@PathVariable long id) {
        return json(contracts.get(id));
    }

    @GetMapping("/presets")
    @Operation(summary = "List the labour-law presets", description = "Reference data a contract can start from.")
    List<ContractPresetJson> presets() {
        return contracts.presets().stream().map(ContractPresetJson::of).toList();
    }

    @PostMapping
    @PreAuthorize(Roles.EDIT_MASTER_DATA)
    @Operation(summary = "Create a contract", description = "409 when another contract has the name.")
    @ApiResponse(responseCode = "201", description = "Created; Location names the new contract")
    ResponseEntity<ContractJson> create(@RequestBody ContractBody body) {
        Contract saved = contracts.save(apply(new Contract(), body));
        return ResponseEntity.created(URI.create("/api/contracts/" + saved.getId())).body(json(saved));
    }

    @PutMapping("/{id}")
    @PreAuthorize(Roles.EDIT_MASTER_DATA)
    @Operation(summary = "Replace a contract", description = "409 when another contract has the name, or when it"
            + " would forbid nights while night-eligible operators have it.")
    ContractJson replace(@PathVariable long id, @RequestBody ContractBody body) {
        return json(contracts.save(apply(contracts.get(id), body)));
    }

    @DeleteMapping("/{id}")
    @PreAuthorize(Roles.EDIT_MASTER_DATA)
    @Operation(summary = "Delete a contract", description = "409 while operators have it.")
    @ApiResponse(responseCode = "204", description = "Deleted")
    ResponseEntity<Void> delete(@PathVariable long id) {
        contracts.delete(contracts.get(id).getId());
        return ResponseEntity.noContent().build();
    }

    /** The body's rules over the preset's (or a new contract's). */
    private Contract apply(Contract c, ContractBody b) {
        ContractTerms base = new Contract();
        if (b.presetId() != null) {
            base = contracts.presets().stream().filter(p -> b.presetId().equals(p.id())).findFirst()
                    .orElseThrow(() -> ValidationFailedException.of("presetId", Text.of("error.contract.preset.unknown")));
        }
        c.setName(b.name());
        c.applyTerms(base);
        set(b.minMinutesPerWeek(), c::setMinMinutesPerWeek);
        set(b.maxMinutesPerWeek(), c::setMaxMinutesPerWeek);
        set(b.maxConsecutiveDays(), c::setMaxConsecutiveDays);
        set(b.minConsecutiveDaysOff(), c::setMinConsecutiveDaysOff);
        set(b.minRestMinutes(), c::setMinRestMinutes);
        set(b.maxNightsInRow(), c::setMaxNightsInRow);
        set(b.minRestAfterNightsMinutes(), c::setMinRestAfterNightsMinutes);
        set(b.maxWeekendsPerPeriod(), c::setMaxWeekendsPerPeriod);
        set(b.maxOvertimeMinutesPerWeek(), c::setMaxOvertimeMinutesPerWeek);
        return c;
    }

    private static void set(Integer value, java.util.function.Consumer<Integer> setter) {
        if (value != null) {
            setter.accept(value);
        }
    }

    private ContractJson json(Contract c) {
        return ContractJson.of(c, contracts.inUse(c.getId()));
    }
}
