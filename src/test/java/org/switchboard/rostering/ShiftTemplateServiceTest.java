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
        assertThat(templates.list()).extracting(ShiftTemplate::getCode).contains("D08", "E14", "N22");
        assertThatThrownBy(() -> templates.save(templates.list().getFirst())).isInstanceOf(AccessDeniedException.class);
    }
}
