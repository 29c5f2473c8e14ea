package org.switchboard.swaps;

import java.util.Optional;
import org.springframework.stereotype.Component;
import org.switchboard.operators.Operator;
import org.switchboard.operators.OperatorService;
import org.switchboard.operators.TeamService;
import org.switchboard.shared.NotFoundException;
import org.switchboard.shared.SystemAuthentication;
import org.switchboard.shared.Text;

/**
 * The operators and teams trades need, read through module operators (as the system: an operator may trade with a
 * colleague without the right to read the master data), and the team's trade rules that apply to a trade.
 */
@Component
class SwapPeople {

    /** Decide trades and keep the teams' trade rules. */
    static final String DECIDE = "hasAnyRole('ADMIN','MANAGER')";
    /** The rule name of a team's trade rules in violations. */
    static final String TRADE_RULES = "Trade rules";

    private final OperatorService operators;
    private final TeamService teams;
    private final SwapStore store;

    SwapPeople(OperatorService operators, TeamService teams, SwapStore store) {
        this.operators = operators;
        this.teams = teams;
        this.store = store;
    }

    /** The operator linked to the signed-in user. */
    Optional<Operator> mine() {
        return operators.mine();
    }

    Operator byNumber(String employeeNumber) {
        String n = employeeNumber.trim();
        return SystemAuthentication.callAsSystem(() -> operators.withEmployeeNumber(n))
                .orElseThrow(() -> new NotFoundException(Text.of("swap.error.unknownEmployee", n)));
    }

    Optional<Operator> byId(Long id) {
        if (id == null) {
            return Optional.empty();
        }
        return SystemAuthentication.callAsSystem(operators::list).stream().filter(o -> o.getId().equals(id)).findFirst();
    }

    String number(Long id) {
        return byId(id).map(Operator::getEmployeeNumber).orElse(String.valueOf(id));
    }

    /** The operator's active colleagues of the same team, by employee number. */
    java.util.List<Operator> colleagues(Operator o) {
        return SystemAuthentication.callAsSystem(operators::list).stream()
                .filter(x -> x.isActive() && !x.getId().equals(o.getId()) && o.getTeamId() != null
                        && o.getTeamId().equals(x.getTeamId()))
                .sorted(java.util.Comparator.comparing(Operator::getEmployeeNumber)).toList();
    }

    /** The rules of the operator's team (the defaults without a team). */
    TradeRules rules(Operator o) {
        return o.getTeamId() == null ? TradeRules.defaults(0) : store.rules(o.getTeamId());
    }

    /** The rules a trade is held to: the proposer's team's, else (an open shift) the taker's team's. */
    TradeRules rules(Swap s, Operator taker) {
        if (s.teamId() != null) {
            return store.rules(s.teamId());
        }
        return rules(taker);
    }

    /** Every team, by name. */
    java.util.List<org.switchboard.operators.Team> teams() {
        return SystemAuthentication.callAsSystem(teams::list).stream()
                .sorted(java.util.Comparator.comparing(org.switchboard.operators.Team::getName)).toList();
    }

    void requireTeam(long teamId) {
        if (SystemAuthentication.callAsSystem(teams::list).stream().noneMatch(t -> t.getId() == teamId)) {
            throw new NotFoundException("Team", teamId);
        }
    }
}
