package org.switchboard.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.switchboard.notifications.NotificationFixture.MANAGER;
import static org.switchboard.notifications.NotificationFixture.MANAGER_NAME;
import static org.switchboard.notifications.NotificationFixture.OLGA;
import static org.switchboard.notifications.NotificationFixture.PAVEL;
import static org.switchboard.notifications.NotificationFixture.awaitOne;
import static org.switchboard.notifications.NotificationFixture.matching;
import static org.switchboard.notifications.NotificationFixture.nextId;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.switchboard.operators.OperatorService;
import org.switchboard.operators.TeamService;
import org.switchboard.security.UserAccountService;
import org.switchboard.shared.Texts;
import org.switchboard.swaps.SwapChanged;
import org.switchboard.swaps.SwapKind;
import org.switchboard.swaps.SwapStatus;

/**
 * Each step of a trade reaches those involved but the one who acted, and a trade waiting for a decision reaches the
 * managers, through the event publication registry; read in English and Russian from the stored facts.
 */
@SpringBootTest
class SwapNotificationsTest {

    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    Notifications notifications;
    @Autowired
    OperatorService operators;
    @Autowired
    TeamService teams;
    @Autowired
    UserAccountService accounts;
    @Autowired
    JdbcClient jdbc;

    NotificationFixture.People people;

    @BeforeEach
    void setUp() {
        people = NotificationFixture.ensure(operators, teams, accounts);
    }

    SwapChanged event(long id, SwapStatus status, Long actor, String actorLogin, boolean bySystem, String code,
            String reason, boolean waits, LocalDate date, LocalDate withDate) {
        long olga = people.olga().getId();
        long pavel = people.pavel().getId();
        return new SwapChanged(id, SwapKind.SWAP, status, List.of(olga, pavel), olga, actor, actorLogin, bySystem, date,
                withDate, code, reason, waits);
    }

    long rows(long swapId) {
        return jdbc.sql("select count(*) from notification where args ->> 'swapId' = ?").param(String.valueOf(swapId))
                .query(Long.class).single();
    }

    @Test
    void aProposalReachesTheAddresseeOnly() {
        LocalDate d = NotificationFixture.day();
        long id = nextId();
        NotificationFixture.publish(transactions, events, event(id, SwapStatus.PROPOSED, people.olga().getId(), OLGA,
                false, null, null, false, d, d.plusDays(1)));
        Notification n = awaitOne(notifications, PAVEL, t -> t.contains("proposes a swap") && t.contains(d.toString()));
        assertThat(n.kind()).isEqualTo(NotificationKind.SWAP_PROPOSED);
        assertThat(n.text(Locale.ENGLISH)).contains(people.olga().getEmployeeNumber(),
                "your shift on " + d.plusDays(1) + " for theirs on " + d);
        assertThat(n.text(Texts.RUSSIAN)).contains("предлагает обмен");
        assertThat(n.link()).isEqualTo("swaps");
        assertThat(rows(id)).as("only the addressee").isEqualTo(1);
    }

    @Test
    void anAutomaticApprovalReachesTheProposerButNotTheOneWhoAccepted() {
        LocalDate d = NotificationFixture.day();
        long id = nextId();
        NotificationFixture.publish(transactions, events, event(id, SwapStatus.APPROVED, people.pavel().getId(),
                "system", true, "auto", null, false, d, d));
        Notification n = awaitOne(notifications, OLGA, t -> t.contains("is approved") && t.contains(d.toString()));
        assertThat(n.text(Locale.ENGLISH)).isEqualTo("Swap of " + d
                + " is approved: see your new shifts. Approved automatically: no rule breaks and the service level holds.");
        assertThat(n.text(Texts.RUSSIAN)).startsWith("Обмен на ").contains("Одобрен автоматически");
        assertThat(n.link()).isEqualTo("my-schedule");
        assertThat(rows(id)).as("the proposer only: the taker acted").isEqualTo(1);
    }

    @Test
    void aSwapWaitingForADecisionReachesTheManagersAndARejectionBoth() {
        LocalDate d = NotificationFixture.day();
        long id = nextId();
        NotificationFixture.publish(transactions, events, event(id, SwapStatus.ACCEPTED, people.pavel().getId(),
                PAVEL, false, "manual", null, true, d, d));
        Notification waiting = awaitOne(notifications, MANAGER, t -> t.contains("waits for your decision")
                && t.contains(d.toString()));
        assertThat(waiting.kind()).isEqualTo(NotificationKind.SWAP_WAITING);
        assertThat(waiting.text(Locale.ENGLISH)).contains(people.pavel().getEmployeeNumber() + " Testov, Pavel took it from "
                + people.olga().getEmployeeNumber());
        Notification accepted = awaitOne(notifications, OLGA, t -> t.contains("accepted by") && t.contains(d.toString()));
        assertThat(accepted.text(Locale.ENGLISH)).contains(people.pavel().getEmployeeNumber(), "approved by a manager");

        NotificationFixture.publish(transactions, events, event(id, SwapStatus.REJECTED, null, MANAGER, false, null,
                "Audit week", false, d, d));
        Notification rejected = awaitOne(notifications, PAVEL, t -> t.contains("rejected") && t.contains(d.toString()));
        assertThat(rejected.text(Locale.ENGLISH)).isEqualTo("Swap of " + d + " was rejected by " + MANAGER_NAME
                + ". Reason: Audit week");
        assertThat(rejected.text(Texts.RUSSIAN)).contains("Причина: Audit week");
        assertThat(matching(notifications, OLGA, t -> t.contains("rejected") && t.contains(d.toString()))).hasSize(1);
    }
}
