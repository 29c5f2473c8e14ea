package org.switchboard.absences;

import static org.assertj.core.api.Assertions.assertThat;
import static org.switchboard.absences.AbsenceTestSupport.ANNA;
import static org.switchboard.absences.AbsenceTestSupport.COLLEAGUE;
import static org.switchboard.absences.AbsenceTestSupport.OTHER_COLLEAGUE;
import static org.switchboard.absences.AbsenceTestSupport.day;
import static org.switchboard.absences.AbsenceTestSupport.manager;
import static org.switchboard.absences.AbsenceTestSupport.operator;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.transaction.annotation.Transactional;
import org.switchboard.absences.AbsenceImpact.Interval;
import org.switchboard.absences.AbsenceImpact.QueueDay;

/** The team's automatic approval (its decision on real impact figures, and in the workflow) and a request's impact. */
@SpringBootTest
@Transactional
@RecordApplicationEvents
class AutoApprovalAndImpactTest {

    @Autowired
    TimeOffRequests requests;
    @Autowired
    AbsenceDecisions decisions;
    @Autowired
    Allotments allotments;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ApplicationEvents events;

    static AbsenceImpact impact(Double... after) {
        LocalDate d = LocalDate.of(2027, 6, 1);
        List<QueueDay> days = new java.util.ArrayList<>();
        for (Double sl : after) {
            days.add(new QueueDay(d, 1, "RU-GEN", 0.8, List.of(new Interval(Instant.parse("2027-06-01T06:00:00Z"),
                    LocalTime.of(9, 0), 30, sl == null ? 0 : 40, 5, 5, 4, sl == null ? null : 0.95, sl))));
        }
        return new AbsenceImpact(days);
    }

    @Test
    void theRuleApprovesWhileTheServiceLevelStaysAtOrAboveTheThreshold() {
        TeamAbsenceSettings on = new TeamAbsenceSettings(1, null, true, 0.80);
        assertThat(AutoApproval.approves(on, AbsenceImpact.none())).as("no projection").isTrue();
        assertThat(AutoApproval.approves(on, impact((Double) null))).as("no calls").isTrue();
        assertThat(AutoApproval.approves(on, impact(0.91, 0.80))).isTrue();
        assertThat(AutoApproval.approves(on, impact(0.91, 0.79))).as("the lowest day counts").isFalse();
        assertThat(AutoApproval.approves(new TeamAbsenceSettings(1, null, false, 0.80), impact(0.99))).as("off").isFalse();
        assertThat(impact(0.91, 0.79).lowestServiceLevelAfter()).isEqualTo(0.79);
    }

    @Test
    void anAutoApprovedRequestIsDecidedByTheSystem() {
        long aurora = jdbc.queryForObject("select id from team where name = 'Aurora (day)'", Long.class);
        manager(() -> allotments.saveSettings(new TeamAbsenceSettings(aurora, 1, true, 0.0)));
        RequestOutcome o = operator(ANNA, () -> requests.request(NewAbsence.days(AbsenceType.VACATION, day(4, 12), day(4, 13), null)));
        assertThat(o.status()).isEqualTo(AbsenceStatus.APPROVED);
        AbsenceEntry e = manager(() -> requests.get(o.id()));
        assertThat(e.decidedBySystem()).isTrue();
        assertThat(e.decidedBy()).isEqualTo("system");
        assertThat(events.stream(AbsenceApproved.class)).singleElement().satisfies(a -> assertThat(a.bySystem()).isTrue());
        // a waitlisted request that moves up is asked again
        RequestOutcome waiting = operator(COLLEAGUE, () -> requests.request(NewAbsence.days(AbsenceType.VACATION, day(4, 13), day(4, 13), null)));
        assertThat(waiting.status()).isEqualTo(AbsenceStatus.WAITLISTED);
        operator(ANNA, () -> requests.cancel(o.id()));
        assertThat(manager(() -> requests.get(waiting.id())).status()).isEqualTo(AbsenceStatus.APPROVED);
    }

    @Test
    void theImpactListsTheTeamsOtherApprovedAbsences() {
        long mine = operator(ANNA, () -> requests.request(NewAbsence.days(AbsenceType.VACATION, day(9, 14), day(9, 18), null))).id();
        long sick = AbsenceTestSupport.planner(() -> requests.request(new NewAbsence(AbsenceType.SICK, day(9, 17), day(9, 20),
                null, null, null, "E1003"))).id();
        // not overlapping, and not approved: left out
        AbsenceTestSupport.planner(() -> requests.request(new NewAbsence(AbsenceType.SICK, day(9, 25), day(9, 26),
                null, null, null, "E1005")));
        operator(OTHER_COLLEAGUE, () -> requests.request(NewAbsence.span(AbsenceType.OTHER, day(9, 15).atTime(9, 0),
                day(9, 15).atTime(10, 0), null)));
        ImpactReport r = manager(() -> decisions.impact(mine));
        assertThat(r.absence().id()).isEqualTo(mine);
        assertThat(r.otherAbsences()).extracting(AbsenceEntry::id).containsExactly(sick);
        assertThat(r.otherAbsences().getFirst().employeeNumber()).isEqualTo("E1003");
        assertThat(r.impact()).isNotNull();
        assertThat(AbsenceTestSupport.planner(() -> decisions.impact(mine)).absence().id()).isEqualTo(mine);
    }
}
