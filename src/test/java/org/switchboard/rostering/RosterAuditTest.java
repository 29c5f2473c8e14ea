package org.switchboard.rostering;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Transactional;
import org.switchboard.audit.AuditEntry;
import org.switchboard.audit.AuditFixture;
import org.switchboard.audit.AuditKind;
import org.switchboard.audit.AuditTrail;
import org.switchboard.operators.Operator;
import org.switchboard.operators.OperatorService;
import org.switchboard.operators.TeamService;
import org.switchboard.shared.SystemAuthentication;
import org.switchboard.shared.Texts;

/**
 * A planner's manual edit, publishing and an open shift added are in the audit trail, by the planner, with the day
 * before and after and the roster's period. In the test's transaction (rolled back), on a week of 2032 no other test plans.
 */
@SpringBootTest
@Transactional
class RosterAuditTest {

    static final LocalDate MONDAY = LocalDate.of(2032, 3, 1);

    @Autowired
    RosterService rosters;
    @Autowired
    RosterEdits edits;
    @Autowired
    RosterStore store;
    @Autowired
    OperatorService operators;
    @Autowired
    TeamService teams;
    @Autowired
    Substitution substitution;
    @Autowired
    AuditTrail trail;
    @Autowired
    JdbcTemplate jdbc;

    static <T> T planner(java.util.function.Supplier<T> work) {
        return AuditFixture.as("planner", "PLANNER", work);
    }

    @Test
    void aManualEditAndPublishingAreRecordedByThePlanner() {
        Instant start = Instant.now().minusSeconds(1);
        long aurora = SystemAuthentication.callAsSystem(teams::list).stream()
                .filter(t -> t.getName().equals("Aurora (day)")).findFirst().orElseThrow().getId();
        Roster r = planner(() -> rosters.create(new NewRoster(MONDAY, 7, List.of(aurora), null, "Europe/Moscow", true,
                null)));
        long operatorId = store.operatorIds(r.id()).getFirst();
        Operator o = SystemAuthentication.callAsSystem(() -> operators.get(operatorId));
        LocalDate day = MONDAY.plusDays(2);
        // the draft starts with the day off; the planner puts a day shift on it
        StoredShift stored = planner(() -> edits.edit(r.id(), o.getEmployeeNumber(), day,
                new DayEdit("D07", LocalTime.of(8, 0), null, false), true, Locale.ENGLISH));
        assertThat(stored).isNotNull();

        AuditEntry edit = AuditFixture.one(trail, start, AuditKind.ROSTER_EDITED, "roster", r.id());
        assertThat(edit.actor()).isEqualTo("planner");
        assertThat(edit.before()).isEqualTo(Map.of("dayOff", true));
        assertThat(edit.after()).containsEntry("template", "D07").containsEntry("start", "08:00")
                .containsEntry("end", "17:00");
        assertThat(edit.facts()).containsEntry("employeeNumber", o.getEmployeeNumber())
                .containsEntry("date", day.toString());
        String queue = edit.after().get("queue") == null ? "" : ", queue " + edit.after().get("queue");
        assertThat(edit.text(Locale.ENGLISH)).startsWith("Changed " + o.getEmployeeNumber() + " " + o.fullName() + " on "
                + day + " in draft roster " + r.id() + ": day off → D07 08:00–17:00" + queue);
        assertThat(edit.text(Texts.RUSSIAN)).startsWith("Изменён день 03.03.2032 оператора " + o.getEmployeeNumber());

        // solved as far as publishing asks (no solver run needed for what is recorded)
        jdbc.update("update roster set solve_ended_at = now() where id = ?", r.id());
        planner(() -> rosters.publish(r.id(), true));
        AuditEntry published = AuditFixture.one(trail, start, AuditKind.ROSTER_PUBLISHED, "roster", r.id());
        assertThat(published.actor()).isEqualTo("planner");
        assertThat(published.before()).isEqualTo(Map.of("state", "DRAFT"));
        assertThat(published.after()).isEqualTo(Map.of("state", "PUBLISHED"));
        assertThat(published.facts()).containsEntry("from", MONDAY.toString())
                .containsEntry("to", MONDAY.plusDays(6).toString())
                .containsEntry("operators", store.operatorIds(r.id()).size()).containsEntry("superseded", 0);
        assertThat(published.text(Locale.ENGLISH)).startsWith("Published roster " + r.id() + " for 2032-03-01 – 2032-03-07");
        assertThat(published.text(Texts.RUSSIAN)).startsWith("Опубликован график " + r.id() + " на 01.03.2032 – 07.03.2032");

        // extra work a planner adds to the published roster
        Substitution.OpenShiftView added = planner(() -> substitution.addOpenShift(r.id(), day, "D07",
                LocalTime.of(9, 0), null));
        AuditEntry open = AuditFixture.one(trail, start, AuditKind.OPEN_SHIFT_ADDED, "openShift", added.id());
        assertThat(open.actor()).isEqualTo("planner");
        assertThat(open.before()).isNull();
        assertThat(open.after()).isEqualTo(Map.of("template", "D07", "start", "09:00", "end", "18:00"));
        assertThat(open.text(Locale.ENGLISH)).isEqualTo("Added an open shift to roster " + r.id() + ": " + day
                + ", D07 09:00–18:00.");
    }
}
