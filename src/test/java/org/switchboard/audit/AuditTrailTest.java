package org.switchboard.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionTemplate;
import org.switchboard.shared.SystemAuthentication;
import org.switchboard.shared.Texts;

/**
 * The trail itself: an entry is written with the change's transaction (and not when it rolls back), never outside
 * one; who made it; what the database keeps (JSON objects, dates as ISO text); that the table refuses updates, deletes
 * and truncation; who may read; and the sentences in English and Russian.
 */
@SpringBootTest
class AuditTrailTest {

    @Autowired
    AuditTrail trail;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    JdbcTemplate jdbc;

    /** A subject id no other test uses. */
    static String unique() {
        return "t" + System.nanoTime();
    }

    void inTransaction(Runnable work, boolean commit) {
        transactions.executeWithoutResult(status -> {
            work.run();
            if (!commit) {
                status.setRollbackOnly();
            }
        });
    }

    List<AuditEntry> about(Instant from, String subjectId) {
        return AuditFixture.since(trail, from).stream().filter(e -> e.subjectId().equals(subjectId)).toList();
    }

    @Test
    void anEntryIsWrittenExactlyWhenTheChangeCommits() {
        Instant start = Instant.now().minusSeconds(1);
        String kept = unique();
        String undone = unique();
        AuditFixture.as("planner", "PLANNER", () -> {
            inTransaction(() -> trail.record(AuditKind.TEAM_CHANGED, "team", kept, null, Map.of("name", "Kept"),
                    AuditTrail.facts("label", "Kept")), true);
            inTransaction(() -> trail.record(AuditKind.TEAM_CHANGED, "team", undone, null, Map.of("name", "Undone"),
                    AuditTrail.facts("label", "Undone")), false);
            return null;
        });
        assertThat(about(start, kept)).singleElement().satisfies(e -> {
            assertThat(e.actor()).isEqualTo("planner");
            assertThat(e.bySystem()).isFalse();
            assertThat(e.kind()).isEqualTo(AuditKind.TEAM_CHANGED);
            assertThat(e.subjectType()).isEqualTo("team");
            assertThat(e.before()).isNull();
            assertThat(e.after()).containsEntry("name", "Kept");
            assertThat(e.at()).isAfter(start).isBefore(Instant.now().plusSeconds(1));
            assertThat(e.text(java.util.Locale.ENGLISH)).isEqualTo("Created team Kept.");
            assertThat(e.text(Texts.RUSSIAN)).isEqualTo("Создана группа Kept.");
        });
        assertThat(about(start, undone)).as("rolled back with its change").isEmpty();
    }

    @Test
    void outsideATransactionNothingIsRecorded() {
        assertThatThrownBy(() -> trail.record(AuditKind.TEAM_CHANGED, "team", unique(), null, null, Map.of()))
                .isInstanceOf(IllegalTransactionStateException.class);
    }

    @Test
    void theSystemActsWhenNobodyIsSignedInWhenWorkRunsAsTheSystemAndForAutomaticDecisions() {
        Instant start = Instant.now().minusSeconds(1);
        String nobody = unique();
        String system = unique();
        String automatic = unique();
        inTransaction(() -> trail.record(AuditKind.TEAM_CHANGED, "team", nobody, null, Map.of(), Map.of()), true);
        SystemAuthentication.runAsSystem(() -> inTransaction(() -> trail.record(AuditKind.TEAM_CHANGED, "team", system,
                null, Map.of(), Map.of()), true));
        AuditFixture.as("manager", "MANAGER", () -> {
            inTransaction(() -> trail.recordBySystem(AuditKind.ABSENCE_APPROVED, "absence", automatic,
                    Map.of("status", "REQUESTED"), Map.of("status", "APPROVED"), AuditTrail.facts("auto", true)), true);
            return null;
        });
        assertThat(about(start, nobody)).singleElement().satisfies(e -> assertThat(e.actor()).isEqualTo("system"));
        assertThat(about(start, system)).singleElement().satisfies(e -> assertThat(e.bySystem()).isTrue());
        assertThat(about(start, automatic)).singleElement().satisfies(e -> assertThat(e.actor()).isEqualTo("system"));
    }

    @Test
    void statesAreJsonObjectsAndFactsKeepDatesAsIsoText() {
        Instant start = Instant.now().minusSeconds(1);
        String id = unique();
        record Shift(String template, LocalDate date) {}
        AuditFixture.as("planner", "PLANNER", () -> {
            inTransaction(() -> trail.record(AuditKind.OPERATOR_CHANGED, "operator", id, List.of("a", "b"),
                    new Shift("D07", LocalDate.of(2027, 3, 10)), AuditTrail.facts("date", LocalDate.of(2027, 3, 10),
                            "skipped", null, "count", 3)), true);
            return null;
        });
        AuditEntry e = about(start, id).getFirst();
        assertThat(e.before()).isEqualTo(Map.of("value", List.of("a", "b")));
        assertThat(e.after()).isEqualTo(Map.of("template", "D07", "date", "2027-03-10"));
        assertThat(e.facts()).isEqualTo(Map.of("date", "2027-03-10", "count", 3));
        assertThat(jdbc.queryForObject("select jsonb_typeof(after) from audit_entry where subject_id = ?", String.class,
                id)).isEqualTo("object");
        assertThat(e.text(java.util.Locale.ENGLISH)).isEqualTo(
                "Changed operator " + id + ": date: — → 2027-03-10; template: — → D07; value: [\"a\",\"b\"] → —.");
    }

    @Test
    void theTableIsAppendOnly() {
        String id = unique();
        inTransaction(() -> trail.record(AuditKind.TEAM_CHANGED, "team", id, null, Map.of(), Map.of()), true);
        assertThatThrownBy(() -> jdbc.update("update audit_entry set actor = 'someone' where subject_id = ?", id))
                .isInstanceOf(DataAccessException.class).rootCause()
                .hasMessageContaining("the audit trail is append-only: UPDATE on audit_entry refused");
        assertThatThrownBy(() -> jdbc.update("delete from audit_entry where subject_id = ?", id))
                .isInstanceOf(DataAccessException.class).rootCause()
                .hasMessageContaining("the audit trail is append-only: DELETE on audit_entry refused");
        assertThatThrownBy(() -> jdbc.execute("truncate audit_entry"))
                .isInstanceOf(DataAccessException.class).rootCause()
                .hasMessageContaining("the audit trail is append-only: TRUNCATE on audit_entry refused");
        assertThat(jdbc.queryForObject("select actor from audit_entry where subject_id = ?", String.class, id))
                .isEqualTo("system");
    }

    @Test
    void onlyManagersAndAdminsRead() {
        for (String role : List.of("PLANNER", "OPERATOR")) {
            assertThatThrownBy(() -> AuditFixture.as("someone", role, () -> trail.find(AuditQuery.all())))
                    .as(role).isInstanceOf(AccessDeniedException.class);
        }
        assertThat(AuditFixture.as("admin", "ADMIN", () -> trail.find(AuditQuery.all())).size())
                .isEqualTo(AuditTrail.DEFAULT_SIZE);
        assertThat(AuditFixture.as("manager", "MANAGER", () -> trail.find(AuditQuery.all().page(0, 1))).entries())
                .hasSizeLessThanOrEqualTo(1);
    }

    @Test
    void everyKindHasItsNameAndSentenceInBothLanguages() {
        for (AuditKind kind : AuditKind.values()) {
            assertThat(Texts.has("audit.kind." + kind.name())).as(kind.name()).isTrue();
            AuditEntry e = new AuditEntry(1, Instant.now(), "system", kind, "user", "someone", Map.of("a", 1),
                    Map.of("a", 2), Map.of("label", "someone"));
            for (java.util.Locale locale : List.of(java.util.Locale.ENGLISH, Texts.RUSSIAN)) {
                assertThat(e.text(locale)).as(kind + " " + locale).doesNotContain("!audit.").isNotBlank();
            }
        }
        AuditEntry lock = new AuditEntry(1, Instant.now(), "system", AuditKind.ACCOUNT_LOCKED, "user", "anna",
                null, null, Map.of("failures", 10, "minutes", 15));
        assertThat(lock.text(java.util.Locale.ENGLISH))
                .isEqualTo("Account anna locked for 15 minutes after 10 wrong passwords in a row.");
        assertThat(lock.text(Texts.RUSSIAN))
                .isEqualTo("Учётная запись anna заблокирована на 15 мин. после 10 неверных паролей подряд.");
        Set<AuditKind> all = Set.of(AuditKind.values());
        assertThat(all).hasSize(18);
    }
}
