package org.switchboard.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.security.web.WebAttributes;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import org.switchboard.shared.Roles;
import org.switchboard.shared.SystemAuthentication;

/**
 * Wrong passwords slow sign-in down and then lock the account, over HTTP Basic and the sign-in form alike; the
 * lock is told (until when), an administrator sees and lifts it, and a right password starts the count again.
 * Time is moved by a clock the test holds, not by waiting.
 */
@SpringBootTest
class SignInGuardTest {

    static final String PASSWORD = "guard-test-password";

    @Autowired
    WebApplicationContext context;
    @Autowired
    UserAccountService accounts;
    @Autowired
    SignInGuard guard;

    MockMvc mvc;
    final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-12-07T09:00:00Z"));
    String user;

    @BeforeEach
    void setUp() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
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
        user = "guard-" + System.nanoTime();
        SystemAuthentication.runAsSystem(() ->
                accounts.createWithPassword(user, "Guarded planner", Set.of(Roles.PLANNER), PASSWORD, false));
    }

    @AfterEach
    void realClock() {
        guard.useClock(Clock.systemUTC());
    }

    void later(Duration d) {
        now.updateAndGet(t -> t.plus(d));
    }

    MvcResult basic(String password) throws Exception {
        return mvc.perform(get("/api/rosters").with(httpBasic(user, password))).andReturn();
    }

    @Test
    void wrongPasswordsSlowDownThenLockAndAnAdministratorUnlocks() throws Exception {
        for (int i = 1; i <= SignInGuard.SLOW_DOWN_AFTER; i++) {
            assertThat(basic("wrong-" + i).getResponse().getStatus()).isEqualTo(401);
        }
        // the next try comes too soon: refused unchecked, even with the right password, and told when to retry
        mvc.perform(get("/api/rosters").with(httpBasic(user, PASSWORD)))
                .andExpect(status().isUnauthorized())
                .andExpect(header().exists("Retry-After"))
                .andExpect(jsonPath("$.detail").value(Matchers.containsString("try again after")));
        assertThat(guard.attempts(user).orElseThrow().failed()).isEqualTo(SignInGuard.SLOW_DOWN_AFTER);

        // waiting out every pause, wrong passwords go on until the lock
        for (int i = SignInGuard.SLOW_DOWN_AFTER + 1; i <= SignInGuard.LOCK_AFTER; i++) {
            later(SignInGuard.LONGEST_PAUSE);
            assertThat(basic("wrong-" + i).getResponse().getStatus()).isEqualTo(401);
        }
        SignInGuard.Attempts locked = guard.attempts(user).orElseThrow();
        assertThat(locked.failed()).isEqualTo(SignInGuard.LOCK_AFTER);
        assertThat(locked.lockedUntil()).isEqualTo(now.get().plus(SignInGuard.LOCK_FOR));

        later(Duration.ofMinutes(5));
        mvc.perform(get("/api/rosters").with(httpBasic(user, PASSWORD)))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.detail").value(Matchers.containsString("locked until")));

        // the sign-in form says the same, through the session, and the admin's list shows it
        mvc.perform(post("/login").param("username", user).param("password", PASSWORD)
                        .with(SecurityMockMvcRequestPostProcessors.csrf()))
                .andExpect(redirectedUrl("/login?error"))
                .andExpect(result -> assertThat(result.getRequest().getSession()
                        .getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION)).isInstanceOf(SignInLockedException.class));
        UserAccount account = SystemAuthentication.callAsSystem(() -> accounts.list().stream()
                .filter(a -> a.username().equals(user)).findFirst().orElseThrow());
        assertThat(account.lockedAt(now.get())).isTrue();

        SystemAuthentication.runAsSystem(() -> accounts.unlock(account.id()));
        assertThat(basic(PASSWORD).getResponse().getStatus()).isEqualTo(200);
        assertThat(guard.attempts(user).orElseThrow().failed()).isZero();
    }

    @Test
    void theLockEndsByItselfAndARightPasswordResetsTheCount() throws Exception {
        for (int i = 1; i <= SignInGuard.LOCK_AFTER; i++) {
            later(SignInGuard.LONGEST_PAUSE);
            basic("wrong-" + i);
        }
        assertThat(basic(PASSWORD).getResponse().getStatus()).isEqualTo(401);
        later(SignInGuard.LOCK_FOR.plusSeconds(1));
        assertThat(basic(PASSWORD).getResponse().getStatus()).isEqualTo(200);
        assertThat(guard.attempts(user).orElseThrow().failed()).isZero();
        assertThat(basic("wrong-again").getResponse().getStatus()).isEqualTo(401);
        assertThat(guard.attempts(user).orElseThrow().failed()).isEqualTo(1);
    }

    @Test
    void parallelGuessesAreCountedOneByOne() throws Exception {
        // the test clock stands still, so after the third wrong password every further try must wait: however
        // many guesses arrive at once, only three are ever checked
        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(12)) {
            java.util.List<java.util.concurrent.Future<Integer>> answers = new java.util.ArrayList<>();
            for (int i = 0; i < 24; i++) {
                int n = i;
                answers.add(pool.submit(() -> basic("parallel-wrong-" + n).getResponse().getStatus()));
            }
            for (var answer : answers) {
                assertThat(answer.get()).isEqualTo(401);
            }
        }
        assertThat(guard.attempts(user).orElseThrow().failed()).isEqualTo(SignInGuard.SLOW_DOWN_AFTER);
    }

    @Test
    void pausesDoubleUpToAMinute() {
        assertThat(SignInGuard.pauseAfter(3)).isEqualTo(Duration.ofSeconds(1));
        assertThat(SignInGuard.pauseAfter(4)).isEqualTo(Duration.ofSeconds(2));
        assertThat(SignInGuard.pauseAfter(8)).isEqualTo(Duration.ofSeconds(32));
        assertThat(SignInGuard.pauseAfter(9)).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void aRememberedPasswordIsForgottenWhenTheAccountChanges() throws Exception {
        assertThat(basic(PASSWORD).getResponse().getStatus()).isEqualTo(200);
        assertThat(basic(PASSWORD).getResponse().getStatus()).isEqualTo(200); // remembered: no bcrypt
        UserAccount account = SystemAuthentication.callAsSystem(() -> accounts.list().stream()
                .filter(a -> a.username().equals(user)).findFirst().orElseThrow());
        SystemAuthentication.runAsSystem(() -> accounts.update(account.id(), "Guarded", Set.of(Roles.OPERATOR), true));
        assertThat(basic(PASSWORD).getResponse().getStatus()).as("now an operator").isEqualTo(403);
        SystemAuthentication.runAsSystem(() -> accounts.update(account.id(), "Guarded", Set.of(Roles.PLANNER), false));
        assertThat(basic(PASSWORD).getResponse().getStatus()).as("disabled").isEqualTo(401);
        // past the memory, the password is checked again
        SystemAuthentication.runAsSystem(() -> accounts.update(account.id(), "Guarded", Set.of(Roles.PLANNER), true));
        later(SignInProvider.REMEMBER_FOR.plusSeconds(1));
        assertThat(basic(PASSWORD).getResponse().getStatus()).isEqualTo(200);
        assertThat(basic("not-the-password").getResponse().getStatus()).isEqualTo(401);
    }
}
