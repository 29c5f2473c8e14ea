package org.switchboard.demand.history;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.switchboard.SwitchboardApplication;
import org.switchboard.demand.Direction;
import org.switchboard.demand.QueueService;
import org.switchboard.demand.TestQueues;
import org.switchboard.security.UserAccountService;
import org.switchboard.shared.Roles;
import org.switchboard.shared.SystemAuthentication;

/**
 * Run by {@link LargeImportTest} in its own JVM with a small heap: starts the whole application on a free port and
 * its own embedded database, then posts a large file to {@code POST /api/history/import} the way a script would
 * (streamed from disk), and a too-large one. Prints {@code RESULT key=value} lines: statuses, time, heap.
 * Arguments: the file, a folder for the database, the number of queues in the file, the interval length to send.
 */
public final class LargeImportRun {

    static final String PASSWORD = "large-import-password";

    private LargeImportRun() {}

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        Path database = Path.of(args[1]);
        int queueCount = Integer.parseInt(args[2]);
        minutes = args[3];
        AtomicLong peakAfterGc = watchHeapAfterGc();
        int status = 1;
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(SwitchboardApplication.class).run(
                "--server.port=0", "--switchboard.embedded-db.directory=" + database,
                "--switchboard.embedded-db.clean=true", "--switchboard.demo.enabled=false",
                "--logging.level.root=WARN", "--spring.main.banner-mode=off")) {
            SystemAuthentication.runAsSystem(() -> {
                app.getBean(UserAccountService.class).createWithPassword("large-planner", "Large import", Set.of(Roles.PLANNER),
                        PASSWORD, false);
                for (int q = 1; q <= queueCount; q++) {
                    TestQueues.save(app.getBean(QueueService.class), LargeImportTest.queueCode(q), Direction.INBOUND,
                            "Europe/Moscow", LocalTime.MIDNIGHT, LocalTime.MIDNIGHT);
                }
            });
            String url = "http://localhost:" + app.getEnvironment().getProperty("local.server.port") + "/api/history/import";
            System.gc();
            result("heap.afterStartMb", usedMb());
            try (HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build()) {
                long started = System.nanoTime();
                HttpResponse<String> imported = http.send(post(url, file).build(),
                        HttpResponse.BodyHandlers.ofString());
                result("import.millis", (System.nanoTime() - started) / 1_000_000);
                result("import.status", imported.statusCode());
                result("import.body", imported.body().replace('\n', ' '));
                result("db.rows", app.getBean(JdbcTemplate.class).queryForObject("select count(*) from call_history", Long.class));
                result("heap.peakAfterGcMb", peakAfterGc.get() / (1024 * 1024));
                result("heap.maxMb", Runtime.getRuntime().maxMemory() / (1024 * 1024));

                // above the limit without a declared size: the server reads to the limit, then refuses
                long limit = 101L * 1024 * 1024; // spring.servlet.multipart.max-request-size
                Generated chunked = new Generated(limit + 1024 * 1024);
                HttpResponse<String> refused = http.send(post(url, chunked, -1).build(),
                        HttpResponse.BodyHandlers.ofString());
                result("chunked.status", refused.statusCode());
                result("chunked.contentType", refused.headers().firstValue("Content-Type").orElse(""));
                result("chunked.body", refused.body().replace('\n', ' '));

                // 300 MB declared: refused before the body is read
                Generated declared = new Generated(300L * 1024 * 1024);
                try {
                    HttpResponse<String> r = http.send(post(url, declared, declared.size).expectContinue(true).build(),
                            HttpResponse.BodyHandlers.ofString());
                    result("declared.status", r.statusCode());
                } catch (java.io.IOException e) {
                    result("declared.status", "connection closed: " + e);
                }
                result("declared.sentMb", declared.served.get() / (1024 * 1024));
                System.gc();
                result("heap.afterMb", usedMb());
            }
            status = 0;
        } catch (Throwable e) {
            result("failure", e.toString());
            e.printStackTrace(System.out);
        }
        System.out.flush();
        System.exit(status);
    }

    private static final String BOUNDARY = "switchboard-large-import";
    private static String minutes = "15";
    private static byte[] head() {
        return ("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"intervalMinutes\"\r\n\r\n" + minutes
                + "\r\n--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"large.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
    }
    private static final byte[] TAIL = ("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.US_ASCII);

    /** A multipart request (intervalMinutes and the file) streamed from a file on disk, its length declared. */
    static HttpRequest.Builder post(String url, Path file) throws java.io.FileNotFoundException {
        return request(url, BodyPublishers.concat(BodyPublishers.ofByteArray(head()), BodyPublishers.ofFile(file),
                BodyPublishers.ofByteArray(TAIL)));
    }

    /** The same with generated content: chunked when {@code declared} is negative, else with that file length declared. */
    static HttpRequest.Builder post(String url, Generated content, long declared) {
        byte[] head = head();
        BodyPublisher body = BodyPublishers.ofInputStream(() -> new SequenceInputStream(Collections.enumeration(
                List.of(new ByteArrayInputStream(head), content, new ByteArrayInputStream(TAIL)))));
        return request(url, declared < 0 ? body : BodyPublishers.fromPublisher(body, head.length + declared + TAIL.length));
    }

    private static HttpRequest.Builder request(String url, BodyPublisher body) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofMinutes(10))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        ("large-planner:" + PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
                .POST(body);
    }

    static void result(String key, Object value) {
        System.out.println("RESULT " + key + "=" + value);
    }

    static long usedMb() {
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        return heap.getUsed() / (1024 * 1024);
    }

    /**
     * The largest heap (heap pools only, not metaspace or code) still in use right after a collection. After a young
     * collection the old generation may still hold garbage, so this is an upper bound of what was really needed.
     */
    static AtomicLong watchHeapAfterGc() {
        AtomicLong peak = new AtomicLong();
        Set<String> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP).map(MemoryPoolMXBean::getName)
                .collect(java.util.stream.Collectors.toSet());
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            ((NotificationEmitter) gc).addNotificationListener((n, handback) -> {
                if (n.getType().equals(GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION)) {
                    var info = GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData());
                    long used = info.getGcInfo().getMemoryUsageAfterGc().entrySet().stream()
                            .filter(e -> heapPools.contains(e.getKey())).mapToLong(e -> e.getValue().getUsed()).sum();
                    peak.accumulateAndGet(used, Math::max);
                }
            }, null, null);
        }
        return peak;
    }

    /** {@code size} bytes of CSV-like text, made as they are read; counts what was taken. */
    static final class Generated extends InputStream {
        static final byte[] LINE = "2026-03-02T08:00,Q01,10,9,1,180\n".getBytes(StandardCharsets.US_ASCII);
        final long size;
        final AtomicLong served = new AtomicLong();

        Generated(long size) {
            this.size = size;
        }

        @Override
        public int read() {
            long s = served.get();
            if (s >= size) {
                return -1;
            }
            served.incrementAndGet();
            return LINE[(int) (s % LINE.length)];
        }

        @Override
        public int read(byte[] b, int off, int len) {
            long s = served.get();
            if (s >= size) {
                return -1;
            }
            int n = (int) Math.min(len, size - s);
            for (int i = 0; i < n; i++) {
                b[off + i] = LINE[(int) ((s + i) % LINE.length)];
            }
            served.addAndGet(n);
            return n;
        }
    }
}
