package org.switchboard.operators;

import jakarta.validation.Validator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.switchboard.demand.QueueService;
import org.switchboard.security.UserAccountService;
import org.switchboard.audit.AuditKind;
import org.switchboard.audit.AuditTrail;
import org.switchboard.shared.NotFoundException;
import org.switchboard.shared.Roles;
import org.switchboard.shared.Text;
import org.switchboard.shared.TimeZones;
import org.switchboard.shared.ValidationFailedException;
import org.switchboard.shared.Violations;

/**
 * Keeps operators. Planners and admins change them; managers read them; an operator sees only their own
 * record.
 */
@Service
@Transactional
public class OperatorService {

    private final OperatorRepository operators;
    private final TeamRepository teams;
    private final ContractRepository contracts;
    private final QueueService queues;
    private final UserAccountService accounts;
    private final Validator validator;
    private final ApplicationEventPublisher events;
    private final AuditTrail audit;

    OperatorService(OperatorRepository operators, TeamRepository teams, ContractRepository contracts,
            QueueService queues, UserAccountService accounts, Validator validator, ApplicationEventPublisher events,
            AuditTrail audit) {
        this.events = events;
        this.audit = audit;
        this.operators = operators;
        this.teams = teams;
        this.contracts = contracts;
        this.queues = queues;
        this.accounts = accounts;
        this.validator = validator;
    }

    /** All operators, sorted by last and first name. */
    @PreAuthorize(Roles.READ_MASTER_DATA)
    @Transactional(readOnly = true)
    public List<Operator> list() {
        return operators.findAllByOrderByLastNameAscFirstNameAsc();
    }

    /** The operator with this employee number, whatever its case, if there is one (one query, not the whole list). */
    @PreAuthorize(Roles.READ_MASTER_DATA)
    @Transactional(readOnly = true)
    public Optional<Operator> withEmployeeNumber(String employeeNumber) {
        String number = employeeNumber.trim();
        // PostgreSQL cannot compare text holding NUL: no operator has such a number
        return number.indexOf('\0') >= 0 ? Optional.empty() : operators.findByEmployeeNumberIgnoreCase(number);
    }

    @PreAuthorize(Roles.READ_MASTER_DATA)
    @Transactional(readOnly = true)
    public Operator get(long id) {
        return operators.findById(id).orElseThrow(() -> new NotFoundException("Operator", id));
    }

    /**
     * The operator with this employee number (how the REST API names operators).
     *
     * @throws ValidationFailedException on {@code employeeNumber} when the text cannot be an employee number at all
     *     (so an over-long text is refused on its field, not echoed back as an unknown record)
     * @throws NotFoundException when no operator has it
     */
    @PreAuthorize(Roles.READ_MASTER_DATA)
    @Transactional(readOnly = true)
    public Operator byEmployeeNumber(String employeeNumber) {
        String number = employeeNumber == null ? "" : employeeNumber.trim();
        var broken = validator.validateValue(Operator.class, "employeeNumber", number);
        if (!broken.isEmpty()) {
            throw ValidationFailedException.of("employeeNumber",
                    org.switchboard.shared.KeyedMessageInterpolator.text(broken.iterator().next()));
        }
        return operators.findByEmployeeNumber(number).orElseThrow(() -> new NotFoundException("Operator", number));
    }

    /** The operator record linked to the signed-in user, if any. */
    @PreAuthorize(Roles.SIGNED_IN)
    @Transactional(readOnly = true)
    public Optional<Operator> mine() {
        return accounts.current().flatMap(a -> operators.findByUserId(a.id()));
    }

    /** What the signed-in operator may see of their own record, with names resolved. */
    @PreAuthorize(Roles.SIGNED_IN)
    @Transactional(readOnly = true)
    public Optional<OperatorProfile> myProfile() {
        return mine().map(o -> {
            Contract contract = contracts.findById(o.getContractId()).orElseThrow();
            var queueLabels = queues.labels();
            List<String> skills = o.getSkills().stream()
                    .map(s -> queueLabels.getOrDefault(s.queueId(), "?") + ": " + s.proficiency() + " of 5")
                    .toList();
            List<OperatorProfile.SkillLevel> levels = o.getSkills().stream()
                    .map(s -> new OperatorProfile.SkillLevel(queueLabels.getOrDefault(s.queueId(), "?"), s.proficiency()))
                    .toList();
            return new OperatorProfile(o.getEmployeeNumber(), o.getFirstName() + " " + o.getLastName(),
                    teams.findById(o.getTeamId()).map(Team::getName).orElse(""), o.getGrade().label(),
                    contract.getName(), contract.summary(), skills, o.isNightEligible(), o.getTimeZone(),
                    o.getGrade(), contract, levels);
        });
    }

    @PreAuthorize(Roles.EDIT_MASTER_DATA)
    public Operator save(Operator operator) {
        Violations v = Violations.of(validator, operator);
        v.conflict(!v.has("employeeNumber") && operators.findByEmployeeNumber(operator.getEmployeeNumber())
                        .filter(other -> !other.getId().equals(operator.getId())).isPresent(),
                "employeeNumber", Text.of("error.operator.employeeNumber.taken"));
        v.check(operator.getTeamId() != null && !teams.existsById(operator.getTeamId()), "teamId", Text.of("error.operator.team.unknown"));
        Optional<Contract> contract = Optional.ofNullable(operator.getContractId()).flatMap(contracts::findById);
        v.check(operator.getContractId() != null && contract.isEmpty(), "contractId", Text.of("error.operator.contract.unknown"));
        v.check(operator.isNightEligible() && contract.filter(c -> !c.allowsNights()).isPresent(), "nightEligible",
                Text.of("error.operator.contract.noNights", contract.map(Contract::getName).orElse("")));
        v.check(!v.has("timeZone") && !TimeZones.isValid(operator.getTimeZone()), "timeZone", Text.of("error.common.unknownTimeZone"));
        checkSkills(operator, v);
        if (operator.getUserId() != null) {
            v.check(accounts.find(operator.getUserId()).isEmpty(), "userId", Text.of("error.operator.user.unknown"));
            v.conflict(operators.findByUserId(operator.getUserId())
                            .filter(other -> !other.getId().equals(operator.getId())).isPresent(),
                    "userId", Text.of("error.operator.user.linked"));
        }
        v.throwIfAny();
        Operator before = operator.getId() == null ? null : operators.findById(operator.getId()).orElse(null);
        Operator saved = operators.save(operator);
        events.publishEvent(new OperatorChanged(saved.getId(), saved.getTeamId()));
        audit.record(AuditKind.OPERATOR_CHANGED, "operator", saved.getId(), before, saved,
                AuditTrail.facts("label", saved.getEmployeeNumber() + " " + saved.fullName()));
        return saved;
    }

    private void checkSkills(Operator operator, Violations v) {
        Set<Long> queueIds = new HashSet<>();
        for (OperatorSkill skill : operator.getSkills()) {
            v.check(skill.queueId() == null, "skills", Text.of("error.operator.skill.queueRequired"));
            v.check(skill.proficiency() == null || skill.proficiency() < OperatorSkill.MIN_PROFICIENCY
                            || skill.proficiency() > OperatorSkill.MAX_PROFICIENCY,
                    "skills", Text.of("error.operator.skill.proficiency"));
            v.check(skill.queueId() != null && !queueIds.add(skill.queueId()), "skills", Text.of("error.operator.skill.twice"));
        }
        v.check(!queueIds.isEmpty() && !queues.allExist(queueIds), "skills", Text.of("error.operator.skill.unknownQueue"));
        v.check(operator.isActive() && operator.getSkills().isEmpty(), "skills",
                Text.of("error.operator.skill.required"));
    }

    @PreAuthorize(Roles.EDIT_MASTER_DATA)
    public void delete(long id) {
        Optional<Operator> before = operators.findById(id);
        Long team = before.map(Operator::getTeamId).orElse(null);
        operators.deleteById(id);
        events.publishEvent(new OperatorChanged(id, team));
        before.ifPresent(o -> audit.record(AuditKind.OPERATOR_CHANGED, "operator", id, o, null,
                AuditTrail.facts("label", o.getEmployeeNumber() + " " + o.fullName())));
    }
}
