package org.switchboard.swaps;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.switchboard.notifications.Notifications;
import org.switchboard.operators.Operator;
import org.switchboard.operators.OperatorService;
import org.switchboard.operators.TeamService;
import org.switchboard.rostering.PublishedSchedule;
import org.switchboard.rostering.Roster;
import org.switchboard.rostering.RosterService;
import org.switchboard.rostering.ShiftTrades;
import org.switchboard.rostering.ShiftTrades.Move;
import org.switchboard.rostering.TradeShift;
import org.switchboard.security.UserAccountService;
import org.switchboard.shared.ConflictException;

/**
 * Two colleagues accept one give-away at the same moment, each in their own thread and transaction: exactly one takes
 * the shift, the other is told it is no longer offered (409); the published schedule holds the shift once. Commits for
 * real, so it puts the published week, the contract and the trades back afterwards. The proposer is notified of the
 * approval.
 */
@SpringBootTest
class ConcurrentSwapsTest {

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
    Notifications notifications;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PlatformTransactionManager transactions;

    Roster roster;
    Operator anna;
    Operator vera;
    Operator third;
    List<Map<String, Object>> saved;
    List<Map<String, Object>> contracts;

    @BeforeEach
    void keep() {
        roster = SwapFixture.roster(rosters, operators, teams, accounts, published, trades);
        anna = SwapFixture.byNumber(operators, "E1001");
        vera = SwapFixture.byNumber(operators, "E1003");
        third = SwapFixture.byNumber(operators, "E1005");
        saved = jdbc.queryForList("select * from roster_assignment where roster_id = ? and operator_id in (?, ?, ?)",
                roster.id(), anna.getId(), vera.getId(), third.getId());
        contracts = jdbc.queryForList("select id, min_minutes_per_week, min_rest_minutes, max_consecutive_days,"
                + " min_consecutive_days_off from contract where id in (?, ?, ?)", anna.getContractId(),
                vera.getContractId(), third.getContractId());
    }

    @AfterEach
    void putBack() {
        jdbc.update("delete from swap where proposer_operator_id = ?", anna.getId());
        jdbc.update("delete from roster_assignment where roster_id = ? and operator_id in (?, ?, ?)", roster.id(),
                anna.getId(), vera.getId(), third.getId());
        for (Map<String, Object> row : saved) {
            List<String> columns = new ArrayList<>(row.keySet());
            jdbc.update("insert into roster_assignment (" + String.join(", ", columns) + ") values ("
                    + String.join(", ", columns.stream().map(c -> "?").toList()) + ")",
                    columns.stream().map(row::get).toArray());
        }
        for (Map<String, Object> c : contracts) {
            jdbc.update("update contract set min_minutes_per_week = ?, min_rest_minutes = ?, max_consecutive_days = ?,"
                    + " min_consecutive_days_off = ? where id = ?", c.get("min_minutes_per_week"),
                    c.get("min_rest_minutes"), c.get("max_consecutive_days"), c.get("min_consecutive_days_off"),
                    c.get("id"));
        }
    }

    @RepeatedTest(2)
    void twoColleaguesAcceptingOneGiveAwayAtOnceGiveOneWinner() throws Exception {
        LocalDate d = prepare();
        TradeShift annas = trades.publishedShift(anna.getId(), d).orElseThrow();
        Swap offer = SwapFixture.as(SwapFixture.ANNA, () -> swaps.propose(d, null, null, EN));

        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Object> outcomes = new ArrayList<>();
        try {
            List<Future<Object>> futures = new ArrayList<>();
            for (String login : List.of(SwapFixture.VERA, SwapFixture.THIRD)) {
                futures.add(pool.submit(() -> {
                    start.await();
                    try {
                        return SwapFixture.as(login, () -> swaps.accept(offer.id(), EN)).status();
                    } catch (ConflictException e) {
                        return e;
                    }
                }));
            }
            start.countDown();
            for (Future<Object> f : futures) {
                outcomes.add(f.get(60, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(outcomes).filteredOn(o -> o == SwapStatus.APPROVED).hasSize(1);
        assertThat(outcomes).filteredOn(o -> o instanceof ConflictException).hasSize(1);
        boolean veraTook = trades.publishedShift(vera.getId(), d).map(s -> s.sameWork(annas)).orElse(false);
        boolean thirdTook = trades.publishedShift(third.getId(), d).map(s -> s.sameWork(annas)).orElse(false);
        assertThat(veraTook ^ thirdTook).as("exactly one has the shift").isTrue();
        assertThat(trades.publishedShift(anna.getId(), d)).isEmpty();
        assertThat(jdbc.queryForObject("select count(*) from roster_assignment where roster_id = ? and work_date = ?"
                + " and shift_start = ? and operator_id in (?, ?, ?)", Integer.class, roster.id(), d,
                java.sql.Timestamp.from(annas.start()), anna.getId(), vera.getId(), third.getId())).isEqualTo(1);
        org.switchboard.notifications.Notification n = org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(30)).until(() -> SwapFixture.as(SwapFixture.ANNA,
                        () -> notifications.mine(Notifications.MAX_LIMIT, 0)).stream()
                        .filter(x -> x.text(EN).contains("is approved") && x.text(EN).contains(d.toString()))
                        .findFirst().orElse(null), java.util.Objects::nonNull);
        assertThat(n.link()).isEqualTo("my-schedule");
    }

    /**
     * A day Anna works on which both colleagues, each given the day off, may take her shift. This test is about two
     * takers at once, not about the rules (those have their own tests), so the contracts are made roomy first: Anna's
     * minimum lowered so that she may give a shift, and the rest, runs of days and days off of the three relaxed so
     * that the week's solve never leaves all days blocked. Found in a transaction that is rolled back, then made for
     * real; everything is put back afterwards.
     */
    private LocalDate prepare() {
        TransactionTemplate tx = new TransactionTemplate(transactions);
        LocalDate found = tx.execute(status -> {
            status.setRollbackOnly();
            lower();
            for (LocalDate x = roster.startDate(); x.isBefore(roster.startDate().plusDays(7)); x = x.plusDays(1)) {
                if (trades.publishedShift(anna.getId(), x).isEmpty()) {
                    continue;
                }
                jdbc.execute("savepoint try_day");
                free(x);
                if (trades.check(List.of(Move.shift(anna.getId(), x, vera.getId())), EN).ok()
                        && trades.check(List.of(Move.shift(anna.getId(), x, third.getId())), EN).ok()) {
                    return x;
                }
                jdbc.execute("rollback to savepoint try_day");
            }
            return null;
        });
        assertThat(found).as("a day both E1003 and E1005 may take E1001's shift: " + why()).isNotNull();
        tx.executeWithoutResult(status -> {
            lower();
            free(found);
        });
        return found;
    }

    private void lower() {
        jdbc.update("update contract set min_minutes_per_week = least(min_minutes_per_week, 1920) where id = ?",
                anna.getContractId());
        jdbc.update("update contract set min_rest_minutes = 0, max_consecutive_days = 14, min_consecutive_days_off = 1"
                + " where id in (?, ?, ?)", anna.getContractId(), vera.getContractId(), third.getContractId());
    }

    /** What breaks on each day Anna works, for the message when no day is found. */
    private String why() {
        StringBuilder out = new StringBuilder();
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            status.setRollbackOnly();
            lower();
            for (LocalDate x = roster.startDate(); x.isBefore(roster.startDate().plusDays(7)); x = x.plusDays(1)) {
                if (trades.publishedShift(anna.getId(), x).isPresent()) {
                    free(x);
                    out.append(x).append(' ').append(trades.check(List.of(Move.shift(anna.getId(), x, vera.getId())), EN)
                            .violations()).append(trades.check(List.of(Move.shift(anna.getId(), x, third.getId())), EN)
                            .violations()).append('\n');
                }
            }
        });
        return out.toString();
    }

    private void free(LocalDate d) {
        jdbc.update("delete from roster_assignment where roster_id = ? and operator_id in (?, ?) and work_date = ?",
                roster.id(), vera.getId(), third.getId(), d);
    }
}
