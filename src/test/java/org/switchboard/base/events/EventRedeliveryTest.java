package org.switchboard.base.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.core.Ordered;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.switchboard.ChildJvm;
import org.switchboard.SwitchboardApplication;
import org.switchboard.absences.AbsenceApproved;
import org.switchboard.absences.AbsenceDecisions;
import org.switchboard.absences.AbsenceStatus;
import org.switchboard.absences.AbsenceTestSupport;
import org.switchboard.absences.AbsenceType;
import org.switchboard.absences.NewAbsence;
import org.switchboard.absences.RequestOutcome;
import org.switchboard.absences.TimeOffRequests;

/**
 * One crash between publishing and handling: a manager approves a vacation on a second instance (a child JVM on this
 * test's database), and that instance dies right after the approval commits, before any module reacted. The approval
 * and its event publications are in the database, incomplete; re-delivery hands them to their listeners (rostering's
 * absence shifts and the operator's notification) exactly once.
 */
@SpringBootTest
class EventRedeliveryTest {

    @Autowired
    TimeOffRequests requests;
    @Autowired
    EventRedelivery redelivery;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DataSource dataSource;

    @Test
    void anApprovalWhoseInstanceDiedBeforeAnyReactionIsReDeliveredOnce() throws Exception {
        int year = AbsenceTestSupport.year() + 4;
        LocalDate from = LocalDate.of(year, 2 + ThreadLocalRandom.current().nextInt(9), 3);
        RequestOutcome asked = AbsenceTestSupport.as("operator3", "OPERATOR", () -> requests.request(
                NewAbsence.days(AbsenceType.VACATION, from, from.plusDays(1), "re-delivery")));
        assertThat(asked.status()).isEqualTo(AbsenceStatus.REQUESTED);
        long id = asked.id();

        ChildJvm child = new ChildJvm(ApproveAndCrash.class, dataSource.unwrap(HikariDataSource.class).getJdbcUrl(),
                Long.toString(id));
        assertThat(child.next(180)).containsExactly("COMMITTED");
        assertThat(child.process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(child.process.exitValue()).as("died right after the commit").isEqualTo(137);

        assertThat(AbsenceTestSupport.as("manager", "MANAGER", () -> requests.get(id)).status())
                .isEqualTo(AbsenceStatus.APPROVED);
        List<Map<String, Object>> publications = publications(id);
        assertThat(publications).as("a publication per listener, written with the approval")
                .extracting(p -> (String) p.get("listener_id"))
                .anyMatch(l -> l.contains("NotificationListeners"))
                .anyMatch(l -> l.contains("AbsenceShifts"));
        assertThat(publications).as("none handled").allMatch(p -> p.get("completion_date") == null);
        assertThat(notifications(id)).isZero();

        Thread.sleep(3000);
        redelivery.redeliverStale(EventRedelivery.olderThan(Duration.ofSeconds(2)), ofThisApproval(id));
        awaitCompleted(id);
        assertThat(notifications(id)).as("the operator is told once").isEqualTo(1);

        redelivery.redeliverStale(EventRedelivery.olderThan(Duration.ofSeconds(2)), p -> true);
        Thread.sleep(2000);
        assertThat(notifications(id)).as("a completed publication is not re-delivered").isEqualTo(1);
        assertThat(publications(id)).allMatch(p -> p.get("completion_date") != null);
    }

    private java.util.function.Predicate<org.springframework.modulith.events.EventPublication> ofThisApproval(long id) {
        return p -> p.getEvent() instanceof AbsenceApproved a && a.span().absenceId() == id;
    }

    private void awaitCompleted(long id) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (publications(id).stream().anyMatch(p -> p.get("completion_date") == null)) {
            assertThat(System.nanoTime()).as("re-delivered publications completed: %s", publications(id))
                    .isLessThan(deadline);
            Thread.sleep(200);
        }
    }

    private List<Map<String, Object>> publications(long id) {
        return jdbc.queryForList("""
                select listener_id, status, completion_date, completion_attempts from event_publication
                where event_type like '%AbsenceApproved' and (serialized_event::jsonb -> 'span' ->> 'absenceId')::bigint = ?
                """, id);
    }

    private int notifications(long id) {
        return jdbc.queryForObject("""
                select count(*) from notification where kind = 'ABSENCE_APPROVED' and args ->> 'absenceId' = ?
                """, Integer.class, Long.toString(id));
    }

    /**
     * Run in the child JVM: the application on the database at {@code args[0]} approves absence {@code args[1]} as the
     * manager and halts (as a crash would) the moment the approval has committed, before any listener runs.
     */
    public static final class ApproveAndCrash {

        public static void main(String[] args) {
            ApplicationListener<ApplicationEvent> crashAfterCommit = e -> {
                if (e instanceof PayloadApplicationEvent<?> p && p.getPayload() instanceof AbsenceApproved) {
                    TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                        @Override
                        public int getOrder() {
                            return Ordered.HIGHEST_PRECEDENCE;
                        }

                        @Override
                        public void afterCommit() {
                            ChildJvm.report("COMMITTED");
                            Runtime.getRuntime().halt(137);
                        }
                    });
                }
            };
            ConfigurableApplicationContext app = new SpringApplicationBuilder(SwitchboardApplication.class)
                    .listeners(crashAfterCommit)
                    .run("--spring.datasource.url=" + args[0], "--spring.datasource.username=postgres",
                            "--switchboard.demo.enabled=false", "--server.port=0", "--spring.main.banner-mode=off");
            AbsenceDecisions decisions = app.getBean(AbsenceDecisions.class);
            AbsenceTestSupport.as("manager", "MANAGER", () -> decisions.approve(Long.parseLong(args[1])));
            ChildJvm.report("NOT-CRASHED");
            System.exit(1);
        }
    }
}
