package org.switchboard.operators;

import jakarta.validation.Validator;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.switchboard.audit.AuditKind;
import org.switchboard.audit.AuditTrail;
import org.switchboard.shared.NotFoundException;
import org.switchboard.shared.Roles;
import org.switchboard.shared.Text;
import org.switchboard.shared.ValidationFailedException;
import org.switchboard.shared.Violations;

/** Keeps contracts (working-time rules) and offers the labour-law presets to start from. */
@Service
@Transactional
public class ContractService {

    private final ContractRepository contracts;
    private final ContractPresetRepository presets;
    private final OperatorRepository operators;
    private final Validator validator;
    private final ApplicationEventPublisher events;
    private final AuditTrail audit;

    ContractService(ContractRepository contracts, ContractPresetRepository presets, OperatorRepository operators,
            Validator validator, ApplicationEventPublisher events, AuditTrail audit) {
        this.events = events;
        this.audit = audit;
        this.contracts = contracts;
        this.presets = presets;
        this.operators = operators;
        this.validator = validator;
    }

    @PreAuthorize(Roles.READ_MASTER_DATA)
    @Transactional(readOnly = true)
    public List<Contract> list() {
        return contracts.findAllByOrderByName();
    }

    @PreAuthorize(Roles.READ_MASTER_DATA)
    @Transactional(readOnly = true)
    public Contract get(long id) {
        return contracts.findById(id).orElseThrow(() -> new NotFoundException("Contract", id));
    }

    @PreAuthorize(Roles.READ_MASTER_DATA)
    @Transactional(readOnly = true)
    public List<ContractPreset> presets() {
        return presets.findAllByOrderByName();
    }

    @PreAuthorize(Roles.EDIT_MASTER_DATA)
    public Contract save(Contract contract) {
        Violations v = Violations.of(validator, contract);
        v.conflict(!v.has("name") && contracts.findByName(contract.getName())
                        .filter(other -> !other.getId().equals(contract.getId())).isPresent(),
                "name", Text.of("error.contract.name.taken"));
        v.check(!v.has("minMinutesPerWeek") && !v.has("maxMinutesPerWeek")
                        && contract.getMinMinutesPerWeek() > contract.getMaxMinutesPerWeek(),
                "minMinutesPerWeek", Text.of("error.contract.minExceedsMax"));
        v.check(!v.has("maxConsecutiveDays") && !v.has("minConsecutiveDaysOff")
                        && contract.getMaxConsecutiveDays() + contract.getMinConsecutiveDaysOff() < 2,
                "maxConsecutiveDays", Text.of("error.contract.noCycle"));
        if (contract.getId() != null && !contract.allowsNights()) {
            long nightWorkers = operators.countByContractIdAndNightEligibleTrue(contract.getId());
            v.conflict(nightWorkers > 0, "maxNightsInRow", Text.of("error.contract.nightWorkers", nightWorkers));
        }
        v.throwIfAny();
        Contract before = contract.getId() == null ? null : contracts.findById(contract.getId()).orElse(null);
        Contract saved = contracts.save(contract);
        events.publishEvent(new ContractChanged(saved.getId()));
        audit.record(AuditKind.CONTRACT_CHANGED, "contract", saved.getId(), before, saved,
                AuditTrail.facts("label", saved.getName()));
        return saved;
    }

    /** Whether operators still have the contract (then it cannot be deleted: say so before asking). */
    @PreAuthorize(Roles.READ_MASTER_DATA)
    @Transactional(readOnly = true)
    public boolean inUse(long id) {
        return operators.existsByContractId(id);
    }

    @PreAuthorize(Roles.EDIT_MASTER_DATA)
    public void delete(long id) {
        if (operators.existsByContractId(id)) {
            throw ValidationFailedException.conflict("name", Text.of("error.contract.hasOperators"));
        }
        contracts.findById(id).ifPresent(c -> audit.record(AuditKind.CONTRACT_CHANGED, "contract", id, c, null,
                AuditTrail.facts("label", c.getName())));
        contracts.deleteById(id);
        events.publishEvent(new ContractChanged(id));
    }
}
