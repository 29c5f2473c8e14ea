package org.switchboard.absences;

import static org.assertj.core.api.Assertions.assertThat;
import static org.switchboard.absences.AbsenceTestSupport.ANNA;
import static org.switchboard.absences.AbsenceTestSupport.COLLEAGUE;
import static org.switchboard.absences.AbsenceTestSupport.day;
import static org.switchboard.absences.AbsenceTestSupport.manager;
import static org.switchboard.absences.AbsenceTestSupport.operator;

import java.time.Instant;
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
import org.switchboard.shared.Texts;

/**
 * Decisions on absences are in the audit trail: a manager's approval and rejection by the manager, an automatic
 * approval by the system (though the operator asking is signed in), each with whose absence, its type and days.
 */
@SpringBootTest
@Transactional
class AbsenceAuditTest {

    @Autowired
    TimeOffRequests requests;
    @Autowired
    AbsenceDecisions decisions;
    @Autowired
    Allotments allotments;
    @Autowired
    AuditTrail trail;
    @Autowired
    JdbcTemplate jdbc;

    long aurora() {
        return jdbc.queryForObject("select id from team where name = 'Aurora (day)'", Long.class);
    }

    @Test
    void aManagersApprovalAndRejectionAreRecordedByTheManager() {
        Instant start = Instant.now().minusSeconds(1);
        manager(() -> allotments.saveSettings(TeamAbsenceSettings.defaults(aurora())));
        long approved = operator(ANNA, () -> requests.request(NewAbsence.days(AbsenceType.VACATION, day(5, 10),
                day(5, 12), null))).id();
        long rejected = operator(COLLEAGUE, () -> requests.request(NewAbsence.days(AbsenceType.TRAINING, day(5, 20),
                day(5, 20), null))).id();
        manager(() -> decisions.approve(approved));
        manager(() -> decisions.reject(rejected, "Peak week"));

        AuditEntry a = AuditFixture.one(trail, start, AuditKind.ABSENCE_APPROVED, "absence", approved);
        assertThat(a.actor()).isEqualTo("manager");
        assertThat(a.before()).isEqualTo(Map.of("status", "REQUESTED"));
        assertThat(a.after()).isEqualTo(Map.of("status", "APPROVED"));
        assertThat(a.facts()).containsEntry("employeeNumber", "E1001").containsEntry("type", "VACATION")
                .containsEntry("auto", false);
        assertThat(a.text(Locale.ENGLISH)).isEqualTo("Approved the absence of E1001 Ivanova, Anna (Vacation), "
                + day(5, 10) + " – " + day(5, 12) + ".");
        AuditEntry r = AuditFixture.one(trail, start, AuditKind.ABSENCE_REJECTED, "absence", rejected);
        assertThat(r.actor()).isEqualTo("manager");
        assertThat(r.after()).isEqualTo(Map.of("status", "REJECTED", "reason", "Peak week"));
        assertThat(r.text(Texts.RUSSIAN)).isEqualTo("Отклонено отсутствие оператора E1003 " + r.facts().get("operatorName")
                + " (Обучение), " + String.format("20.05.%d", day(5, 20).getYear()) + ": Peak week");
    }

    @Test
    void anAutomaticApprovalIsRecordedAsMadeByTheSystem() {
        Instant start = Instant.now().minusSeconds(1);
        manager(() -> allotments.saveSettings(new TeamAbsenceSettings(aurora(), null, true, 0.0)));
        RequestOutcome o = operator(ANNA, () -> requests.request(NewAbsence.days(AbsenceType.VACATION, day(6, 8),
                day(6, 9), null)));
        assertThat(o.status()).isEqualTo(AbsenceStatus.APPROVED);
        AuditEntry a = AuditFixture.one(trail, start, AuditKind.ABSENCE_APPROVED, "absence", o.id());
        assertThat(a.actor()).as("the operator asked; the system decided").isEqualTo("system");
        assertThat(a.bySystem()).isTrue();
        assertThat(a.facts()).containsEntry("auto", true);
        assertThat(a.text(Locale.ENGLISH)).isEqualTo("Approved the absence of E1001 Ivanova, Anna (Vacation), "
                + day(6, 8) + " – " + day(6, 9) + ", automatically by the team's rule.");
        // sick leave a manager enters is approved at once, by them, with no request before it
        long sick = manager(() -> requests.request(new NewAbsence(AbsenceType.SICK, day(6, 15), day(6, 16), null, null,
                null, "E1003"))).id();
        AuditEntry entered = AuditFixture.one(trail, start, AuditKind.ABSENCE_APPROVED, "absence", sick);
        assertThat(entered.actor()).isEqualTo("manager");
        assertThat(entered.before()).isNull();
    }
}
