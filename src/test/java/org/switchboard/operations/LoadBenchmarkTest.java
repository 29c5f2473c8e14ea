package org.switchboard.operations;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.switchboard.operators.Operator;
import org.switchboard.operators.OperatorService;
import org.switchboard.rostering.NewRoster;
import org.switchboard.rostering.RosterService;
import org.switchboard.rostering.Solving;
import org.switchboard.security.UserAccountService;
import org.switchboard.shared.Roles;
import org.switchboard.shared.SystemAuthentication;

/**
 * 200 concurrent users for 60 s against a real server on this machine while a 4-week roster of every operator
 * solves: operators read their schedules, requests and trades and send time-off requests and swaps, managers list
 * and approve requests, planners edit a draft and watch the solve. Prints throughput and latency percentiles per
 * request and overall, then checks that no request was lost or applied twice: every created request and swap is
 * stored once, every approval answered 200 is one approval with one notification to its operator, every edit is on
 * the draft, and the solve ended with its roster.
 *
 * <p>{@code ./mvnw -Pbench verify -Dbench.groups=load} ({@code -Dbench.load.seconds=60 -Dbench.load.users=200
 * -Dbench.load.think-ms=500}: each user waits a random 0 to 2 × think-ms between requests; 0 sends back to back).
 */
@Tag("benchmark")
@Tag("load")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "switchboard.embedded-db.directory=target/bench-postgres-load", "switchboard.embedded-db.clean=true"})
class LoadBenchmarkTest {

    static final String PASSWORD = "load-benchmark-password";
    static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");

    @LocalServerPort
    int port;
    @Autowired
    UserAccountService accounts;
    @Autowired
    OperatorService operators;
    @Autowired
    RosterService rosters;
    @Autowired
    JdbcTemplate jdbc;

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().executor(Executors.newVirtualThreadPerTaskExecutor())
            .connectTimeout(Duration.ofSeconds(30)).build();
    private final Map<String, List<Long>> latencies = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> unexpected = new ConcurrentHashMap<>();
    private final Set<Long> createdAbsences = ConcurrentHashMap.newKeySet();
    private final Set<Long> createdSwaps = ConcurrentHashMap.newKeySet();
    private final Map<Long, AtomicInteger> approvals = new ConcurrentHashMap<>();
    private final Set<String> editedCells = ConcurrentHashMap.newKeySet();
    private final AtomicInteger absenceCounter = new AtomicInteger();
    private String note;
    private LocalDate monday;
    private long published;
    private long draft;
    private long solving;

    @Test
    void twoHundredUsersForAMinuteWhileASolveRuns() throws Exception {
        int seconds = Integer.getInteger("bench.load.seconds", 60);
        int users = Integer.getInteger("bench.load.users", 200);
        int thinkMillis = Integer.getInteger("bench.load.think-ms", 500);
        List<Operator> staff = SystemAuthentication.callAsSystem(this::setUp);
        note = "load-" + System.currentTimeMillis();
        // every user signs in once before the minute (the password's bcrypt is paid once, as at a sign-in)
        signIn("load-planner");
        for (int m = 0; m < 10; m++) {
            signIn("load-manager-" + m);
        }
        for (Operator o : staff) {
            signIn("load-" + o.getEmployeeNumber());
        }
        latencies.clear();
        System.out.println("LOAD begins");

        Instant began = Instant.now();
        SystemAuthentication.runAsSystem(() -> rosters.solve(solving, seconds + 30));
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        int planners = Math.max(1, users / 40);
        int managers = Math.max(1, users / 8);
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int u = 0; u < users; u++) {
                int n = u;
                pool.submit(() -> {
                    while (System.nanoTime() < end) {
                        if (n < planners) {
                            planner(n, planners, staff);
                        } else if (n < planners + managers) {
                            manager("load-manager-" + (n % 10));
                        } else {
                            operator(staff.get(n % staff.size()));
                        }
                        think(thinkMillis);
                    }
                    return null;
                });
            }
        }
        double elapsed = Duration.between(began, Instant.now()).toMillis() / 1000.0;
        report(users, thinkMillis, elapsed);
        checkNothingLostOrDoubled();
    }

    /** Accounts for the staff and managers, a published fortnight, a solved draft and a 4-week roster to solve. */
    private List<Operator> setUp() {
        for (int m = 0; m < 10; m++) {
            account("load-manager-" + m, Roles.MANAGER);
        }
        account("load-planner", Roles.PLANNER);
        List<Operator> staff = new ArrayList<>();
        for (Operator o : operators.list()) {
            // the demo's own operator logins keep their password; the others get accounts of the benchmark's
            if (o.getUserId() == null) {
                o.setUserId(account("load-" + o.getEmployeeNumber(), Roles.OPERATOR));
                staff.add(operators.save(o));
            }
        }
        monday = LocalDate.now(MOSCOW).with(TemporalAdjusters.next(DayOfWeek.MONDAY));
        published = rosters.create(new NewRoster(monday, 14, null, null, null, null, null)).id();
        assertThat(Solving.solve(rosters, published, 20, Duration.ofMinutes(3))).isTrue();
        rosters.publish(published, true);
        draft = rosters.create(new NewRoster(monday.plusWeeks(2), 14, null, null, null, null, null)).id();
        assertThat(Solving.solve(rosters, draft, 10, Duration.ofMinutes(3))).isTrue();
        solving = rosters.create(new NewRoster(monday.plusWeeks(4), 28, null, null, null, null, null)).id();
        return staff;
    }

    private void signIn(String user) {
        call("sign-in", user, "GET", "/api/me/notifications/unread-count", null, 200);
    }

    private Long account(String username, String role) {
        return accounts.findByUsername(username).orElseGet(() -> accounts.createWithPassword(username, username,
                Set.of(role), PASSWORD, false)).id();
    }

    private void operator(Operator me) throws Exception {
        String user = "load-" + me.getEmployeeNumber();
        int dice = ThreadLocalRandom.current().nextInt(100);
        if (dice < 55) {
            call("GET /api/me/schedule", user, "GET", "/api/me/schedule?from=" + monday + "&to=" + monday.plusDays(13),
                    null, 200);
        } else if (dice < 70) {
            call("GET /api/absences (own)", user, "GET", "/api/absences", null, 200);
        } else if (dice < 80) {
            call("GET /api/swaps (own)", user, "GET", "/api/swaps", null, 200);
        } else if (dice < 92) {
            // a day of its own in a later year for each request: never the same day twice
            int k = absenceCounter.incrementAndGet();
            LocalDate day = LocalDate.of(monday.getYear() + 2 + k / 300, 1, 5).plusDays(k % 300);
            HttpResponse<String> r = call("POST /api/absences", user, "POST", "/api/absences",
                    "{\"type\":\"VACATION\",\"from\":\"" + day + "\",\"to\":\"" + day + "\",\"note\":\"" + note + "\"}",
                    201, 409, 422);
            if (r != null && r.statusCode() == 201) {
                createdAbsences.add(json.readTree(r.body()).get("id").asLong());
            }
        } else {
            LocalDate day = monday.plusDays(ThreadLocalRandom.current().nextInt(14));
            String with = "E" + (1001 + 2 * ThreadLocalRandom.current().nextInt(32));
            HttpResponse<String> r = call("POST /api/swaps", user, "POST", "/api/swaps",
                    "{\"date\":\"" + day + "\",\"withEmployeeNumber\":\"" + with + "\",\"withDate\":\"" + day + "\"}",
                    201, 400, 404, 409, 422);
            if (r != null && r.statusCode() == 201) {
                createdSwaps.add(json.readTree(r.body()).get("id").asLong());
            }
        }
    }

    private void manager(String user) throws Exception {
        HttpResponse<String> list = call("GET /api/absences?status=REQUESTED", user, "GET",
                "/api/absences?status=REQUESTED&from=" + LocalDate.of(monday.getYear() + 2, 1, 1), null, 200);
        if (list == null) {
            return;
        }
        JsonNode pending = json.readTree(list.body());
        if (pending.isEmpty()) {
            return;
        }
        long id = pending.get(ThreadLocalRandom.current().nextInt(pending.size())).get("id").asLong();
        HttpResponse<String> r = call("POST /api/absences/{id}/approve", user, "POST", "/api/absences/" + id + "/approve",
                "{}", 200, 409, 422);
        if (r != null && r.statusCode() == 200) {
            approvals.computeIfAbsent(id, i -> new AtomicInteger()).incrementAndGet();
        }
    }

    private void planner(int n, int planners, List<Operator> staff) throws Exception {
        if (ThreadLocalRandom.current().nextInt(4) == 0) {
            call("GET /api/rosters/{id}/status", "load-planner", "GET", "/api/rosters/" + solving + "/status", null, 200);
            return;
        }
        // each planner its own operators, a new day each time: every cell is edited once
        Operator o = staff.get((n + planners * ThreadLocalRandom.current().nextInt(staff.size() / planners))
                % staff.size());
        LocalDate day = monday.plusWeeks(2).plusDays(ThreadLocalRandom.current().nextInt(14));
        String cell = o.getEmployeeNumber() + "/" + day;
        if (!editedCells.add(cell)) {
            return;
        }
        HttpResponse<String> r = call("PUT /api/rosters/{id}/days/..", "load-planner", "PUT",
                "/api/rosters/" + draft + "/days/" + cell, "{\"dayOff\":true,\"force\":true}", 200, 409, 422);
        if (r == null || r.statusCode() != 200) {
            editedCells.remove(cell);
        }
    }

    /** Sends one request and records its latency; an answer not in {@code expected} counts as unexpected. */
    private HttpResponse<String> call(String label, String user, String method, String path, String body,
            int... expected) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .header("Accept", "application/json").timeout(Duration.ofSeconds(60));
        if (body != null) {
            b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        long t0 = System.nanoTime();
        try {
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            latencies.computeIfAbsent(label, l -> java.util.Collections.synchronizedList(new ArrayList<>()))
                    .add(System.nanoTime() - t0);
            for (int e : expected) {
                if (r.statusCode() == e) {
                    return r;
                }
            }
            unexpected.computeIfAbsent(label + " → " + r.statusCode(), l -> new AtomicInteger()).incrementAndGet();
            return null;
        } catch (Exception e) {
            unexpected.computeIfAbsent(label + " → " + e.getClass().getSimpleName(), l -> new AtomicInteger())
                    .incrementAndGet();
            return null;
        }
    }

    private static void think(int millis) throws InterruptedException {
        if (millis > 0) {
            Thread.sleep(ThreadLocalRandom.current().nextInt(2 * millis + 1));
        }
    }

    private void report(int users, int thinkMillis, double elapsed) {
        List<Long> all = new ArrayList<>();
        StringBuilder out = new StringBuilder(String.format("%nLOAD %d users, think 0-%d ms, %.1f s%n",
                users, 2 * thinkMillis, elapsed));
        out.append("| request | requests | requests/s | p50 | p95 | p99 | max |\n|---|---:|---:|---:|---:|---:|---:|\n");
        latencies.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            List<Long> l = new ArrayList<>(e.getValue());
            all.addAll(l);
            out.append(row(e.getKey(), l, elapsed));
        });
        out.append(row("**all**", all, elapsed));
        out.append("unexpected answers: ").append(unexpected).append('\n');
        out.append(String.format("created: %d requests, %d swaps; approved: %d; draft cells edited: %d%n",
                createdAbsences.size(), createdSwaps.size(), approvals.size(), editedCells.size()));
        System.out.println(out);
    }

    private static String row(String label, List<Long> nanos, double elapsed) {
        nanos.sort(null);
        return String.format("| %s | %d | %.0f | %d ms | %d ms | %d ms | %d ms |%n", label, nanos.size(),
                nanos.size() / elapsed, pct(nanos, 50), pct(nanos, 95), pct(nanos, 99), pct(nanos, 100));
    }

    private static long pct(List<Long> sorted, int p) {
        if (sorted.isEmpty()) {
            return 0;
        }
        int i = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, i)) / 1_000_000;
    }

    private void checkNothingLostOrDoubled() throws InterruptedException {
        assertThat(unexpected).as("answers other than the expected ones").isEmpty();
        List<Long> stored = jdbc.queryForList("select id from absence where note = ?", Long.class, note);
        assertThat(stored).as("every request answered 201 stored once, none other").hasSameSizeAs(createdAbsences)
                .containsExactlyInAnyOrderElementsOf(createdAbsences);
        assertThat(approvals.values()).as("no request approved twice").allMatch(c -> c.get() == 1);
        for (Long id : approvals.keySet()) {
            assertThat(jdbc.queryForObject("select status from absence where id = ?", String.class, id))
                    .isEqualTo("APPROVED");
        }
        if (!createdSwaps.isEmpty()) {
            assertThat(jdbc.queryForObject("select count(*) from swap where id = any(?)", Integer.class,
                    (Object) createdSwaps.toArray(Long[]::new))).isEqualTo(createdSwaps.size());
        }
        // each approval tells its operator once (a reaction through the event registry)
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline && jdbc.queryForObject(
                "select count(*) from event_publication where completion_date is null", Integer.class) > 0) {
            Thread.sleep(500);
        }
        for (Long id : approvals.keySet()) {
            assertThat(jdbc.queryForObject("select count(*) from notification where kind = 'ABSENCE_APPROVED'"
                    + " and args ->> 'absenceId' = ?", Integer.class, id.toString())).as("notifications of %d", id)
                    .isEqualTo(1);
        }
        for (String cell : editedCells) {
            String[] parts = cell.split("/");
            assertThat(jdbc.queryForObject("""
                    select count(*) from roster_assignment a join operator o on o.id = a.operator_id
                    where a.roster_id = ? and o.employee_number = ? and a.work_date = ?::date
                    """, Integer.class, draft, parts[0], parts[1])).as("day off on %s", cell).isZero();
        }
        long solveDeadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (SystemAuthentication.callAsSystem(() -> rosters.isSolving(solving))) {
            assertThat(System.nanoTime()).as("the solve ends").isLessThan(solveDeadline);
            Thread.sleep(500);
        }
        var status = SystemAuthentication.callAsSystem(() -> rosters.status(solving));
        System.out.printf("LOAD solve of %d operators x 28 days beside the load: %s, score %s, %d attempt(s)%n",
                jdbc.queryForObject("select count(*) from roster_operator where roster_id = ?", Integer.class, solving),
                status.solveOutcome(), status.score(), status.solveAttempts());
        assertThat(status.solveOutcome()).isEqualTo("finished");
    }
}
