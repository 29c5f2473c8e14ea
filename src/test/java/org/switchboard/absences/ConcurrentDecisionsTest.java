package org.switchboard.absences;

import static org.assertj.core.api.Assertions.assertThat;
import static org.switchboard.absences.AbsenceTestSupport.ANNA;
import static org.switchboard.absences.AbsenceTestSupport.day;
import static org.switchboard.absences.AbsenceTestSupport.operator;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.RepeatedTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.switchboard.shared.ConflictException;

/**
 * Two managers decide the same request at the same moment, each in their own thread and transaction: exactly one
 * wins, the other is told who decided. Two colleagues ask for the team's last place at once: one gets it, the other
 * waits. Commits for real, so it removes its rows afterwards.
 */
@SpringBootTest
class ConcurrentDecisionsTest {

    @Autowired
    TimeOffRequests requests;
    @Autowired
    AbsenceDecisions decisions;
    @Autowired
    JdbcTemplate jdbc;

    final List<Long> created = new ArrayList<>();

    @Autowired
    Allotments allotments;

    @AfterEach
    void removeRows() {
        for (Long id : created) {
            jdbc.update("delete from absence where id = ?", id);
        }
        created.clear();
        jdbc.update("delete from absence_team_setting where team_id = (select id from team where name = 'Aurora (day)')");
    }

    @RepeatedTest(3)
    void twoRequestsForTheLastPlaceAtOnceGetOnePlace() throws Exception {
        long aurora = jdbc.queryForObject("select id from team where name = 'Aurora (day)'", Long.class);
        AbsenceTestSupport.manager(() -> allotments.saveSettings(new TeamAbsenceSettings(aurora, 1, false, 0.8)));
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<RequestOutcome>> futures = new ArrayList<>();
            for (String login : List.of(AbsenceTestSupport.COLLEAGUE, AbsenceTestSupport.OTHER_COLLEAGUE)) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return operator(login, () -> requests.request(
                            NewAbsence.days(AbsenceType.VACATION, day(2, 22), day(2, 23), null)));
                }));
            }
            start.countDown();
            List<AbsenceStatus> statuses = new ArrayList<>();
            for (Future<RequestOutcome> f : futures) {
                RequestOutcome o = f.get(30, TimeUnit.SECONDS);
                created.add(o.id());
                statuses.add(o.status());
            }
            assertThat(statuses).containsExactlyInAnyOrder(AbsenceStatus.REQUESTED, AbsenceStatus.WAITLISTED);
        } finally {
            pool.shutdownNow();
        }
    }

    @RepeatedTest(3)
    void exactlyOneOfTwoDecisionsWins() throws Exception {
        long id = operator(ANNA, () -> requests.request(NewAbsence.days(AbsenceType.VACATION, day(2, 15), day(2, 16), null))).id();
        created.add(id);
        CountDownLatch start = new CountDownLatch(1);
        Callable<Object> approve = () -> {
            start.await();
            return AbsenceTestSupport.as("manager", "MANAGER", () -> decisions.approve(id));
        };
        Callable<Object> reject = () -> {
            start.await();
            return AbsenceTestSupport.as("admin", "ADMIN", () -> decisions.reject(id, "Too many off that week"));
        };
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<Object> a = pool.submit(approve);
            Future<Object> r = pool.submit(reject);
            start.countDown();
            List<Object> won = new ArrayList<>();
            List<String> lost = new ArrayList<>();
            for (Future<Object> f : List.of(a, r)) {
                try {
                    won.add(f.get(30, TimeUnit.SECONDS));
                } catch (java.util.concurrent.ExecutionException e) {
                    assertThat(e.getCause()).isInstanceOf(ConflictException.class);
                    lost.add(e.getCause().getMessage());
                }
            }
            assertThat(won).hasSize(1);
            assertThat(lost).singleElement().satisfies(m -> assertThat(m)
                    .matches("This request was already (approved by manager|rejected by admin) on \\d{4}-\\d\\d-\\d\\d at \\d\\d:\\d\\d\\."));
            AbsenceEntry winner = (AbsenceEntry) won.getFirst();
            String status = jdbc.queryForObject("select status from absence where id = ?", String.class, id);
            assertThat(status).isEqualTo(winner.status().name());
            assertThat(lost.getFirst()).contains(winner.status() == AbsenceStatus.APPROVED ? "approved by manager" : "rejected by admin");
        } finally {
            pool.shutdownNow();
        }
    }
}
