package org.switchboard.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import org.switchboard.audit.AuditEntry;
import org.switchboard.audit.AuditFixture;
import org.switchboard.audit.AuditKind;
import org.switchboard.audit.AuditTrail;
import org.switchboard.shared.Roles;
import org.switchboard.shared.SystemAuthentication;
import org.switchboard.shared.Texts;

/**
 * Accounts and sign-in in the audit trail: an administrator's changes of an account (roles before and after, never a
 * password), unlocking and one-time passwords by the administrator; wrong passwords, unknown user names and the lock
 * by the system, each in a transaction of its own (the refused sign-in changes nothing else).
 */
@SpringBootTest
class SecurityAuditTest {

    static final String PASSWORD = "audit-test-password";

    @Autowired
    WebApplicationContext context;
    @Autowired
    UserAccountService accounts;
    @Autowired
    SignInGuard guard;
    @Autowired
    AuditTrail trail;

    MockMvc mvc;
    String user;
    final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-12-07T09:00:00Z"));

    @BeforeEach
    void setUp() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
        user = "audit-" + System.nanoTime();
        guard.useClock(new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now.get();
            }
        });
    }

    @AfterEach
    void realClock() {
        guard.useClock(Clock.systemUTC());
    }

    static <T> T admin(java.util.function.Supplier<T> work) {
        return AuditFixture.as("admin", Roles.ADMIN, work);
    }

    @Test
    void anAdministratorsChangesOfAnAccountAreRecordedWithTheRolesBeforeAndAfter() {
        Instant start = Instant.now().minusSeconds(1);
        UserAccount created = admin(() -> accounts.createWithPassword(user, "Audited Planner", Set.of(Roles.PLANNER),
                PASSWORD, false));
        admin(() -> accounts.update(created.id(), "Audited Manager", Set.of(Roles.MANAGER, Roles.PLANNER), true));
        String oneTime = admin(() -> accounts.resetPassword(created.id()));
        admin(() -> {
            accounts.unlock(created.id());
            return null;
        });

        List<AuditEntry> changes = AuditFixture.since(trail, start, AuditKind.USER_CHANGED).stream()
                .filter(e -> e.subjectId().equals(user)).toList();
        assertThat(changes).hasSize(2).allSatisfy(e -> {
            assertThat(e.actor()).isEqualTo("admin");
            assertThat(e.subjectType()).isEqualTo("user");
            assertThat(e.after().toString()).doesNotContainIgnoringCase("password").doesNotContain("$2");
        });
        AuditEntry update = changes.getFirst();
        assertThat(update.before()).isEqualTo(Map.of("username", user, "displayName", "Audited Planner",
                "roles", List.of("PLANNER"), "enabled", true));
        assertThat(update.after()).containsEntry("roles", List.of("MANAGER", "PLANNER"));
        assertThat(update.text(Locale.ENGLISH)).isEqualTo("Changed user " + user
                + ": displayName: Audited Planner → Audited Manager; roles: [\"PLANNER\"] → [\"MANAGER\",\"PLANNER\"].");
        assertThat(update.text(Texts.RUSSIAN)).startsWith("Изменён пользователь " + user + ": displayName:");
        assertThat(changes.getLast().before()).isNull();
        assertThat(changes.getLast().text(Locale.ENGLISH)).isEqualTo("Created user " + user + ".");
        assertThat(AuditFixture.one(trail, start, AuditKind.PASSWORD_RESET, "user", user).actor()).isEqualTo("admin");
        assertThat(AuditFixture.one(trail, start, AuditKind.USER_UNLOCKED, "user", user).text(Locale.ENGLISH))
                .isEqualTo("Unlocked the account " + user + ".");

        // the user replaces their own password: by them
        String fresh = "fresh-" + PASSWORD;
        AuditFixture.as(user, Roles.PLANNER, () -> {
            accounts.changeOwnPassword(oneTime, fresh);
            return null;
        });
        AuditEntry own = AuditFixture.one(trail, start, AuditKind.PASSWORD_CHANGED, "user", user);
        assertThat(own.actor()).isEqualTo(user);
        assertThat(own.text(Locale.ENGLISH)).isEqualTo(user + " changed their own password.");
    }

    @Test
    void failedSignInsAndTheLockAreRecordedByTheSystem() throws Exception {
        Instant start = Instant.now().minusSeconds(1);
        SystemAuthentication.runAsSystem(() -> accounts.createWithPassword(user, "Guarded", Set.of(Roles.PLANNER),
                PASSWORD, false));
        for (int i = 1; i <= SignInGuard.LOCK_AFTER; i++) {
            now.updateAndGet(t -> t.plus(SignInGuard.LONGEST_PAUSE));
            assertThat(mvc.perform(get("/api/rosters").with(httpBasic(user, "wrong-" + i))).andReturn().getResponse()
                    .getStatus()).isEqualTo(401);
        }
        String stranger = "nobody-" + System.nanoTime();
        mvc.perform(get("/api/rosters").with(httpBasic(stranger, "whatever")));

        List<AuditEntry> failed = AuditFixture.since(trail, start, AuditKind.SIGN_IN_FAILED).stream()
                .filter(e -> e.subjectId().equals(user)).toList();
        assertThat(failed).hasSize(SignInGuard.LOCK_AFTER).allSatisfy(e -> assertThat(e.actor()).isEqualTo("system"));
        assertThat(failed.getFirst().facts()).containsEntry("failures", SignInGuard.LOCK_AFTER);
        assertThat(failed.getLast().text(Locale.ENGLISH)).isEqualTo("Wrong password for " + user + " (1 in a row).");
        assertThat(failed.getLast().text(Texts.RUSSIAN)).isEqualTo("Неверный пароль для " + user + " (1 подряд).");
        AuditEntry lock = AuditFixture.one(trail, start, AuditKind.ACCOUNT_LOCKED, "user", user);
        assertThat(lock.actor()).isEqualTo("system");
        assertThat(lock.text(Locale.ENGLISH)).isEqualTo("Account " + user + " locked for "
                + SignInGuard.LOCK_FOR.toMinutes() + " minutes after 10 wrong passwords in a row.");
        assertThat(AuditFixture.one(trail, start, AuditKind.SIGN_IN_FAILED, "user", stranger).text(Locale.ENGLISH))
                .isEqualTo("Sign-in with an unknown user name: " + stranger + ".");
        // the user filter finds what was done to the account as well as what its user did
        assertThat(AuditFixture.as("manager", Roles.MANAGER, () -> trail.find(new org.switchboard.audit.AuditQuery(
                start, null, user, Set.of(), 0, 100))).total()).isEqualTo(SignInGuard.LOCK_AFTER + 2);
        assertThat(Duration.between(start, lock.at())).isPositive();
    }
}
