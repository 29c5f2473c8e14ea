package org.switchboard.absences;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.switchboard.operators.Operator;
import org.switchboard.operators.OperatorService;
import org.switchboard.operators.TeamService;
import org.switchboard.shared.NotFoundException;
import org.switchboard.shared.SystemAuthentication;
import org.switchboard.shared.Text;

/**
 * The operators this module needs to know (names, teams, contracts, zones), read through module operators' service.
 * The callers' own checks decide who may see what; lookups here read as the system so that an operator's request can
 * count their team's places without the right to read the team's records.
 */
@Component
class Staff {

    private final OperatorService operators;
    private final TeamService teams;

    Staff(OperatorService operators, TeamService teams) {
        this.operators = operators;
        this.teams = teams;
    }

    boolean teamExists(long teamId) {
        return SystemAuthentication.callAsSystem(teams::list).stream().anyMatch(t -> t.getId() == teamId);
    }

    /** The operator linked to the signed-in user. */
    Optional<Operator> mine() {
        return operators.mine();
    }

    Operator mineOrThrow() {
        return mine().orElseThrow(() -> new NotFoundException(Text.of("error.absence.notLinked")));
    }

    Map<Long, Operator> all() {
        return SystemAuthentication.callAsSystem(operators::list).stream()
                .collect(Collectors.toMap(Operator::getId, Function.identity()));
    }

    Operator byId(long id) {
        Operator o = all().get(id);
        if (o == null) {
            throw new NotFoundException("Operator", id);
        }
        return o;
    }

    Operator byNumber(String employeeNumber) {
        String n = employeeNumber.trim();
        return SystemAuthentication.callAsSystem(() -> operators.withEmployeeNumber(n))
                .orElseThrow(() -> new NotFoundException(Text.of("error.absence.unknownEmployee", n)));
    }

    /** The team's operators, active or not. */
    List<Operator> team(long teamId) {
        return SystemAuthentication.callAsSystem(operators::list).stream().filter(o -> o.getTeamId() == teamId).toList();
    }
}
