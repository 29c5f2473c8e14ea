package org.switchboard.rostering;

import jakarta.validation.Validator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.switchboard.operators.Contract;
import org.switchboard.operators.ContractService;
import org.switchboard.operators.Team;
import org.switchboard.operators.TeamService;
import org.switchboard.shared.NotFoundException;
import org.switchboard.shared.Roles;
import org.switchboard.shared.Text;
import org.switchboard.shared.Violations;

/** Keeps shift templates and tells their kind under the configured night window. */
@Service
@Transactional
public class ShiftTemplateService {

    private final ShiftTemplateRepository templates;
    private final ShiftKindRules rules;
    private final Validator validator;
    private final ContractService contracts;
    private final TeamService teams;

    ShiftTemplateService(ShiftTemplateRepository templates, ShiftKindRules rules, Validator validator,
            ContractService contracts, TeamService teams) {
        this.templates = templates;
        this.rules = rules;
        this.validator = validator;
        this.contracts = contracts;
        this.teams = teams;
    }

    @PreAuthorize(Roles.READ_MASTER_DATA)
    @Transactional(readOnly = true)
    public List<ShiftTemplate> list() {
        return templates.findAllByOrderByStartTimeAscCode();
    }

    @PreAuthorize(Roles.READ_MASTER_DATA)
    @Transactional(readOnly = true)
    public ShiftTemplate get(long id) {
        return templates.findById(id).orElseThrow(() -> new NotFoundException("Shift template", id));
    }

    public ShiftKindRules rules() {
        return rules;
    }

    public ShiftKind kindOf(ShiftTemplate template) {
        return template.kind(rules);
    }

    @PreAuthorize(Roles.EDIT_MASTER_DATA)
    public ShiftTemplate save(ShiftTemplate template) {
        Violations v = Violations.of(validator, template);
        v.conflict(!v.has("code") && templates.findByCode(template.getCode())
                        .filter(other -> !other.getId().equals(template.getId())).isPresent(),
                "code", Text.of("error.template.code.taken"));
        checkStartWindow(template, v);
        if (!v.has("lengthMinutes")) {
            checkBreaks(template, v);
        }
        checkEligibility(template, v);
        v.throwIfAny();
        return templates.save(template);
    }

    /** The contracts and teams a template is limited to exist. */
    private void checkEligibility(ShiftTemplate t, Violations v) {
        if (!t.getContractIds().isEmpty()) {
            Set<Long> known = contracts.list().stream().map(Contract::getId).collect(Collectors.toSet());
            t.getContractIds().stream().filter(id -> !known.contains(id)).findFirst().ifPresent(id ->
                    v.check(true, "contractIds", Text.of("error.template.contracts.unknown", String.valueOf(id))));
        }
        if (!t.getTeamIds().isEmpty()) {
            Set<Long> known = teams.list().stream().map(Team::getId).collect(Collectors.toSet());
            t.getTeamIds().stream().filter(id -> !known.contains(id)).findFirst().ifPresent(id ->
                    v.check(true, "teamIds", Text.of("error.template.teams.unknown", String.valueOf(id))));
        }
    }

    /**
     * A start window: a latest start at or after the start on the same day, a whole number of steps after it, with a
     * step that fits the clock (5, 10, 15, 20 or 30 minutes or whole hours) and at most {@link ShiftTemplate#MAX_STARTS}
     * starts. Without a latest start the step means nothing and is cleared.
     */
    private static void checkStartWindow(ShiftTemplate t, Violations v) {
        if (t.getLatestStartTime() == null) {
            t.setStartStepMinutes(null);
            return;
        }
        if (t.getStartTime() == null) {
            return;
        }
        Integer step = t.getStartStepMinutes();
        int window = (t.getLatestStartTime().toSecondOfDay() - t.getStartTime().toSecondOfDay()) / 60;
        v.check(window < 0, "latestStartTime", Text.of("error.template.window.order"));
        v.check(step == null, "startStepMinutes", Text.of("error.template.step.required"));
        if (step == null || v.has("startStepMinutes") || window < 0) {
            return;
        }
        v.check(!(step > 0 && (60 % step == 0 && step % 5 == 0 || step % 60 == 0)), "startStepMinutes",
                Text.of("error.template.step.clock"));
        v.check(window % step != 0, "latestStartTime",
                Text.of("error.template.window.steps", step));
        v.check(window / step + 1 > ShiftTemplate.MAX_STARTS, "startStepMinutes",
                Text.of("error.template.window.starts", ShiftTemplate.MAX_STARTS));
    }

    /**
     * Every break complete, at least a minute long, inside the shift wherever it floats (after the start, ending before
     * the end), a latest start not before the earliest, and no two breaks overlapping, counting the whole window a
     * floating break may move in (so placing one never depends on where another went).
     */
    private static void checkBreaks(ShiftTemplate template, Violations v) {
        int previousEnd = 0;
        boolean previousFloats = false;
        for (ShiftBreak b : template.getBreaks()) {
            if (!b.isComplete()) {
                v.check(true, "breaks", Text.of("error.template.break.incomplete"));
                continue;
            }
            v.check(b.lengthMinutes() <= 0, "breaks", Text.of("error.template.break.length"));
            v.check(b.latestOffsetMinutes() != null && b.latestOffsetMinutes() < b.offsetMinutes(), "breaks",
                    Text.of("error.template.break.latest"));
            v.check(b.offsetMinutes() <= 0 || b.latestEndOffsetMinutes() >= template.getLengthMinutes(), "breaks",
                    b.isFloating() ? Text.of("error.template.break.floatingInside")
                            : Text.of("error.template.break.inside"));
            if (b.offsetMinutes() < previousEnd) {
                v.check(true, "breaks", previousFloats || b.isFloating()
                        ? Text.of("error.template.break.overlapFloating")
                        : Text.of("error.template.break.overlap"));
            }
            previousEnd = Math.max(previousEnd, b.latestEndOffsetMinutes());
            previousFloats = b.isFloating();
        }
    }

    @PreAuthorize(Roles.EDIT_MASTER_DATA)
    public void delete(long id) {
        templates.deleteById(id);
    }
}
