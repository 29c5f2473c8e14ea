package org.switchboard.demand.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.switchboard.demand.Direction;
import org.switchboard.demand.Queue;
import org.switchboard.demand.QueueService;
import org.switchboard.demand.TestQueues;

/** Encodings, caps on lines and columns, value bounds, file size and atomicity of the history import. */
@SpringBootTest
@Transactional
@WithMockUser(roles = "PLANNER")
class HistoryImportLimitsTest {

    static final String RUSSIAN = """
            interval_start,queue,offered
            2026-03-02T08:00,Счета,10
            2026-03-02T08:00,Карты,7
            2026-03-02T08:30,Счета,12
            """;

    @Autowired
    HistoryImportService imports;

    @Autowired
    QueueService queues;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void queues() {
        for (String code : List.of("ENC-BILL", "ENC-CARD")) {
            if (queues.findByCode(code).isEmpty()) {
                TestQueues.save(queues, code, Direction.INBOUND, "Europe/Moscow", LocalTime.of(8, 0), LocalTime.of(20, 0));
            }
        }
    }

    long offered(String code) {
        return jdbc.sql("select coalesce(sum(offered), 0) from call_history h join queue q on q.id = h.queue_id where q.code = ?")
                .param(code).query(Long.class).single();
    }

    static byte[] encode(String text, String encoding) {
        return switch (encoding) {
            case "UTF-8 BOM" -> TextEncodingTest.withBom(text, StandardCharsets.UTF_8, 0xEF, 0xBB, 0xBF);
            case "UTF-16LE BOM" -> TextEncodingTest.withBom(text, StandardCharsets.UTF_16LE, 0xFF, 0xFE);
            case "UTF-16BE BOM" -> TextEncodingTest.withBom(text, StandardCharsets.UTF_16BE, 0xFE, 0xFF);
            default -> text.getBytes(Charset.forName(encoding));
        };
    }

    @ParameterizedTest
    @CsvSource({"UTF-8, UTF-8", "UTF-8 BOM, UTF-8", "UTF-16LE BOM, UTF-16LE", "UTF-16BE BOM, UTF-16BE",
            "windows-1251, windows-1251", "KOI8-R, KOI8-R"})
    void everyEncodingKeepsCountsAndCardsApart(String encoding, String charset) {
        byte[] file = encode(RUSSIAN, encoding);
        CsvPreview preview = imports.preview(file, 5);
        assertThat(preview.encoding()).isEqualTo(charset);
        assertThat(preview.queueValues()).containsExactly("Карты", "Счета");
        assertThat(preview.rows()).extracting(r -> r.get(1)).containsExactly("Счета", "Карты", "Счета");
        ImportSettings settings = preview.suggested().withIntervalMinutes(30)
                .withQueueCodes(Map.of("Счета", "ENC-BILL", "Карты", "ENC-CARD"));
        ImportResult result = imports.importFile("russian.csv", file, settings);
        assertThat(result.intervals()).containsExactlyInAnyOrderEntriesOf(Map.of("ENC-BILL", 2, "ENC-CARD", 1));
        assertThat(result.encoding()).isEqualTo(charset);
        assertThat(offered("ENC-BILL")).isEqualTo(22);
        assertThat(offered("ENC-CARD")).isEqualTo(7);
    }

    @Test
    void theEncodingCanBeChosenAndTextThatDoesNotDecodeIsRefusedWithItsLine() {
        byte[] cp1251 = RUSSIAN.getBytes(Charset.forName("windows-1251"));
        // chosen in the preview: KOI8-R decodes every byte, so it is read (wrongly, as the user can see)
        assertThat(imports.preview(ImportSource.of("x.csv", cp1251), 5, "KOI8-R").queueValues())
                .doesNotContain("Счета").hasSize(2);
        // UTF-8 does not decode it: the first line with such bytes is named
        assertThat(failure(() -> imports.preview(ImportSource.of("x.csv", cp1251), 5, "UTF-8")))
                .containsExactly(new ImportProblem(2, null, "Line 2 is not UTF-8 text (bytes D1): choose the file's encoding"));

        StringBuilder utf8 = new StringBuilder("interval_start,queue,offered\n");
        for (int i = 0; i < 40; i++) {
            utf8.append("2026-03-02T").append(String.format("%02d", 8 + i / 4)).append(':').append(i % 4 * 15)
                    .append(i % 4 == 0 ? "0" : "").append(",Счета,1\n");
        }
        byte[] broken = utf8.toString().getBytes(StandardCharsets.UTF_8);
        int line = 0;
        int at = 0;
        while (line < 21) { // the start of line 22
            if (broken[at++] == '\n') {
                line++;
            }
        }
        broken[at + 17] = (byte) 0xFF; // the first byte of "Счета"
        ImportSettings settings = imports.preview(utf8.toString().getBytes(StandardCharsets.UTF_8), 1).suggested()
                .withIntervalMinutes(15).withQueueCodes(Map.of("Счета", "ENC-BILL"));
        assertThat(failure(() -> imports.importFile("broken.csv", broken, settings)))
                .containsExactly(new ImportProblem(22, null, "Line 22 is not UTF-8 text (bytes FF): choose the file's encoding"));
        assertThat(offered("ENC-BILL")).isZero();

        byte[] nul = "interval_start,queue,offered\n2026-03-02T08:00,ENC-BILL,1\n2026-03-02T08:30,ENC\0BILL,1\n"
                .getBytes(StandardCharsets.US_ASCII);
        assertThat(failure(() -> imports.importFile("nul.csv", nul, settings.withQueueCodes(Map.of()))))
                .containsExactly(new ImportProblem(3, null, "Line 3 holds the control character U+0000, which no history "
                        + "file has: is UTF-8 the right encoding?"));
    }

    @Test
    void aHeaderOfAHundredThousandColumnsIsRefusedAtOnce() {
        StringBuilder wide = new StringBuilder();
        for (int i = 0; i < 100_000; i++) {
            wide.append(i == 0 ? "" : ",").append("column").append(i);
        }
        wide.append('\n');
        byte[] file = wide.toString().getBytes(StandardCharsets.UTF_8);
        assertThat(file.length).isGreaterThan(900_000);
        long started = System.nanoTime();
        assertThat(failure(() -> imports.preview(file, 10)))
                .containsExactly(new ImportProblem(1, null, "Line 1 is longer than 10,000 characters, the most one line may have"));
        assertThat((System.nanoTime() - started) / 1_000_000).as("milliseconds").isLessThan(5_000);

        StringBuilder columns = new StringBuilder();
        for (int i = 0; i < 101; i++) {
            columns.append(i == 0 ? "" : ",").append("c").append(i);
        }
        assertThat(failure(() -> imports.preview((columns + "\n").getBytes(StandardCharsets.UTF_8), 10)))
                .containsExactly(new ImportProblem(1, null, "The header has 101 columns; a history file may have at most 100"));
    }

    @Test
    void aLongLineAndAnUnclosedQuoteAreRefusedWithTheirLines() {
        ImportSettings settings = imports.preview(bytes("interval_start,queue,offered\n2026-03-02T08:00,ENC-BILL,1\n"), 1)
                .suggested().withIntervalMinutes(30);
        String longLine = "interval_start,queue,offered\n2026-03-02T08:00,ENC-BILL,1\n2026-03-02T08:30,ENC-BILL,"
                + "1".repeat(10_001) + "\n";
        assertThat(failure(() -> imports.importFile("long.csv", bytes(longLine), settings)))
                .containsExactly(new ImportProblem(3, null, "Line 3 is longer than 10,000 characters, the most one line may have"));

        StringBuilder open = new StringBuilder("interval_start,queue,offered\n2026-03-02T08:00,ENC-BILL,1\n2026-03-02T08:30,\"ENC-BILL,1\n");
        for (int i = 0; i < 1_000; i++) {
            open.append("2026-03-03T08:00,ENC-BILL,1\n");
        }
        List<ImportProblem> problems = failure(() -> imports.importFile("open.csv", bytes(open.toString()), settings));
        assertThat(problems).hasSize(1);
        assertThat(problems.get(0).line()).isEqualTo(360);
        assertThat(problems.get(0).message()).isEqualTo("The record that starts on line 3 has a quoted value still open on "
                + "line 360, after more than 10,000 characters: is a closing quote missing?");
        assertThat(offered("ENC-BILL")).isZero();
    }

    @Test
    void outOfRangeValuesAreRefusedNotCutOrWrapped() {
        String intervals = """
                interval_start,queue,offered,handled,abandoned,aht_seconds,interval_minutes
                +999999999-03-02T08:00,ENC-BILL,10,9,1,180,30
                0000-03-02T08:00,ENC-BILL,10,9,1,180,30
                2026-03-02T08:00,ENC-BILL,2e9,9,1,180,30
                2026-03-02T08:30,ENC-BILL,10,9,1,1e308,30
                2026-03-02T09:00,ENC-BILL,10,9,1,180,1.5
                2026-03-02T09:30,ENC-BILL,3000000000,9,1,180,30
                2026-03-02T10:00,ENC-BILL,10,9,1,NaN,30
                2026-03-02T10:30,ENC-BILL,10,9,11,180,30
                2026-03-02T11:00,ENC-BILL,10,9,1,86401,30
                2026-03-02T11:30,ENC-BILL,1000000,9,1,86400,30
                """;
        ImportSettings settings = imports.preview(bytes(intervals), 1).suggested();
        assertThat(failure(() -> imports.importFile("range.csv", bytes(intervals), settings))).containsExactly(
                new ImportProblem(2, "interval_start", "\"+999999999-03-02T08:00\" is outside the dates an import accepts "
                        + "(1970-01-01 to 2100-12-31)"),
                new ImportProblem(3, "interval_start", "\"0000-03-02T08:00\" is outside the dates an import accepts "
                        + "(1970-01-01 to 2100-12-31)"),
                new ImportProblem(4, "offered", "Offered calls must be at most 1,000,000, not 2e9"),
                new ImportProblem(5, "aht_seconds", "AHT (seconds) must be at most 86,400 (24 hours), not 1e308"),
                new ImportProblem(6, "interval_minutes", "\"1.5\" is not a whole number"),
                new ImportProblem(7, "offered", "Offered calls must be at most 1,000,000, not 3000000000"),
                new ImportProblem(8, "aht_seconds", "\"NaN\" is not a number"),
                new ImportProblem(9, "abandoned", "More calls abandoned (11) than offered (10)"),
                new ImportProblem(10, "aht_seconds", "AHT (seconds) must be at most 86,400 (24 hours), not 86401"));

        String calls = """
                arrival,queue,outcome,handle_seconds
                2026-03-03T08:01:00,ENC-BILL,answered,100000
                2026-03-03T08:02:00,ENC-BILL,answered,-5
                00000303T08:03:00,ENC-BILL,answered,10
                2101-01-01T08:04:00,ENC-BILL,answered,10
                """;
        ImportSettings callSettings = imports.preview(bytes(calls), 1).suggested().withIntervalMinutes(30);
        assertThat(failure(() -> imports.importFile("calls.csv", bytes(calls), callSettings))).containsExactly(
                new ImportProblem(2, "handle_seconds", "Handling time (seconds) must be at most 86,400 (24 hours), not 100000"),
                new ImportProblem(3, "handle_seconds", "Handling time (seconds) cannot be negative (-5)"),
                new ImportProblem(4, "arrival", "\"00000303T08:03:00\" is not a date and time such as 2026-03-02T08:30"),
                new ImportProblem(5, "arrival", "\"2101-01-01T08:04:00\" is outside the dates an import accepts "
                        + "(1970-01-01 to 2100-12-31)"));
        assertThat(offered("ENC-BILL")).isZero();
    }

    @Test
    void aFileAboveTheSizeLimitIsRefusedUnread(@TempDir Path dir) throws IOException {
        Path big = dir.resolve("big.csv");
        try (RandomAccessFile f = new RandomAccessFile(big.toFile(), "rw")) {
            f.setLength(imports.limits().maxFileSize().toBytes() + 1); // sparse: no disk used
        }
        assertThatThrownBy(() -> imports.preview(ImportSource.of(big, "big.csv"), 10, null))
                .isInstanceOf(ImportTooLargeException.class)
                .hasMessage("The file is larger than 100 MB, the most a history import accepts");
        ImportSettings settings = imports.preview(bytes("interval_start,queue,offered\n"), 1).suggested();
        assertThatThrownBy(() -> imports.importFile(ImportSource.of(big, "big.csv"), settings))
                .isInstanceOf(ImportTooLargeException.class);
    }

    /** Without the test's transaction: batches already written are rolled back by the import's own transaction. */
    @Test
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    void aProblemOnTheLastLineUndoesEveryBatchWrittenBeforeIt() {
        Queue q = TestQueues.save(queues, "ENC-ATOM", Direction.INBOUND, "UTC", LocalTime.MIDNIGHT, LocalTime.MIDNIGHT);
        try {
            long importsBefore = imports.imports().size();
            StringBuilder csv = new StringBuilder("interval_start,queue,offered\n");
            java.time.LocalDateTime start = java.time.LocalDateTime.of(2026, 1, 1, 0, 0);
            for (int i = 0; i < 3 * HistoryWriter.BATCH; i++) {
                csv.append(start.plusMinutes(30L * i)).append(",ENC-ATOM,").append(i % 50).append('\n');
            }
            csv.append("2027-01-01T00:00,ENC-ATOM,many\n");
            ImportSettings settings = imports.preview(bytes(csv.toString()), 1).suggested().withIntervalMinutes(30);
            assertThat(failure(() -> imports.importFile("atom.csv", bytes(csv.toString()), settings)))
                    .containsExactly(new ImportProblem(3 * HistoryWriter.BATCH + 2, "offered", "\"many\" is not a whole number"));
            assertThat(jdbc.sql("select count(*) from call_history where queue_id = ?").param(q.getId()).query(Long.class)
                    .single()).isZero();
            assertThat(imports.imports()).hasSize((int) importsBefore);
        } finally {
            queues.delete(q.getId());
        }
    }

    /** Inside the test's transaction: the import takes a savepoint, so its written batches go and the caller goes on. */
    @Test
    void insideACallersTransactionAFailedImportIsUndoneToItsSavepoint() {
        StringBuilder csv = new StringBuilder("interval_start,queue,offered\n");
        java.time.LocalDateTime start = java.time.LocalDateTime.of(2026, 1, 1, 0, 0);
        for (int i = 0; i < 2 * HistoryWriter.BATCH + 10; i++) {
            csv.append(start.plusMinutes(30L * i)).append(",ENC-BILL,1\n");
        }
        String good = csv.toString();
        ImportSettings settings = imports.preview(bytes(good), 1).suggested().withIntervalMinutes(30);
        assertThat(failure(() -> imports.importFile("bad.csv", bytes(good + "2027-01-01T00:00,ENC-BILL,-1\n"), settings)))
                .extracting(ImportProblem::line).containsExactly(2L * HistoryWriter.BATCH + 12);
        assertThat(offered("ENC-BILL")).isZero();
        ImportResult result = imports.importFile("good.csv", bytes(good), settings); // the transaction goes on
        assertThat(result.totalIntervals()).isEqualTo(2 * HistoryWriter.BATCH + 10);
        assertThat(offered("ENC-BILL")).isEqualTo(2 * HistoryWriter.BATCH + 10);
    }

    static List<ImportProblem> failure(Runnable r) {
        try {
            r.run();
        } catch (ImportFailedException e) {
            return e.problems();
        }
        throw new AssertionError("expected the import to be refused");
    }

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
