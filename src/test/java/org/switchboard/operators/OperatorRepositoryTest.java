package org.switchboard.operators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Transactional;

/** Round trips through the real PostgreSQL, and the database constraints behind the important rules. */
@SpringBootTest
@Transactional
class OperatorRepositoryTest {

    @Autowired
    OperatorRepository operators;

    @Autowired
    TeamRepository teams;

    @Autowired
    ContractRepository contracts;

    @Autowired
    ContractPresetRepository presets;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void operatorWithSkillsRoundTrips() {
        Team team = teams.save(new Team("Round trip team"));
        Contract contract = contracts.save(new Contract("Round trip contract"));
        long queueA = jdbc.queryForObject("select id from queue where code = 'RU-GEN'", Long.class);
        long queueB = jdbc.queryForObject("select id from queue where code = 'BILL'", Long.class);
        Operator o = new Operator();
        o.setEmployeeNumber("RT-1");
        o.setFirstName("Vera");
        o.setLastName("Orlova");
        o.setTeamId(team.getId());
        o.setContractId(contract.getId());
        o.setGrade(Grade.SENIOR);
        o.setTimeZone("Asia/Yekaterinburg");
        o.setSkills(List.of(new OperatorSkill(queueA, 5), new OperatorSkill(queueB, 2)));

        Operator saved = operators.save(o);
        Operator loaded = operators.findById(saved.getId()).orElseThrow();

        assertThat(loaded.getEmployeeNumber()).isEqualTo("RT-1");
        assertThat(loaded.fullName()).isEqualTo("Orlova, Vera");
        assertThat(loaded.getGrade()).isEqualTo(Grade.SENIOR);
        assertThat(loaded.zone().getId()).isEqualTo("Asia/Yekaterinburg");
        assertThat(loaded.getSkills()).containsExactly(new OperatorSkill(queueA, 5), new OperatorSkill(queueB, 2));

        loaded.setSkills(List.of(new OperatorSkill(queueB, 4)));
        operators.save(loaded);
        assertThat(operators.findById(saved.getId()).orElseThrow().getSkills())
                .containsExactly(new OperatorSkill(queueB, 4));
    }

    @Test
    void contractRoundTripsAndPresetsAreSeededByTheMigration() {
        Contract c = new Contract("Four-day week");
        c.applyTerms(presets.findAllByOrderByName().getFirst());
        c.setMaxConsecutiveDays(4);
        Contract loaded = contracts.findById(contracts.save(c).getId()).orElseThrow();
        assertThat(loaded.getMaxConsecutiveDays()).isEqualTo(4);
        assertThat(loaded.getMinRestMinutes()).isEqualTo(presets.findAllByOrderByName().getFirst().minRestMinutes());
        assertThat(presets.findAll()).extracting(ContractPreset::name)
                .anyMatch(n -> n.startsWith("Russian Labour Code"))
                .anyMatch(n -> n.startsWith("EU Working Time Directive"));
        // overtime allowances: 120 h a year in the Russian presets, a 48 h average on the EU 40 h week
        assertThat(presets.findAll()).allMatch(p -> p.name().startsWith("Russian Labour Code")
                ? p.maxOvertimeMinutesPerWeek() == 4 * 60
                : p.maxOvertimeMinutesPerWeek() == (p.name().endsWith("40 h") ? 8 * 60 : 0));
        c.setMaxOvertimeMinutesPerWeek(150);
        assertThat(contracts.findById(contracts.save(c).getId()).orElseThrow().getMaxOvertimeMinutesPerWeek()).isEqualTo(150);
    }

    @Test
    void aStaleCopyCannotOverwriteANewerChange() {
        Operator first = operators.findAllByOrderByLastNameAscFirstNameAsc().getFirst();
        Operator stale = operators.findById(first.getId()).orElseThrow();
        first.setFirstName("Newer");
        operators.save(first);
        stale.setFirstName("Older");
        assertThatThrownBy(() -> operators.save(stale)).isInstanceOf(OptimisticLockingFailureException.class);
        assertThat(operators.findById(first.getId()).orElseThrow().getFirstName()).isEqualTo("Newer");
    }

    @Test
    void databaseRefusesADuplicateEmployeeNumber() {
        jdbc.update("insert into operator (employee_number, first_name, last_name, team_id, grade, contract_id, time_zone)"
                + " select 'DUP-1', 'A', 'B', min(t.id), 'REGULAR', min(c.id), 'UTC' from team t, contract c");
        assertThatThrownBy(() -> jdbc.update(
                        "insert into operator (employee_number, first_name, last_name, team_id, grade, contract_id, time_zone)"
                                + " select 'DUP-1', 'C', 'D', min(t.id), 'REGULAR', min(c.id), 'UTC' from team t, contract c"))
                .isInstanceOf(DuplicateKeyException.class)
                .hasMessageContaining("operator_employee_number_unique");
    }

    @Test
    void databaseRefusesContractsWhoseMinimumExceedsTheMaximum() {
        assertThatThrownBy(() -> jdbc.update("insert into contract (name, min_minutes_per_week, max_minutes_per_week,"
                        + " max_consecutive_days, min_consecutive_days_off, min_rest_minutes, max_nights_in_row,"
                        + " min_rest_after_nights_minutes, max_weekends_per_period) values ('Bad', 3000, 2400, 5, 2, 660, 0, 0, 2)"))
                .isInstanceOf(DataIntegrityViolationException.class)
                .hasMessageContaining("contract_week_minutes");
    }
}
