package org.switchboard.base.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.switchboard.security.UserAccountService;
import org.switchboard.shared.Roles;
import org.switchboard.shared.SystemAuthentication;

/**
 * API throughput and latency with HTTP Basic on every request (what a script or integration does), at 50 and 200
 * concurrent clients, against a real server on this machine: each client sends requests back to back for the
 * measured seconds. Prints requests per second and the 50th, 90th and 99th percentile latency.
 *
 * <p>{@code ./mvnw -Pbench verify -Dbench.groups=api} ({@code -Dbench.api.seconds=20}).
 */
@Tag("benchmark")
@Tag("api")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "switchboard.embedded-db.directory=target/bench-postgres-api")
class ApiLatencyBenchmarkTest {

    static final String PASSWORD = "api-benchmark-password";

    @LocalServerPort
    int port;
    @Autowired
    UserAccountService accounts;

    @Test
    void basicAuthenticatedRequestsAt50And200Clients() throws Exception {
        SystemAuthentication.runAsSystem(() -> {
            if (accounts.list().stream().noneMatch(a -> a.username().equals("bench-planner"))) {
                accounts.createWithPassword("bench-planner", "Bench planner", Set.of(Roles.PLANNER), PASSWORD, false);
            }
        });
        int seconds = Integer.getInteger("bench.api.seconds", 20);
        String auth = "Basic " + Base64.getEncoder()
                .encodeToString(("bench-planner:" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        HttpRequest rosters = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/rosters"))
                .header("Authorization", auth).timeout(Duration.ofSeconds(60)).GET().build();
        String erlangBody = "{\"callsPerInterval\":100,\"intervalMinutes\":30,\"ahtSeconds\":180,"
                + "\"serviceLevelTarget\":0.8,\"answerWithinSeconds\":20}";
        HttpRequest erlang = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/staffing/erlang"))
                .header("Authorization", auth).header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(60)).POST(HttpRequest.BodyPublishers.ofString(erlangBody)).build();
        run("warm-up", rosters, 10, 5);
        for (int clients : new int[] {50, 200}) {
            run("GET /api/rosters", rosters, clients, seconds);
            run("POST /api/staffing/erlang", erlang, clients, seconds);
        }
    }

    private void run(String label, HttpRequest request, int clients, int seconds) throws Exception {
        HttpClient http = HttpClient.newBuilder().executor(Executors.newVirtualThreadPerTaskExecutor()).build();
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger failures = new AtomicInteger();
        long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> running = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                running.add(pool.submit(() -> {
                    while (System.nanoTime() < end) {
                        long start = System.nanoTime();
                        try {
                            HttpResponse<Void> r = http.send(request, HttpResponse.BodyHandlers.discarding());
                            if (r.statusCode() != 200) {
                                failures.incrementAndGet();
                            }
                        } catch (Exception e) {
                            failures.incrementAndGet();
                        }
                        latencies.add(System.nanoTime() - start);
                    }
                    return null;
                }));
            }
            for (Future<?> f : running) {
                f.get();
            }
        }
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        System.out.printf("API %-26s %3d clients %3d s: %6d requests, %7.1f req/s, p50 %6.1f ms, p90 %6.1f ms,"
                        + " p99 %7.1f ms, failed %d%n", label, clients, seconds, sorted.size(),
                sorted.size() / (double) seconds, ms(sorted, 0.50), ms(sorted, 0.90), ms(sorted, 0.99), failures.get());
        assertThat(failures.get()).as("failed requests").isZero();
    }

    private static double ms(List<Long> sorted, double quantile) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.floor(quantile * sorted.size()))) / 1e6;
    }
}
