package org.switchboard.rostering;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.test.context.support.WithMockUser;
import org.switchboard.demand.staffing.RequirementService;
import org.switchboard.demand.staffing.StaffingRequirement;
import org.switchboard.rostering.solver.BreakWindow;
import org.switchboard.rostering.solver.RosterSolution;
import org.switchboard.rostering.solver.RosterWeights;
import org.switchboard.rostering.solver.ShiftOption;

/**
 * {@code switchboard.roster.break-starts-in-search} (off by default): a shift whose one unpaid break floats is offered once per start of
 * the break on the demand grid, so the solver chooses where the break goes together with the shift (the demo week).
 */
@SpringBootTest
@WithMockUser(roles = "PLANNER")
class BreakStartsInSearchTest {

    static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");

    @Autowired
    RosterProblemBuilder builder;

    @Autowired
    RequirementService requirements;

    @Test
    void aShiftWithOneFloatingBreakIsOfferedOncePerBreakStartAndAStoredBreakFindsItsOwn() {
        Instant now = Instant.now();
        LocalDate start = requirements.requirements(now.minus(3, ChronoUnit.DAYS), now.plus(60, ChronoUnit.DAYS)).stream()
                .map(StaffingRequirement::start).min(Comparator.naturalOrder()).orElseThrow().atZone(MOSCOW).toLocalDate();
        // the shared test context keeps the default (off): a context of its own would start a second embedded database
        RosterSolution s = builder.withBreakStartsInSearch(true).build(start, 7, MOSCOW, new RosterWeights());
        assertThat(builder.build(start, 7, MOSCOW, new RosterWeights()).getShiftOptions())
                .filteredOn(o -> o.templateCode().equals("D07")).hasSize(4 * 7);

        // D07 07:00-10:00 hourly, its meal hour floating 3-5 h after the start: 9 quarter-hour starts each; the night
        // N22 has two floating half hours and stays one option with its windows (BreakPlanner places them)
        List<ShiftOption> d07at8 = s.getShiftOptions().stream()
                .filter(o -> o.templateCode().equals("D07") && o.dayIndex() == 2 && o.localStart().getHour() == 8).toList();
        assertThat(d07at8).hasSize(9).allMatch(o -> o.unpaidBreaks().size() == 1 && o.unpaidBreaks().getFirst().isFixed())
                .allMatch(o -> o.paidMinutes() == 480 && o.coveredSlots().length == 32);
        assertThat(d07at8.stream().map(o -> o.unpaidBreaks().getFirst().earliestStart()).distinct()).hasSize(9);
        assertThat(s.getShiftOptions()).extracting(ShiftOption::id).doesNotHaveDuplicates();
        assertThat(s.getShiftOptions()).filteredOn(o -> o.templateCode().equals("N22"))
                .hasSize(7).allMatch(o -> o.unpaidBreaks().size() == 2 && o.hasFloatingBreaks());
        assertThat(s.getShiftOptions()).hasSize((4 * 9 + 3 + 4 * 9 + 3 + 1) * 7);
        // each variant leaves out the four quarter hours of its own break
        for (ShiftOption o : d07at8) {
            BreakWindow b = o.unpaidBreaks().getFirst();
            int first = (int) (Duration.between(o.grid().start(), b.earliestStart()).toMinutes() / 15);
            assertThat(o.coveredSlots()).doesNotContain(first, first + 1, first + 2, first + 3)
                    .contains(first - 1, first + 4);
        }

        // a stored shift (a draft or a published day) is matched to the variant with its break
        ShiftOption late = d07at8.getLast();
        Instant breakStart = late.unpaidBreaks().getFirst().earliestStart();
        StoredShift stored = new StoredShift(1, late.date(), "D07", late.start(), late.end(), 480, null,
                List.of(new StoredShift.Span(breakStart, breakStart.plusSeconds(3600))));
        assertThat(RosterProblemBuilder.match(d07at8, stored)).isSameAs(late);
        StoredShift withoutBreaks = new StoredShift(1, late.date(), "D07", late.start(), late.end(), 480, null, List.of());
        assertThat(RosterProblemBuilder.match(d07at8, withoutBreaks)).isSameAs(d07at8.getFirst());
    }
}
