package org.switchboard.operators;

import jakarta.validation.Validator;
import java.util.List;
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

/** Keeps the teams operators belong to. */
@Service
@Transactional
public class TeamService {

    private final TeamRepository teams;
    private final OperatorRepository operators;
    private final Validator validator;
    private final AuditTrail audit;

    TeamService(TeamRepository teams, OperatorRepository operators, Validator validator, AuditTrail audit) {
        this.audit = audit;
        this.teams = teams;
        this.operators = operators;
        this.validator = validator;
    }

    @PreAuthorize(Roles.READ_MASTER_DATA)
    @Transactional(readOnly = true)
    public List<Team> list() {
        return teams.findAllByOrderByName();
    }

    @PreAuthorize(Roles.READ_MASTER_DATA)
    @Transactional(readOnly = true)
    public Team get(long id) {
        return teams.findById(id).orElseThrow(() -> new NotFoundException("Team", id));
    }

    @PreAuthorize(Roles.EDIT_MASTER_DATA)
    public Team save(Team team) {
        Violations v = Violations.of(validator, team);
        v.conflict(!v.has("name") && teams.findByName(team.getName())
                        .filter(other -> !other.getId().equals(team.getId())).isPresent(),
                "name", Text.of("error.team.name.taken"));
        v.check(team.getUsualShiftKinds().stream().anyMatch(k -> !Team.SHIFT_KINDS.contains(k)), "usualShiftKinds",
                Text.of("error.team.kinds.unknown", String.join(", ", Team.SHIFT_KINDS)));
        v.throwIfAny();
        Team before = team.getId() == null ? null : teams.findById(team.getId()).orElse(null);
        Team saved = teams.save(team);
        audit.record(AuditKind.TEAM_CHANGED, "team", saved.getId(), before, saved,
                AuditTrail.facts("label", saved.getName()));
        return saved;
    }

    /** Whether operators still belong to the team (then it cannot be deleted: say so before asking). */
    @PreAuthorize(Roles.READ_MASTER_DATA)
    @Transactional(readOnly = true)
    public boolean hasOperators(long id) {
        return operators.existsByTeamId(id);
    }

    @PreAuthorize(Roles.EDIT_MASTER_DATA)
    public void delete(long id) {
        if (operators.existsByTeamId(id)) {
            throw ValidationFailedException.conflict("name", Text.of("error.team.hasOperators"));
        }
        teams.findById(id).ifPresent(t -> audit.record(AuditKind.TEAM_CHANGED, "team", id, t, null,
                AuditTrail.facts("label", t.getName())));
        teams.deleteById(id);
    }
}
