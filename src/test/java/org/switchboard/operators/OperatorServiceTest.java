package org.switchboard.operators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.transaction.annotation.Transactional;
import org.switchboard.demand.QueueService;
import org.switchboard.shared.NotFoundException;
import org.switchboard.shared.ValidationFailedException;

/** Validation and authorization of the operator service, against the demo data in the embedded database. */
@SpringBootTest
@Transactional
class OperatorServiceTest {

    @Autowired
    OperatorService operators;

    @Autowired
    TeamService teams;

    @Autowired
    ContractService contracts;

    @Autowired
    QueueService queues;

    @Test
    @WithMockUser(roles = "PLANNER")
    void plannerCreatesAndEditsAnOperator() {
        Operator saved = operators.save(validOperator("N-100"));
        saved.setLastName("Kozlova");
        operators.save(saved);
        assertThat(operators.get(saved.getId()).getLastName()).isEqualTo("Kozlova");
    }

    @Test
    @WithMockUser(roles = "OPERATOR")
    void operatorCannotEditOperators() {
        assertThatThrownBy(() -> operators.save(new Operator())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> operators.list()).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    @WithMockUser(roles = "MANAGER")
    void managerReadsButCannotChange() {
        assertThat(operators.list()).hasSizeGreaterThanOrEqualTo(60);
        Operator any = operators.list().getFirst();
        assertThatThrownBy(() -> operators.save(any)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> operators.delete(any.getId())).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    @WithMockUser(roles = "PLANNER")
    void invalidInputIsRefusedFieldByField() {
        Operator o = validOperator("bad number!");
        o.setFirstName(" ");
        o.setTimeZone("Mars/Olympus");
        o.setSkills(List.of(new OperatorSkill(queueId("BILL"), 9)));
        int before = operators.list().size();

        assertThatThrownBy(() -> operators.save(o))
                .isInstanceOfSatisfying(ValidationFailedException.class, e -> assertThat(e.fieldErrors())
                        .containsEntry("employeeNumber", "Use up to 20 letters, digits or dashes")
                        .containsEntry("firstName", "Enter the first name")
                        .containsEntry("timeZone", "Unknown time zone")
                        .containsEntry("skills", "Proficiency runs from 1 (learning) to 5 (expert)"));
        assertThat(operators.list()).hasSize(before);
    }

    @Test
    @WithMockUser(roles = "PLANNER")
    void theReasonsAreRenderedInTheReadersLanguage() {
        Operator o = validOperator("bad number!");
        o.setFirstName(" ");
        o.setLastName("x".repeat(101));
        o.setSkills(List.of(new OperatorSkill(queueId("BILL"), 9)));
        o.setNightEligible(true);
        Locale russian = Locale.forLanguageTag("ru-RU");
        assertThatThrownBy(() -> operators.save(o))
                .isInstanceOfSatisfying(ValidationFailedException.class, e -> {
                    assertThat(e.fieldErrors(russian))
                            .containsEntry("employeeNumber", "До 20 латинских букв, цифр или дефисов")
                            .containsEntry("firstName", "Введите имя")
                            .containsEntry("lastName", "Не более 100 символов")
                            .containsEntry("skills", "Уровень навыка — от 1 (обучение) до 5 (эксперт)")
                            .containsEntry("nightEligible", "Договор «Full time 40 h» не допускает ночных смен");
                    assertThat(e.fieldErrors(Locale.GERMAN)).isEqualTo(e.fieldErrors())
                            .containsEntry("lastName", "Use at most 100 characters")
                            .containsEntry("nightEligible", "The contract 'Full time 40 h' allows no night shifts");
                    assertThat(e.getMessage()).contains("firstName: Enter the first name");
                    assertThat(e.message(russian)).contains("firstName: Введите имя");
                });
        assertThatThrownBy(() -> operators.get(-5))
                .isInstanceOfSatisfying(NotFoundException.class, e -> {
                    assertThat(e.getMessage()).isEqualTo("Operator -5 does not exist");
                    assertThat(e.message(russian)).isEqualTo("Не найдено: Оператор -5");
                });
    }

    @Test
    @WithMockUser(roles = "PLANNER")
    void employeeNumbersAreUnique() {
        String taken = operators.list().getFirst().getEmployeeNumber();
        assertThatThrownBy(() -> operators.save(validOperator(taken)))
                .isInstanceOfSatisfying(ValidationFailedException.class, e -> assertThat(e.fieldErrors())
                        .containsEntry("employeeNumber", "Another operator already has this employee number"));
    }

    @Test
    @WithMockUser(roles = "PLANNER")
    void nightEligibilityNeedsAContractThatAllowsNights() {
        Operator o = validOperator("N-101");
        o.setNightEligible(true);
        assertThatThrownBy(() -> operators.save(o))
                .isInstanceOfSatisfying(ValidationFailedException.class, e -> assertThat(e.fieldErrors())
                        .containsEntry("nightEligible", "The contract 'Full time 40 h' allows no night shifts"));

        o.setContractId(contract("Night 36 h").getId());
        assertThat(operators.save(o).isNightEligible()).isTrue();
    }

    @Test
    @WithMockUser(roles = "PLANNER")
    void activeOperatorsNeedASkillAndNoQueueTwice() {
        Operator none = validOperator("N-102");
        none.setSkills(List.of());
        assertThatThrownBy(() -> operators.save(none))
                .isInstanceOfSatisfying(ValidationFailedException.class, e -> assertThat(e.fieldErrors())
                        .containsEntry("skills", "An active operator needs at least one skill"));
        Operator twice = validOperator("N-103");
        twice.setSkills(List.of(new OperatorSkill(queueId("BILL"), 2), new OperatorSkill(queueId("BILL"), 3)));
        assertThatThrownBy(() -> operators.save(twice))
                .isInstanceOfSatisfying(ValidationFailedException.class, e -> assertThat(e.fieldErrors())
                        .containsEntry("skills", "A queue is listed twice"));
    }

    @Test
    @WithMockUser(roles = "PLANNER")
    void teamsAndContractsInUseCannotBeDeleted() {
        Operator any = operators.list().getFirst();
        assertThatThrownBy(() -> teams.delete(any.getTeamId()))
                .isInstanceOfSatisfying(ValidationFailedException.class, e -> assertThat(e.fieldErrors().get("name"))
                        .startsWith("The team still has operators"));
        assertThatThrownBy(() -> contracts.delete(any.getContractId()))
                .isInstanceOf(ValidationFailedException.class);
        Contract night = contract("Night 36 h");
        night.setMaxNightsInRow(0);
        assertThatThrownBy(() -> contracts.save(night))
                .isInstanceOfSatisfying(ValidationFailedException.class, e -> assertThat(e.fieldErrors().get("maxNightsInRow"))
                        .endsWith("night-eligible operator(s) have this contract: allow at least one night or change them first"));
    }

    private Operator validOperator(String number) {
        Operator o = new Operator();
        o.setEmployeeNumber(number);
        o.setFirstName("Daria");
        o.setLastName("Sokolova");
        o.setTeamId(teams.list().getFirst().getId());
        o.setContractId(contract("Full time 40 h").getId());
        o.setSkills(List.of(new OperatorSkill(queueId("RU-GEN"), 3)));
        return o;
    }

    private Contract contract(String name) {
        return contracts.list().stream().filter(c -> c.getName().equals(name)).findFirst().orElseThrow();
    }

    private long queueId(String code) {
        return queues.findByCode(code).orElseThrow().getId();
    }
}
