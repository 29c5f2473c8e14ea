package org.switchboard.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.switchboard.notifications.NotificationFixture.MANAGER;
import static org.switchboard.notifications.NotificationFixture.MANAGER_NAME;
import static org.switchboard.notifications.NotificationFixture.OLGA;
import static org.switchboard.notifications.NotificationFixture.PAVEL;
import static org.switchboard.notifications.NotificationFixture.as;
import static org.switchboard.notifications.NotificationFixture.awaitOne;
import static org.switchboard.notifications.NotificationFixture.matching;
import static org.switchboard.notifications.NotificationFixture.nextId;
import static org.switchboard.notifications.NotificationFixture.span;

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
import org.switchboard.absences.AbsenceApproved;
import org.switchboard.absences.AbsenceCancelled;
import org.switchboard.absences.AbsenceRejected;
import org.switchboard.absences.AbsenceRequested;
import org.switchboard.absences.AbsenceSpan;
import org.switchboard.absences.AbsenceStatus;
import org.switchboard.absences.AbsenceType;
import org.switchboard.operators.OperatorService;
import org.switchboard.operators.TeamService;
import org.switchboard.rostering.RosterPublished;
import org.switchboard.rostering.ShiftsChanged;
import org.switchboard.rostering.ShiftsChanged.Change;
import org.switchboard.rostering.ShiftsChanged.ChangedDay;
import org.switchboard.security.UserAccountService;
import org.switchboard.shared.NotFoundException;
import org.switchboard.shared.Texts;

/**
 * Each event reaches the right people, through the event publication registry (published in a transaction, heard
 * after the commit): the absent operator, every manager, each operator of a changed day or a published roster with a
 * login; nobody else. The facts are stored once and read in English and Russian; nobody reads or marks another's.
 */
@SpringBootTest
class NotificationsTest {

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

    void publish(Object event) {
        NotificationFixture.publish(transactions, events, event);
    }

    static LocalDate day() {
        return NotificationFixture.day();
    }

    static String ru(LocalDate d) {
        return String.format("%02d.%02d.%d", d.getDayOfMonth(), d.getMonthValue(), d.getYear());
    }

    long rows(String fact, long value) {
        return jdbc.sql("select count(*) from notification where args ->> ? = ?").params(fact, String.valueOf(value))
                .query(Long.class).single();
    }

    @Test
    void anApprovalTellsTheOperatorReadInEitherLanguageFromOneRow() {
        LocalDate from = day();
        LocalDate to = from.plusDays(4);
        long absence = nextId();
        publish(new AbsenceApproved(span(absence, people.olga(), AbsenceType.VACATION, from, to), MANAGER, false));

        Notification n = awaitOne(notifications, OLGA, t -> t.contains(from.toString()));
        assertThat(n.kind()).isEqualTo(NotificationKind.ABSENCE_APPROVED);
        assertThat(n.text(Locale.ENGLISH)).isEqualTo(
                "Your request (vacation, " + from + " – " + to + ") was approved by " + MANAGER_NAME + ".");
        assertThat(n.text(Texts.RUSSIAN)).isEqualTo(
                "Ваша заявка (отпуск, " + ru(from) + " – " + ru(to) + ") одобрена. Решение принято: " + MANAGER_NAME + ".");
        assertThat(n.text(Locale.forLanguageTag("ru"))).isEqualTo(n.text(Texts.RUSSIAN));
        assertThat(n.link()).isEqualTo("time-off");
        assertThat(n.read()).isFalse();
        assertThat(rows("absenceId", absence)).as("only the absent operator").isEqualTo(1);
        // the stored row holds facts, no sentence
        String args = jdbc.sql("select args::text from notification where id = ?").param(n.id()).query(String.class).single();
        assertThat(args).contains("\"type\"", "VACATION", from.toString(), MANAGER).doesNotContain("approved", "одобрена");

        LocalDate day = day();
        publish(new AbsenceApproved(span(nextId(), people.olga(), AbsenceType.TRAINING, day, day), "system", true));
        Notification auto = awaitOne(notifications, OLGA, t -> t.contains(day.toString()));
        assertThat(auto.text(Locale.ENGLISH)).isEqualTo("Your request (training, " + day + ") was approved automatically.");
        assertThat(auto.text(Texts.RUSSIAN)).isEqualTo("Ваша заявка (обучение, " + ru(day) + ") одобрена автоматически.");
    }

    @Test
    void aRejectionCarriesTheReasonAsWritten() {
        LocalDate from = day();
        String reason = "Too many off in {March}, it's 'peak' season";
        publish(new AbsenceRejected(span(nextId(), people.pavel(), AbsenceType.BUSINESS_TRIP, from, from.plusDays(1)),
                MANAGER, reason));
        Notification n = awaitOne(notifications, PAVEL, t -> t.contains(from.toString()));
        assertThat(n.kind()).isEqualTo(NotificationKind.ABSENCE_REJECTED);
        assertThat(n.text(Locale.ENGLISH)).isEqualTo("Your request (business trip, " + from + " – " + from.plusDays(1)
                + ") was rejected by " + MANAGER_NAME + ". Reason: " + reason);
        assertThat(n.text(Texts.RUSSIAN)).isEqualTo("Ваша заявка (командировка, " + ru(from) + " – " + ru(from.plusDays(1))
                + ") отклонена. Решение принято: " + MANAGER_NAME + ". Причина: " + reason);
        assertThat(matching(notifications, OLGA, t -> t.contains(from.toString()))).as("not another operator").isEmpty();
    }

    @Test
    void anApprovedAbsenceCancelledTellsEveryManagerAPendingOneNobody() {
        LocalDate from = day();
        long pending = nextId();
        publish(new AbsenceCancelled(span(pending, people.olga(), AbsenceType.VACATION, from, from), OLGA, false));
        long approved = nextId();
        LocalDate later = day();
        publish(new AbsenceCancelled(span(approved, people.olga(), AbsenceType.VACATION, later, later.plusDays(2)), OLGA,
                true));
        for (String manager : List.of(MANAGER, "manager")) {
            Notification n = awaitOne(notifications, manager, t -> t.contains(later.toString()));
            assertThat(n.kind()).isEqualTo(NotificationKind.ABSENCE_CANCELLED);
            assertThat(n.text(Locale.ENGLISH)).isEqualTo("N9001 Olga Testova cancelled the approved vacation, " + later
                    + " – " + later.plusDays(2) + ".");
            assertThat(n.text(Texts.RUSSIAN)).isEqualTo("Отменено одобренное отсутствие: N9001 Olga Testova, отпуск, "
                    + ru(later) + " – " + ru(later.plusDays(2)) + ".");
        }
        assertThat(matching(notifications, OLGA, t -> t.contains(later.toString()))).isEmpty();
        assertThat(matching(notifications, "planner", t -> t.contains(later.toString()))).as("managers only").isEmpty();
        assertThat(rows("absenceId", pending)).isZero();
    }

    @Test
    void aNewRequestWaitsForTheManagersButAWaitlistedOneDoesNot() {
        LocalDate waitlisted = day();
        publish(new AbsenceRequested(span(nextId(), people.pavel(), AbsenceType.VACATION, waitlisted, waitlisted),
                AbsenceStatus.WAITLISTED));
        LocalDate requested = day();
        AbsenceSpan span = span(nextId(), people.pavel(), AbsenceType.UNPAID, requested, requested.plusDays(6));
        publish(new AbsenceRequested(span, AbsenceStatus.REQUESTED));
        Notification n = awaitOne(notifications, MANAGER, t -> t.contains(requested.toString()));
        assertThat(n.kind()).isEqualTo(NotificationKind.ABSENCE_REQUESTED);
        assertThat(n.text(Locale.ENGLISH)).isEqualTo("New request waiting for your decision: N9002 Pavel Testov, unpaid leave, "
                + requested + " – " + requested.plusDays(6) + ".");
        assertThat(n.text(Texts.RUSSIAN)).startsWith("Новая заявка ждёт вашего решения: N9002 Pavel Testov, отпуск без");
        awaitOne(notifications, "manager", t -> t.contains(requested.toString()));
        assertThat(matching(notifications, MANAGER, t -> t.contains(waitlisted.toString()))).isEmpty();
        assertThat(matching(notifications, PAVEL, t -> t.contains(requested.toString()))).as("not the requester").isEmpty();
    }

    @Test
    void changedShiftsTellEachOperatorWithALoginAndNobodyElse() {
        long roster = nextId();
        LocalDate day = day();
        publish(new ShiftsChanged(roster, nextId(), List.of(
                new ChangedDay(people.olga().getId(), day, Change.REMOVED, "08:00", "17:00", "RU-GEN"),
                new ChangedDay(people.ivan().getId(), day, Change.REMOVED, "09:00", "18:00", "RU-GEN"),
                new ChangedDay(people.pavel().getId(), day, Change.ASSIGNED, "08:00", "17:00", "RU-GEN"))));
        Notification removed = awaitOne(notifications, OLGA, t -> t.contains(day.toString()));
        assertThat(removed.kind()).isEqualTo(NotificationKind.SHIFT_REMOVED);
        assertThat(removed.text(Locale.ENGLISH)).isEqualTo("Your shift on " + day + ", 08:00–17:00, was taken off (absence).");
        assertThat(removed.text(Texts.RUSSIAN)).isEqualTo("Ваша смена " + ru(day) + ", 08:00–17:00, снята (отсутствие).");
        assertThat(removed.link()).isEqualTo("my-schedule");
        Notification assigned = awaitOne(notifications, PAVEL, t -> t.contains(day.toString()));
        assertThat(assigned.kind()).isEqualTo(NotificationKind.SHIFT_ASSIGNED);
        assertThat(assigned.text(Locale.ENGLISH)).isEqualTo("You were put on a shift on " + day + ", 08:00–17:00, queue RU-GEN.");
        assertThat(assigned.text(Texts.RUSSIAN)).isEqualTo("Вам назначена смена " + ru(day) + ", 08:00–17:00, очередь RU-GEN.");
        assertThat(rows("rosterId", roster)).as("Ivan has no login: nothing for him").isEqualTo(2);
    }

    @Test
    void aPublishedRosterTellsItsOperatorsWithALogin() {
        long roster = nextId();
        LocalDate start = day();
        publish(new RosterPublished(roster, start, 28,
                List.of(people.olga().getId(), people.ivan().getId(), people.pavel().getId())));
        for (String login : List.of(OLGA, PAVEL)) {
            Notification n = awaitOne(notifications, login, t -> t.contains(start.toString()));
            assertThat(n.kind()).isEqualTo(NotificationKind.ROSTER_PUBLISHED);
            assertThat(n.text(Locale.ENGLISH)).isEqualTo("Your schedule for " + start + " – " + start.plusDays(27)
                    + " is published.");
            assertThat(n.text(Texts.RUSSIAN)).isEqualTo("Опубликовано ваше расписание на период " + ru(start) + " – "
                    + ru(start.plusDays(27)) + ".");
            assertThat(n.link()).isEqualTo("my-schedule");
        }
        assertThat(rows("rosterId", roster)).isEqualTo(2);
        assertThat(matching(notifications, MANAGER, t -> t.contains(start.toString()))).isEmpty();
    }

    @Test
    void nobodyReadsOrMarksAnothersAndTheUnreadCountFollows() {
        LocalDate day = day();
        publish(new ShiftsChanged(nextId(), null, List.of(
                new ChangedDay(people.olga().getId(), day, Change.ASSIGNED, "14:00", "22:00", null),
                new ChangedDay(people.olga().getId(), day.plusDays(1), Change.ASSIGNED, "14:00", "22:00", null))));
        Notification first = awaitOne(notifications, OLGA, t -> t.contains(day.toString()));
        awaitOne(notifications, OLGA, t -> t.contains(day.plusDays(1).toString()));
        assertThat(first.text(Locale.ENGLISH)).isEqualTo("You were put on a shift on " + day + ", 14:00–22:00.");

        long unread = as(OLGA, notifications::unreadCount);
        assertThat(unread).isGreaterThanOrEqualTo(2);
        assertThat(as(PAVEL, () -> notifications.mine(Notifications.MAX_LIMIT, 0)))
                .extracting(Notification::id).doesNotContain(first.id());
        assertThatThrownBy(() -> as(PAVEL, () -> {
            notifications.markRead(first.id());
            return null;
        })).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> as(PAVEL, () -> {
            notifications.markRead(Long.MAX_VALUE);
            return null;
        })).isInstanceOf(NotFoundException.class);
        assertThat(as(OLGA, notifications::unreadCount)).as("unchanged by Pavel's attempt").isEqualTo(unread);

        as(OLGA, () -> {
            notifications.markRead(first.id());
            notifications.markRead(first.id()); // again: no harm
            return null;
        });
        assertThat(as(OLGA, notifications::unreadCount)).isEqualTo(unread - 1);
        assertThat(matching(notifications, OLGA, t -> t.contains(day.toString() + ","))).singleElement()
                .extracting(Notification::read).isEqualTo(true);

        long pavelUnread = as(PAVEL, notifications::unreadCount);
        assertThat(as(OLGA, notifications::markAllRead)).isEqualTo((int) unread - 1);
        assertThat(as(OLGA, notifications::unreadCount)).isZero();
        assertThat(as(PAVEL, notifications::unreadCount)).as("Pavel's stay unread").isEqualTo(pavelUnread);
    }

    @Test
    void newestFirstAndPaged() {
        LocalDate day = day();
        publish(new ShiftsChanged(nextId(), null, List.of(
                new ChangedDay(people.pavel().getId(), day, Change.REMOVED, "08:00", "17:00", "RU-GEN"))));
        awaitOne(notifications, PAVEL, t -> t.contains(day.toString()));
        List<Notification> all = as(PAVEL, () -> notifications.mine(Notifications.MAX_LIMIT, 0));
        assertThat(all).extracting(Notification::createdAt)
                .isSortedAccordingTo(java.util.Comparator.reverseOrder());
        assertThat(as(PAVEL, () -> notifications.mine(1, 0))).extracting(Notification::id)
                .containsExactly(all.getFirst().id());
        if (all.size() > 1) {
            assertThat(as(PAVEL, () -> notifications.mine(1, 1))).extracting(Notification::id)
                    .containsExactly(all.get(1).id());
        }
    }

    @Test
    void aSignedInNameWithoutAnAccountHasNone() {
        assertThat(as("nobody-here", () -> notifications.mine(10, 0))).isEmpty();
        assertThat(as("nobody-here", notifications::unreadCount)).isZero();
        assertThat(as("nobody-here", notifications::markAllRead)).isZero();
    }
}
