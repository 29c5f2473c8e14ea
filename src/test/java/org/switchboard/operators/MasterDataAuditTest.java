package org.switchboard.operators;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.transaction.annotation.Transactional;
import org.switchboard.audit.AuditEntry;
import org.switchboard.audit.AuditFixture;
import org.switchboard.audit.AuditKind;
import org.switchboard.audit.AuditTrail;
import org.switchboard.demand.Queue;
import org.switchboard.demand.QueueService;
import org.switchboard.shared.Texts;

/**
 * Operators, teams, contracts and queues created, changed and deleted are in the audit trail by the planner, with
 * the record before and after and the changed fields in the sentence. Rolled back after each test.
 */
@SpringBootTest
@Transactional
@WithMockUser(username = "planner", roles = "PLANNER")
class MasterDataAuditTest {

    @Autowired
    OperatorService operators;
    @Autowired
    TeamService teams;
    @Autowired
    ContractService contracts;
    @Autowired
    QueueService queues;
    @Autowired
    AuditTrail trail;

    @Test
    void anOperatorCreatedChangedAndDeleted() {
        Instant start = Instant.now().minusSeconds(1);
        Operator o = new Operator();
        o.setEmployeeNumber("AUD-1");
        o.setFirstName("Daria");
        o.setLastName("Sokolova");
        o.setTeamId(teams.list().getFirst().getId());
        o.setContractId(contracts.list().stream().filter(c -> c.getName().equals("Full time 40 h")).findFirst()
                .orElseThrow().getId());
        o.setSkills(List.of(new OperatorSkill(queues.findByCode("RU-GEN").orElseThrow().getId(), 3)));
        Operator saved = operators.save(o);
        saved.setLastName("Kozlova");
        saved.setNightEligible(false);
        operators.save(saved);
        operators.delete(saved.getId());

        List<AuditEntry> entries = AuditFixture.since(trail, start, AuditKind.OPERATOR_CHANGED).stream()
                .filter(e -> e.subjectId().equals(String.valueOf(saved.getId()))).toList();
        assertThat(entries).hasSize(3).allSatisfy(e -> {
            assertThat(e.actor()).isEqualTo("planner");
            assertThat(e.subjectType()).isEqualTo("operator");
        });
        AuditEntry deleted = entries.get(0);
        AuditEntry changed = entries.get(1);
        AuditEntry created = entries.get(2);
        assertThat(created.before()).isNull();
        assertThat(created.after()).containsEntry("employeeNumber", "AUD-1").containsEntry("lastName", "Sokolova");
        assertThat(created.text(Locale.ENGLISH)).isEqualTo("Created operator AUD-1 Sokolova, Daria.");
        assertThat(changed.before()).containsEntry("lastName", "Sokolova");
        assertThat(changed.after()).containsEntry("lastName", "Kozlova");
        assertThat(changed.text(Locale.ENGLISH)).isEqualTo("Changed operator AUD-1 Kozlova, Daria: lastName: Sokolova → Kozlova.");
        assertThat(changed.text(Texts.RUSSIAN)).isEqualTo("Изменён оператор AUD-1 Kozlova, Daria: lastName: Sokolova → Kozlova.");
        assertThat(deleted.after()).isNull();
        assertThat(deleted.text(Locale.ENGLISH)).isEqualTo("Deleted operator AUD-1 Kozlova, Daria.");
    }

    @Test
    void teamsContractsAndQueues() {
        Instant start = Instant.now().minusSeconds(1);
        Team team = teams.save(new Team("Audit team"));
        team.setName("Audit team 2");
        teams.save(team);
        Contract contract = contracts.list().getFirst();
        int days = contract.getMaxConsecutiveDays();
        contract.setMaxConsecutiveDays(days - 1);
        contracts.save(contract);
        Queue queue = queues.findByCode("RU-GEN").orElseThrow();
        String name = queue.getName();
        queue.setName(name + " (audited)");
        queues.save(queue);

        List<AuditEntry> team2 = AuditFixture.since(trail, start, AuditKind.TEAM_CHANGED);
        assertThat(team2).hasSize(2).allSatisfy(e -> assertThat(e.subjectId()).isEqualTo(String.valueOf(team.getId())));
        assertThat(team2.getFirst().text(Locale.ENGLISH)).isEqualTo("Changed team Audit team 2: name: Audit team → Audit team 2.");
        assertThat(team2.getLast().text(Locale.ENGLISH)).isEqualTo("Created team Audit team.");
        AuditEntry c = AuditFixture.one(trail, start, AuditKind.CONTRACT_CHANGED, "contract", contract.getId());
        assertThat(c.actor()).isEqualTo("planner");
        assertThat(c.text(Locale.ENGLISH)).isEqualTo("Changed contract " + contract.getName() + ": maxConsecutiveDays: "
                + days + " → " + (days - 1) + ".");
        AuditEntry q = AuditFixture.one(trail, start, AuditKind.QUEUE_CHANGED, "queue", queue.getId());
        assertThat(q.text(Locale.ENGLISH)).isEqualTo("Changed queue RU-GEN " + name + " (audited): name: " + name + " → "
                + name + " (audited).");
    }
}
