package org.switchboard.rostering;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Start windows: the starts a template offers, their kinds and labels. */
class ShiftTemplateTest {

    private final ShiftKindRules rules = ShiftKindRules.DEFAULT;

    @Test
    void aFixedTemplateOffersItsStartOnly() {
        ShiftTemplate t = ShiftKindRulesTest.template(LocalTime.of(22, 0), 9 * 60);
        t.setStartStepMinutes(60); // without a latest start the step means nothing
        assertThat(t.hasStartWindow()).isFalse();
        assertThat(t.startTimes()).containsExactly(LocalTime.of(22, 0));
        assertThat(t.kinds(rules)).containsExactly(ShiftKind.NIGHT);
        assertThat(t.timeLabel()).isEqualTo("22:00–07:00 (+1)");
    }

    @Test
    void aWindowOffersEveryStepUpToTheLatestStart() {
        ShiftTemplate t = ShiftKindRulesTest.template(LocalTime.of(7, 0), 9 * 60);
        t.setLatestStartTime(LocalTime.of(10, 0));
        t.setStartStepMinutes(60);
        assertThat(t.startTimes()).containsExactly(LocalTime.of(7, 0), LocalTime.of(8, 0), LocalTime.of(9, 0), LocalTime.of(10, 0));
        assertThat(t.timeLabel()).isEqualTo("07:00–16:00 … 10:00–19:00, every 60 min");
        // a step that does not reach the latest start exactly stops before it
        t.setStartStepMinutes(90);
        assertThat(t.startTimes()).containsExactly(LocalTime.of(7, 0), LocalTime.of(8, 30), LocalTime.of(10, 0));
        t.setLatestStartTime(LocalTime.of(9, 59));
        assertThat(t.startTimes()).containsExactly(LocalTime.of(7, 0), LocalTime.of(8, 30));
    }

    @Test
    void theKindIsDerivedPerStart() {
        ShiftTemplate t = ShiftKindRulesTest.template(LocalTime.of(10, 0), 9 * 60);
        t.setLatestStartTime(LocalTime.of(16, 0));
        t.setStartStepMinutes(120);
        List<ShiftKind> kinds = t.startTimes().stream().map(s -> t.kindAt(s, rules)).toList();
        // 10:00 day; 12:00 and 14:00 evening; 16:00-01:00 has 3 h in the night window
        assertThat(kinds).containsExactly(ShiftKind.DAY, ShiftKind.EVENING, ShiftKind.EVENING, ShiftKind.NIGHT);
        assertThat(t.kinds(rules)).containsExactly(ShiftKind.DAY, ShiftKind.EVENING, ShiftKind.NIGHT);
        assertThat(t.kind(rules)).isEqualTo(ShiftKind.DAY);
        assertThat(t.timeLabel()).isEqualTo("10:00–19:00 … 16:00–01:00 (+1), every 120 min");
    }

    @Test
    void eachStartHasItsOwnSpan() {
        ShiftTemplate t = ShiftKindRulesTest.template(LocalTime.of(7, 0), 9 * 60);
        t.setLatestStartTime(LocalTime.of(10, 0));
        t.setStartStepMinutes(60);
        var span = t.spanOn(LocalDate.of(2026, 3, 2), LocalTime.of(9, 0), ZoneId.of("Europe/Moscow"));
        assertThat(span[0].toLocalTime()).isEqualTo(LocalTime.of(9, 0));
        assertThat(span[1].toLocalTime()).isEqualTo(LocalTime.of(18, 0));
    }
}
