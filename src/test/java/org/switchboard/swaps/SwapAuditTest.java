package org.switchboard.swaps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.switchboard.swaps.SwapFixture.ANNA;
import static org.switchboard.swaps.SwapFixture.VERA;
import static org.switchboard.swaps.SwapFixture.as;
import static org.switchboard.swaps.SwapFixture.manager;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
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
import org.switchboard.rostering.PublishedSchedule;
import org.switchboard.rostering.Roster;
import org.switchboard.rostering.RosterService;
import org.switchboard.rostering.ShiftTrades;
import org.switchboard.security.UserAccountService;
import org.switchboard.shared.Texts;

/**
 * Applied trades are in the audit trail with every shift they moved: by the system when the team approves on its own
 * (though the colleague accepting is signed in), by the manager otherwise; a rejection with the manager's reason.
 * Each test's transaction is rolled back.
 */
@SpringBootTest
@Transactional
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SwapAuditTest {

    static final Locale EN = Locale.ENGLISH;

    @Autowired
    Swaps swaps;
    @Autowired
    ShiftTrades trades;
    @Autowired
    RosterService rosters;
    @Autowired
    OperatorService operators;
    @Autowired
    TeamService teams;
    @Autowired
    UserAccountService accounts;
    @Autowired
    PublishedSchedule published;
    @Autowired
    AuditTrail trail;
    @Autowired
    JdbcTemplate jdbc;

    Roster roster;
    Operator anna;
    Operator vera;

    @BeforeAll
    void publish() {
        roster = SwapFixture.roster(rosters, operators, teams, accounts, published, trades);
        anna = SwapFixture.byNumber(operators, "E1001");
        vera = SwapFixture.byNumber(operators, "E1003");
    }

    @BeforeEach
    void roomy() {
        SwapFixture.roomy(jdbc, anna, vera, SwapFixture.byNumber(operators, "E1005"));
    }

    static String label(Operator o) {
        return o.getEmployeeNumber() + " " + o.fullName();
    }

    @Test
    void aSwapApprovedOnItsOwnIsRecordedAsAppliedByTheSystem() {
        Instant start = Instant.now().minusSeconds(1);
        manager(() -> swaps.saveRules(new TradeRules(anna.getTeamId(), false, true, true, 12, 60, true, 0.0)));
        LocalDate d = SwapFixture.swapDay(trades, roster, anna, vera);
        Swap s = as(ANNA, () -> swaps.propose(d, "E1003", d, EN));
        assertThat(as(VERA, () -> swaps.accept(s.id(), EN)).status()).isEqualTo(SwapStatus.APPROVED);

        AuditEntry e = AuditFixture.one(trail, start, AuditKind.SWAP_APPLIED, "swap", s.id());
        assertThat(e.actor()).as("Vera accepted; the system approved").isEqualTo("system");
        assertThat(e.before()).isEqualTo(Map.of("status", "ACCEPTED"));
        assertThat(e.after()).isEqualTo(Map.of("status", "APPROVED"));
        assertThat(e.facts()).containsEntry("swapKind", "SWAP").containsEntry("auto", true)
                .containsEntry("rosterId", (int) roster.id());
        assertThat(e.facts().get("moves")).isEqualTo(List.of(
                Map.of("from", label(anna), "to", label(vera), "date", d.toString()),
                Map.of("from", label(vera), "to", label(anna), "date", d.toString())));
        assertThat(e.text(EN)).isEqualTo("Applied shift trade " + s.id() + " (Swap) automatically: " + d + ": "
                + label(anna) + " → " + label(vera) + "; " + d + ": " + label(vera) + " → " + label(anna) + ".");
        assertThat(e.text(Texts.RUSSIAN)).startsWith("Обмен сменами " + s.id() + " (Обмен) проведён автоматически: ");
    }

    @Test
    void aManagersApprovalAndRejectionAreRecordedByTheManager() {
        Instant start = Instant.now().minusSeconds(1);
        manager(() -> swaps.saveRules(new TradeRules(anna.getTeamId(), false, true, true, 12, 60, false, 0.8)));
        LocalDate d = SwapFixture.swapDay(trades, roster, anna, vera);
        Swap s = as(ANNA, () -> swaps.propose(d, "E1003", d, EN));
        as(VERA, () -> swaps.accept(s.id(), EN));
        manager(() -> swaps.approve(s.id(), EN));
        AuditEntry applied = AuditFixture.one(trail, start, AuditKind.SWAP_APPLIED, "swap", s.id());
        assertThat(applied.actor()).isEqualTo("manager");
        assertThat(applied.facts()).containsEntry("auto", false);
        assertThat(applied.text(EN)).startsWith("Applied shift trade " + s.id() + " (Swap): " + d + ": " + label(anna));

        // the swap back, rejected
        Swap back = as(ANNA, () -> swaps.propose(d, "E1003", d, EN));
        as(VERA, () -> swaps.accept(back.id(), EN));
        manager(() -> swaps.reject(back.id(), "Not this week", EN));
        AuditEntry rejected = AuditFixture.one(trail, start, AuditKind.SWAP_REJECTED, "swap", back.id());
        assertThat(rejected.actor()).isEqualTo("manager");
        assertThat(rejected.before()).isEqualTo(Map.of("status", "ACCEPTED"));
        assertThat(rejected.after()).isEqualTo(Map.of("status", "REJECTED"));
        assertThat(rejected.text(EN)).isEqualTo("Rejected shift trade " + back.id() + " (Swap) of " + d
                + ": Not this week");
        assertThat(AuditFixture.since(trail, start, AuditKind.SWAP_APPLIED)).extracting(AuditEntry::subjectId)
                .doesNotContain(String.valueOf(back.id()));
    }
}
