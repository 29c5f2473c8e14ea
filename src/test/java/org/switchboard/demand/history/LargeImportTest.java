package org.switchboard.demand.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.ChildJvm;

/**
 * 99 MB files import through {@code POST /api/history/import} into an application whose whole JVM has 512 MB of
 * heap, and uploads above the 100 MB limit are refused: with 413 once the limit is passed (no size declared), or
 * before the body is read (300 MB declared). The application runs in a child JVM ({@link LargeImportRun}) with its
 * own embedded database, so the heap limit holds for the server, the upload, the parsing and the writing together.
 * <ul>
 * <li>In the normal build: a 99 MB file of 2.6 million call records (counted into 17,280 intervals), about a
 * minute with the child's start.
 * <li>Tagged {@code benchmark} ({@code ./mvnw -Pbench test -Dbench.groups=benchmark -Dtest=LargeImportTest}): a 99
 * MB interval file of 2.7 million intervals, the most writing a file of that size can ask for; one to three minutes.
 * </ul>
 */
class LargeImportTest {

    static final long SIZE = 99L * 1024 * 1024;

    static String queueCode(int q) {
        return String.format("BIG-%02d", q);
    }

    @Test
    void aNinetyNineMegabyteCallFileImportsWithinHalfAGigabyteOfHeap(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("calls.csv");
        long[] written = writeCalls(file, 4);
        Map<String, String> results = run(dir, file, 4, 30);
        assertImported(results, written[0], written[1]);
        assertRefusedAboveTheLimit(results);
    }

    @Test
    @Tag("benchmark")
    void aNinetyNineMegabyteIntervalFileImportsWithinHalfAGigabyteOfHeap(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("intervals.csv");
        long rows = writeIntervals(file, 20);
        Map<String, String> results = run(dir, file, 20, 15);
        assertImported(results, rows, rows);
        assertRefusedAboveTheLimit(results);
    }

    static void assertImported(Map<String, String> results, long rows, long intervals) {
        assertThat(results.get("import.status")).isEqualTo("200");
        assertThat(results.get("import.body")).contains("\"dataRows\":" + rows, "\"totalIntervals\":" + intervals,
                "\"replaced\":0", "\"skippedRows\":0");
        assertThat(results.get("db.rows")).isEqualTo(String.valueOf(intervals));
        assertThat(Long.parseLong(results.get("heap.maxMb"))).isLessThanOrEqualTo(512);
    }

    static void assertRefusedAboveTheLimit(Map<String, String> results) {
        assertThat(results.get("chunked.status")).isEqualTo("413");
        assertThat(results.get("chunked.contentType")).startsWith("application/problem+json");
        assertThat(results.get("chunked.body")).contains("\"status\":413", "\"field\":\"file\"",
                "The file is larger than 100 MB, the most a history import accepts");
        // refused before its body was read: answered with 413 or closed long before 300 MB were sent
        assertThat(results.get("declared.status")).matches("413|connection closed.*");
        assertThat(Long.parseLong(results.get("declared.sentMb"))).isLessThan(50);
    }

    /** Runs {@link LargeImportRun} with -Xmx512m; its RESULT lines, after it ended well. */
    static Map<String, String> run(Path dir, Path file, int queues, int minutes) throws Exception {
        assertThat(Files.size(file)).isBetween(SIZE - 100, SIZE);
        Path argFile = dir.resolve("classpath.args");
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Files.writeString(argFile, "-cp \"" + classpath.replace("\\", "\\\\") + "\"");
        String java = ProcessHandle.current().info().command().orElse("java");
        Process child = new ProcessBuilder(java, ChildJvm.NATIVE_ACCESS, "-Xmx512m", "-XX:+UseG1GC", "-Dvaadin.usage-statistics=false",
                "@" + argFile, LargeImportRun.class.getName(), file.toString(), dir.resolve("postgres").toString(),
                String.valueOf(queues), String.valueOf(minutes))
                .redirectErrorStream(true).start();
        Map<String, String> results = new LinkedHashMap<>();
        List<String> output = new ArrayList<>();
        Thread reader = Thread.ofVirtual().start(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = in.readLine()) != null; ) {
                    synchronized (output) {
                        output.add(line);
                    }
                    if (line.startsWith("RESULT ")) {
                        int eq = line.indexOf('=');
                        synchronized (results) {
                            results.put(line.substring(7, eq), line.substring(eq + 1));
                        }
                        System.out.println(line.length() > 400 ? line.substring(0, 400) + "…" : line);
                    }
                }
            } catch (IOException e) {
                // the child is gone
            }
        });
        try {
            assertThat(child.waitFor(15, TimeUnit.MINUTES)).as("the child finished").isTrue();
            reader.join(10_000);
        } finally {
            child.descendants().forEach(ProcessHandle::destroy); // the embedded PostgreSQL, should it still run
            child.destroy();
        }
        synchronized (output) {
            assertThat(child.exitValue()).as(String.join("\n", output.subList(Math.max(0, output.size() - 80), output.size())))
                    .isZero();
        }
        synchronized (results) {
            return new LinkedHashMap<>(results);
        }
    }

    /** Intervals of {@code queues} queues, 15 minutes each, from 2019 on, while the file stays within 99 MB. */
    static long writeIntervals(Path file, int queues) throws IOException {
        long rows = 0;
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            String header = "interval_start,queue,offered,handled,abandoned,aht_seconds\n";
            out.write(header);
            long bytes = header.length();
            LocalDateTime start = LocalDateTime.of(2019, 1, 1, 0, 0);
            StringBuilder row = new StringBuilder(64);
            for (long i = 0; ; i++) {
                int q = (int) (i % queues) + 1;
                int offered = (int) ((i * 7 + q * 13) % 120);
                int handled = offered - offered / 10;
                row.setLength(0);
                row.append(start.plusMinutes(15 * (i / queues))).append(',').append(queueCode(q)).append(',').append(offered)
                        .append(',').append(handled).append(',').append(offered - handled).append(',').append(120 + i % 240)
                        .append(".5\n");
                if (bytes + row.length() > SIZE) {
                    return rows;
                }
                out.write(row.toString());
                bytes += row.length();
                rows++;
            }
        }
    }

    /**
     * Call records of {@code queues} queues, 08:00 to 20:00 on 180 days from 2019-01-01, while the file stays within
     * 99 MB; returns the number of calls and of the 30-minute intervals they fall into.
     */
    static long[] writeCalls(Path file, int queues) throws IOException {
        long rows = 0;
        Set<String> intervals = new HashSet<>();
        long perDay = SIZE / 38 / 180 + 1; // about 38 bytes a call
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            String header = "arrival,queue,outcome,handle_seconds\n";
            out.write(header);
            long bytes = header.length();
            LocalDateTime first = LocalDateTime.of(2019, 1, 1, 8, 0);
            StringBuilder row = new StringBuilder(64);
            for (long i = 0; ; i++) {
                int q = (int) (i % queues) + 1;
                LocalDateTime arrival = first.plusDays(i / perDay).plusSeconds(12 * 3600 * (i % perDay) / perDay);
                boolean answered = i % 10 != 0;
                row.setLength(0);
                row.append(arrival.toLocalDate()).append('T').append(arrival.toLocalTime().withNano(0))
                        .append(arrival.getSecond() == 0 ? ":00" : "").append(',').append(queueCode(q))
                        .append(answered ? ",ANSWERED," + (30 + i % 600) : ",ABANDONED,").append('\n');
                if (bytes + row.length() > SIZE) {
                    return new long[] {rows, intervals.size()};
                }
                out.write(row.toString());
                bytes += row.length();
                rows++;
                intervals.add(q + " " + arrival.toLocalDate() + " " + (arrival.getHour() * 2 + arrival.getMinute() / 30));
            }
        }
    }
}
