package org.switchboard.rostering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.transaction.annotation.Transactional;
import org.switchboard.shared.ValidationFailedException;

@SpringBootTest
@Transactional
class ShiftTemplateServiceTest {

    @Autowired
    ShiftTemplateService templates;

    @Autowired
    ShiftTemplateRepository repository;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void templateWithBreaksRoundTrips() {
        ShiftTemplate t = ShiftKindRulesTest.template(LocalTime.of(22, 0), 9 * 60);
        t.setCode("RT-N");
        t.setBreaks(List.of(new ShiftBreak(360, 30, false), new ShiftBreak(180, 30, true)));
        ShiftTemplate loaded = repository.findById(repository.save(t).getId()).orElseThrow();
        assertThat(loaded.getStartTime()).isEqualTo(LocalTime.of(22, 0));
        assertThat(loaded.getBreaks()).containsExactly(new ShiftBreak(180, 30, true), new ShiftBreak(360, 30, false));
        assertThat(templates.kindOf(loaded)).isEqualTo(ShiftKind.NIGHT);
    }

    @Test
    @WithMockUser(roles = "PLANNER")
    void breaksMustLieInsideTheShiftWithoutOverlapping() {
        ShiftTemplate t = ShiftKindRulesTest.template(LocalTime.of(8, 0), 8 * 60);
        t.setCode("BRK");
        t.setBreaks(List.of(new ShiftBreak(200, 60, false), new ShiftBreak(240, 30, false)));
        assertThatThrownBy(() -> templates.save(t))
                .isInstanceOfSatisfying(ValidationFailedException.class,
                        e -> assertThat(e.fieldErrors()).containsEntry("breaks", "Breaks must not overlap"));
        t.setBreaks(List.of(new ShiftBreak(450, 60, false)));
        assertThatThrownBy(() -> templates.save(t))
                .isInstanceOfSatisfying(ValidationFailedException.class, e -> assertThat(e.fieldErrors())
                        .containsEntry("breaks", "A break must start after the shift starts and end before it ends"));
        t.setBreaks(List.of(new ShiftBreak(240, 60, false)));
        assertThat(templates.save(t).getId()).isNotNull();
    }

    @Test
    @WithMockUser(roles = "PLANNER")
    void lengthMustBePositive() {
        ShiftTemplate t = ShiftKindRulesTest.template(LocalTime.of(8, 0), 0);
        t.setCode("ZERO");
        assertThatThrownBy(() -> templates.save(t))
                .isInstanceOfSatisfying(ValidationFailedException.class, e -> assertThat(e.fieldErrors())
                        .containsEntry("lengthMinutes", "A shift lasts at least 15 minutes"));
        assertThatThrownBy(() -> jdbc.update(
                        "insert into shift_template (code, name, start_time, length_minutes) values ('Z', 'Zero', '08:00', 0)"))
                .isInstanceOf(DataIntegrityViolationException.class)
                .hasMessageContaining("shift_template_length_positive");
    }

    @Test
    @WithMockUser(roles = "MANAGER")
    void managersCannotChangeTemplates() {
        assertThat(templates.list()).extracting(ShiftTemplate::getCode).contains("D07", "E12", "N22");
        assertThatThrownBy(() -> templates.save(templates.list().getFirst())).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void startWindowAndFloatingBreakRoundTrip() {
        ShiftTemplate t = ShiftKindRulesTest.template(LocalTime.of(7, 0), 9 * 60);
        t.setCode("RT-W");
        t.setLatestStartTime(LocalTime.of(10, 0));
        t.setStartStepMinutes(60);
        t.setBreaks(List.of(new ShiftBreak(180, 60, false, 300), new ShiftBreak(60, 15, true)));
        ShiftTemplate loaded = repository.findById(repository.save(t).getId()).orElseThrow();
        assertThat(loaded.getLatestStartTime()).isEqualTo(LocalTime.of(10, 0));
        assertThat(loaded.getStartStepMinutes()).isEqualTo(60);
        assertThat(loaded.startTimes()).hasSize(4);
        assertThat(loaded.getBreaks()).containsExactly(new ShiftBreak(60, 15, true, null), new ShiftBreak(180, 60, false, 300));
        assertThat(loaded.getBreaks().get(1).isFloating()).isTrue();
        assertThat(loaded.paidMinutes()).isEqualTo(480);
    }

    @Test
    @WithMockUser(roles = "PLANNER")
    void startWindowRules() {
        ShiftTemplate t = ShiftKindRulesTest.template(LocalTime.of(7, 0), 9 * 60);
        t.setCode("WIN");
        t.setLatestStartTime(LocalTime.of(6, 0));
        t.setStartStepMinutes(60);
        expect(t, "latestStartTime", "The latest start must be at or after the start, on the same day");
        t.setLatestStartTime(LocalTime.of(10, 0));
        t.setStartStepMinutes(null);
        expect(t, "startStepMinutes", "Enter the minutes between two starts");
        t.setStartStepMinutes(7);
        expect(t, "startStepMinutes", "Use a step of 5, 10, 15, 20 or 30 minutes or whole hours");
        t.setStartStepMinutes(0);
        expect(t, "startStepMinutes", "The step is at least one minute");
        t.setStartStepMinutes(60);
        t.setLatestStartTime(LocalTime.of(10, 30));
        expect(t, "latestStartTime", "The latest start must be a whole number of steps (60 min) after the start");
        t.setStartTime(LocalTime.of(0, 0));
        t.setLatestStartTime(LocalTime.of(12, 15));
        t.setStartStepMinutes(15);
        expect(t, "startStepMinutes", "At most 24 starts: use a longer step or a shorter window");

        t.setStartTime(LocalTime.of(7, 0));
        t.setLatestStartTime(LocalTime.of(10, 0));
        t.setStartStepMinutes(30);
        assertThat(templates.save(t).startTimes()).hasSize(7);
        // a fixed start keeps no step
        t.setLatestStartTime(null);
        assertThat(templates.save(t).getStartStepMinutes()).isNull();
        assertThatThrownBy(() -> jdbc.update("insert into shift_template (code, name, start_time, length_minutes, "
                        + "latest_start_time, start_step_minutes) values ('W2', 'Window', '08:00', 480, '07:00', 60)"))
                .isInstanceOf(DataIntegrityViolationException.class)
                .hasMessageContaining("shift_template_start_window");
    }

    @Test
    @WithMockUser(roles = "PLANNER")
    void aRussianReaderReadsTheReasonsInRussian() {
        ShiftTemplate t = ShiftKindRulesTest.template(LocalTime.of(7, 0), 9 * 60);
        t.setCode("wrong code");
        t.setLengthMinutes(5);
        t.setLatestStartTime(LocalTime.of(10, 30));
        t.setStartStepMinutes(60);
        assertThatThrownBy(() -> templates.save(t))
                .isInstanceOfSatisfying(ValidationFailedException.class, e -> {
                    assertThat(e.fieldErrors(java.util.Locale.forLanguageTag("ru")))
                            .containsEntry("code", "От 1 до 8 заглавных латинских букв, цифр, - или _")
                            .containsEntry("lengthMinutes", "Смена длится не меньше 15 минут")
                            .containsEntry("latestStartTime",
                                    "Последнее начало должно отстоять от начала на целое число шагов (60 мин)");
                    assertThat(e.fieldErrors())
                            .containsEntry("lengthMinutes", "A shift lasts at least 15 minutes")
                            .containsEntry("latestStartTime",
                                    "The latest start must be a whole number of steps (60 min) after the start");
                });
    }

    @Test
    @WithMockUser(roles = "PLANNER")
    void floatingBreaksStayInsideTheShiftAndApartFromEachOther() {
        ShiftTemplate t = ShiftKindRulesTest.template(LocalTime.of(8, 0), 8 * 60);
        t.setCode("FLT");
        t.setBreaks(List.of(new ShiftBreak(300, 60, false, 200)));
        expect(t, "breaks", "A break's latest start must not be before its earliest start");
        t.setBreaks(List.of(new ShiftBreak(180, 60, false, 450)));
        expect(t, "breaks", "A floating break must start after the shift starts and end before it ends, even at its latest start");
        t.setBreaks(List.of(new ShiftBreak(60, 15, true, 180), new ShiftBreak(150, 60, false, 300)));
        expect(t, "breaks", "Breaks must not overlap, counting the window a floating break may move in");
        t.setBreaks(List.of(new ShiftBreak(60, 15, true, 90), new ShiftBreak(180, 60, false, 300)));
        assertThat(templates.save(t).getBreaks()).hasSize(2);
    }

    private void expect(ShiftTemplate t, String field, String reason) {
        assertThatThrownBy(() -> templates.save(t))
                .isInstanceOfSatisfying(ValidationFailedException.class,
                        e -> assertThat(e.fieldErrors()).containsEntry(field, reason));
    }
}
