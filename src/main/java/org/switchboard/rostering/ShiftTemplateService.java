package org.switchboard.rostering;

import jakarta.validation.Validator;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.switchboard.shared.NotFoundException;
import org.switchboard.shared.Roles;
import org.switchboard.shared.Violations;

/** Keeps shift templates and tells their kind under the configured night window. */
@Service
@Transactional
public class ShiftTemplateService {

    private final ShiftTemplateRepository templates;
    private final ShiftKindRules rules;
    private final Validator validator;

    ShiftTemplateService(ShiftTemplateRepository templates, ShiftKindRules rules, Validator validator) {
        this.templates = templates;
        this.rules = rules;
        this.validator = validator;
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
        v.check(!v.has("code") && templates.findByCode(template.getCode())
                        .filter(other -> !other.getId().equals(template.getId())).isPresent(),
                "code", "Another shift template already has this code");
        if (!v.has("lengthMinutes")) {
            int previousEnd = 0;
            for (ShiftBreak b : template.getBreaks()) {
                if (!b.isComplete()) {
                    v.check(true, "breaks", "Give every break a start and a length");
                    continue;
                }
                v.check(b.lengthMinutes() <= 0, "breaks", "A break lasts at least one minute");
                v.check(b.offsetMinutes() <= 0 || b.endOffsetMinutes() >= template.getLengthMinutes(), "breaks",
                        "A break must start after the shift starts and end before it ends");
                v.check(b.offsetMinutes() < previousEnd, "breaks", "Breaks must not overlap");
                previousEnd = b.endOffsetMinutes();
            }
        }
        v.throwIfAny();
        return templates.save(template);
    }

    @PreAuthorize(Roles.EDIT_MASTER_DATA)
    public void delete(long id) {
        templates.deleteById(id);
    }
}
