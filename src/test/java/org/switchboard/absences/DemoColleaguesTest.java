package org.switchboard.absences;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.switchboard.operators.Operator;
import org.switchboard.operators.OperatorService;
import org.switchboard.operators.OperatorSkill;
import org.switchboard.security.UserAccount;
import org.switchboard.security.UserAccountService;
import org.switchboard.shared.SystemAuthentication;

/** The demo's operator2 and operator3: colleagues of E1001 on the same team and the same queues. */
@SpringBootTest
class DemoColleaguesTest {

    @Autowired
    OperatorService operators;
    @Autowired
    UserAccountService accounts;

    @Test
    void twoColleaguesOfAnnaHaveLogins() {
        SystemAuthentication.runAsSystem(() -> {
            var all = operators.list();
            Operator anna = all.stream().filter(o -> o.getEmployeeNumber().equals("E1001")).findFirst().orElseThrow();
            for (String login : new String[] {"operator2", "operator3"}) {
                UserAccount account = accounts.list().stream().filter(a -> a.username().equals(login)).findFirst()
                        .orElseThrow();
                assertThat(account.roles()).containsExactly("OPERATOR");
                Operator o = all.stream().filter(x -> Long.valueOf(account.id()).equals(x.getUserId())).findFirst()
                        .orElseThrow();
                assertThat(o.getTeamId()).isEqualTo(anna.getTeamId());
                assertThat(queues(o)).isEqualTo(queues(anna));
                assertThat(account.displayName()).isEqualTo(o.getFirstName() + " " + o.getLastName());
                System.out.println("demo login " + login + ": " + o.getEmployeeNumber() + " " + account.displayName());
            }
        });
    }

    private static Set<Long> queues(Operator o) {
        return o.getSkills().stream().map(OperatorSkill::queueId).collect(Collectors.toSet());
    }
}
