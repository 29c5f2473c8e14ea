package org.switchboard.demand.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.transaction.annotation.Transactional;
import org.switchboard.SharedData;
import org.switchboard.demand.OpeningHours;
import org.switchboard.demand.Queue;
import org.switchboard.demand.QueueService;
import org.switchboard.shared.SystemAuthentication;

@SpringBootTest
@Transactional
@WithMockUser(roles = "PLANNER")
class HistoryImportServiceTest {

    static final List<String> BANK_TYPES = List.of("IN", "NE", "NW", "PE", "PS", "TT");

    @Autowired
    HistoryImportService imports;

    @Autowired
    QueueService queues;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void bankQueues() {
        SystemAuthentication.callAsSystem(() -> {
            BANK_TYPES.forEach(type -> queue(type, "Asia/Jerusalem"));
            return null;
        });
    }

    Queue queue(String code, String zone) {
        Queue q = queues.findByCode(code).orElseGet(Queue::new);
        q.setCode(code);
        q.setName("Bank " + code);
        q.setTimeZone(zone);
        q.setOpeningHours(List.of(new OpeningHours(1, LocalTime.of(7, 0), LocalTime.MIDNIGHT)));
        return queues.save(q);
    }

    long historyRows(String... codes) {
        return jdbc.sql("select count(*) from call_history h join queue q on q.id = h.queue_id where q.code in (:codes)")
                .param("codes", List.of(codes)).query(Long.class).single();
    }

    long offered(String... codes) {
        return jdbc.sql("select coalesce(sum(offered), 0) from call_history h join queue q on q.id = h.queue_id where q.code in (:codes)")
                .param("codes", List.of(codes)).query(Long.class).single();
    }

    @Test
    void bankIntervalFileImportsAsItIsAndAgainWithoutDoubling() throws IOException {
        byte[] file = Files.readAllBytes(SharedData.require("data/callcenter/intervals_30min.csv"));
        CsvPreview preview = imports.preview(file, 10);
        assertThat(preview.dataRows()).isEqualTo(9408);
        assertThat(preview.rows()).hasSize(10);
        assertThat(preview.queueValues()).containsExactly("ALL", "IN", "NE", "NW", "PE", "PS", "TT");
        ImportSettings settings = preview.suggested();
        assertThat(settings.kind()).isEqualTo(ImportKind.INTERVALS);
        assertThat(settings.column(HistoryField.OFFERED)).isEqualTo("agent_arrivals");
        assertThat(settings.queueCodes()).containsEntry("ALL", "").containsEntry("PS", "PS");

        ImportResult first = imports.importFile("intervals_30min.csv", file, settings);
        String[] codes = BANK_TYPES.toArray(String[]::new);
        assertThat(first.totalIntervals()).isEqualTo(6 * 28 * 48);
        assertThat(first.skippedRows()).isEqualTo(28 * 48); // the ALL rows
        assertThat(first.replaced()).isZero();
        assertThat(first.firstDay()).hasToString("1999-02-01");
        assertThat(first.lastDay()).hasToString("1999-02-28");
        assertThat(offered(codes)).isEqualTo(31_104); // README: month total of agent arrivals

        ImportResult again = imports.importFile("intervals_30min.csv", file, settings);
        assertThat(again.replaced()).isEqualTo(6 * 28 * 48);
        assertThat(historyRows(codes)).isEqualTo(6 * 28 * 48);
        assertThat(offered(codes)).isEqualTo(31_104);
        assertThat(imports.imports()).extracting(HistoryImport::fileName).startsWith("intervals_30min.csv", "intervals_30min.csv");
    }

    @Test
    void bankCallRecordsCountIntoTheSameIntervalsAsTheIntervalFile() throws IOException {
        byte[] calls = Files.readAllBytes(SharedData.require("data/callcenter/anonymous_bank_1999_02_calls.csv"));
        ImportSettings settings = imports.preview(calls, 5).suggested();
        assertThat(settings.kind()).isEqualTo(ImportKind.CALLS);
        ImportResult result = imports.importFile("anonymous_bank_1999_02_calls.csv", calls, settings.withIntervalMinutes(30));
        assertThat(result.dataRows()).isEqualTo(33_344);

        // every non-empty interval of the independent aggregation (make_intervals.py) matches
        Map<String, double[]> stored = new HashMap<>();
        jdbc.sql("""
                select q.code, to_char(h.interval_start at time zone 'Asia/Jerusalem', 'YYYY-MM-DD HH24:MI'), h.offered,
                    h.handled, coalesce(h.aht_seconds, -1) from call_history h join queue q on q.id = h.queue_id
                where h.interval_minutes = 30 and q.code in (:codes)""")
                .param("codes", BANK_TYPES)
                .query(rs -> {
                    stored.put(rs.getString(1) + " " + rs.getString(2),
                            new double[] {rs.getLong(3), rs.getLong(4), rs.getDouble(5)});
                });
        int compared = 0;
        try (Reader in = Files.newBufferedReader(SharedData.require("data/callcenter/intervals_30min.csv"), StandardCharsets.UTF_8)) {
            for (CSVRecord r : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
                if (r.get("type").equals("ALL") || r.get("agent_arrivals").equals("0")) {
                    continue;
                }
                double[] s = stored.get(r.get("type") + " " + r.get("date") + " " + r.get("interval_start"));
                assertThat(s).as("interval %s %s %s", r.get("type"), r.get("date"), r.get("interval_start")).isNotNull();
                assertThat(s[0]).isEqualTo(Double.parseDouble(r.get("agent_arrivals")));
                assertThat(s[1]).isEqualTo(Double.parseDouble(r.get("answered")));
                if (!r.get("mean_service_seconds").isEmpty()) {
                    assertThat(s[2]).isCloseTo(Double.parseDouble(r.get("mean_service_seconds")), within(0.0500001));
                }
                compared++;
            }
        }
        assertThat(compared).isEqualTo(2830); // every non-empty type interval of February
        assertThat(offered(BANK_TYPES.toArray(String[]::new))).isEqualTo(31_104);
    }

    @Test
    void problemsNameLineAndColumnAndNothingIsWritten() {
        long importsBefore = imports.imports().size();
        String csv = """
                interval_start,queue,offered,handled,aht_seconds
                2026-03-02T08:00,PS,10,9,180
                2026-03-02T08:30,PS,ten,9,180
                2026-03-02T09:00,XX,10,9,180
                2026-03-02 09:15,PS,10,9,180
                2026-03-02T09:30,PS,5,7,180
                2026-03-32T10:00,PS,10,9,-3
                """;
        ImportSettings settings = imports.preview(bytes(csv), 5).suggested().withIntervalMinutes(30);
        assertThatThrownBy(() -> imports.importFile("bad.csv", bytes(csv), settings))
                .isInstanceOfSatisfying(ImportFailedException.class, e -> assertThat(e.problems()).containsExactly(
                        new ImportProblem(3, "offered", "\"ten\" is not a whole number"),
                        new ImportProblem(4, "queue",
                                "No queue has the code \"XX\": create it, map the value to a queue, or skip it"),
                        new ImportProblem(5, "interval_start", "09:15 is not the start of a 30-minute interval"),
                        new ImportProblem(6, "handled", "More calls handled (7) than offered (5)"),
                        new ImportProblem(7, "interval_start", "\"2026-03-32T10:00\" is not a date and time such as 2026-03-02T08:30"),
                        new ImportProblem(7, "aht_seconds", "AHT (seconds) must be a number of 0 or more (-3)")));
        assertThat(historyRows("PS")).isZero();
        assertThat(imports.imports()).hasSize((int) importsBefore);
    }

    @Test
    void lineNumbersAreFileLinesAcrossBlankLinesAndMultiLineValues() {
        String csv = "interval_start,queue,offered,note\n"
                + "2026-03-02T08:00,PS,10,\"two\nlines\"\n"
                + "\n"
                + "2026-03-02T08:30,PS,x,ok\n"
                + "2026-03-02T09:00,PS,y,ok";
        ImportSettings settings = imports.preview(bytes(csv), 5).suggested().withIntervalMinutes(30);
        assertThatThrownBy(() -> imports.importFile("lines.csv", bytes(csv), settings))
                .isInstanceOfSatisfying(ImportFailedException.class, e -> assertThat(e.problems())
                        .extracting(ImportProblem::line).containsExactly(5L, 6L));
    }

    @Test
    void anOffsetIsReadAsItsInstantAndOutcomesIgnoreCase() {
        String intervals = "interval_start,queue,offered\n2026-03-02T05:00Z,PS,10\n";
        ImportSettings settings = imports.preview(bytes(intervals), 5).suggested().withIntervalMinutes(30);
        imports.importFile("utc.csv", bytes(intervals), settings);
        // 05:00 UTC is 07:00 in Jerusalem (UTC+2 in March): stored as that instant
        assertThat(jdbc.sql("""
                select to_char(h.interval_start at time zone 'UTC', 'HH24:MI') from call_history h join queue q on q.id = h.queue_id
                where q.code = 'PS'""").query(String.class).single()).isEqualTo("05:00");

        String calls = "arrival,queue,outcome,handle_seconds\n"
                + "2026-03-03T08:01:00,PS,answered,100\n"
                + "2026-03-03T08:02:00,PS,Answered,\n"
                + "2026-03-03T08:03:00,PS,abandoned,\n"
                + "2026-03-03T08:04:00,PS,phantom,\n";
        ImportSettings callSettings = imports.preview(bytes(calls), 5).suggested().withIntervalMinutes(30);
        assertThat(callSettings.kind()).isEqualTo(ImportKind.CALLS);
        ImportResult r = imports.importFile("calls.csv", bytes(calls), callSettings);
        assertThat(r.skippedRows()).isEqualTo(1); // the phantom
        // 3 offered, 2 handled, AHT from the one handled call with a handling time
        assertThat(jdbc.sql("""
                select h.offered || '/' || h.handled || '/' || h.aht_seconds from call_history h join queue q on q.id = h.queue_id
                where q.code = 'PS' and h.interval_start = '2026-03-03 08:00+02'""").query(String.class).single())
                .isEqualTo("3/2/100");
    }

    @Test
    void missingColumnsAndLengthAreRefusedBeforeAnyRow() {
        String csv = "when,queue,calls\n2026-03-02T08:00,PS,10\n";
        ImportSettings settings = imports.preview(bytes(csv), 5).suggested()
                .withColumn(HistoryField.START, "start").withIntervalMinutes(20);
        assertThatThrownBy(() -> imports.importFile("x.csv", bytes(csv), settings))
                .isInstanceOfSatisfying(ImportFailedException.class, e -> assertThat(e.problems())
                        .extracting(ImportProblem::line, ImportProblem::message)
                        .contains(
                                org.assertj.core.groups.Tuple.tuple(1L, "The file has no column \"start\" (mapped to Start (date and time)); its columns are when, queue, calls"),
                                org.assertj.core.groups.Tuple.tuple(1L, "Map the offered-calls column"),
                                org.assertj.core.groups.Tuple.tuple(1L, "Choose an interval length of 15, 30 or 60 minutes")));
    }

    @Test
    void localTimesFollowTheQueuesZoneAcrossDaylightSavingChanges() {
        queue("DE-DST", "Europe/Berlin");
        // 25 October 2026: 03:00 CEST becomes 02:00 CET, so 02:00 and 02:30 happen twice
        String autumn = """
                interval_start,queue,offered
                2026-10-25T01:30,DE-DST,1
                2026-10-25T02:00,DE-DST,2
                2026-10-25T02:30,DE-DST,3
                2026-10-25T02:00,DE-DST,4
                2026-10-25T02:30,DE-DST,5
                2026-10-25T03:00,DE-DST,6
                """;
        ImportSettings settings = imports.preview(bytes(autumn), 5).suggested().withIntervalMinutes(30);
        assertThat(imports.importFile("autumn.csv", bytes(autumn), settings).totalIntervals()).isEqualTo(6);
        List<String> utc = jdbc.sql("""
                select to_char(h.interval_start at time zone 'UTC', 'HH24:MI') || '=' || h.offered from call_history h
                join queue q on q.id = h.queue_id where q.code = 'DE-DST' order by h.interval_start""")
                .query(String.class).list();
        assertThat(utc).containsExactly("23:30=1", "00:00=2", "00:30=3", "01:00=4", "01:30=5", "02:00=6");

        // 29 March 2026: 02:00 CET becomes 03:00 CEST, so 02:30 never happens
        String spring = "interval_start,queue,offered\n2026-03-29T01:30,DE-DST,1\n2026-03-29T02:30,DE-DST,2\n";
        assertThatThrownBy(() -> imports.importFile("spring.csv", bytes(spring), settings))
                .isInstanceOfSatisfying(ImportFailedException.class, e -> assertThat(e.problems()).containsExactly(
                        new ImportProblem(3, "interval_start", "2026-03-29T02:30 does not exist in Europe/Berlin (the clocks go forward then)")));
        // the same problem in a Russian reader's words
        assertThatThrownBy(() -> imports.importFile("spring.csv", bytes(spring), settings))
                .isInstanceOfSatisfying(ImportFailedException.class, e -> {
                    assertThat(e.problems().get(0).message(java.util.Locale.forLanguageTag("ru")))
                            .isEqualTo("2026-03-29T02:30 не существует в поясе Europe/Berlin (часы тогда переводятся вперёд)");
                    assertThat(e.problems().get(0).describe(java.util.Locale.forLanguageTag("ru")))
                            .startsWith("строка 3, столбец interval_start: ");
                });
        String negative = "interval_start,queue,offered\n2026-03-30T01:30,DE-DST,-4\n";
        assertThatThrownBy(() -> imports.importFile("negative.csv", bytes(negative), settings))
                .isInstanceOfSatisfying(ImportFailedException.class, e -> {
                    assertThat(e.problems().get(0).message()).isEqualTo("Offered calls cannot be negative (-4)");
                    assertThat(e.problems().get(0).message(java.util.Locale.forLanguageTag("ru")))
                            .isEqualTo("Поступило звонков: не может быть отрицательным (-4)");
                });
    }

    @Test
    @WithMockUser(roles = "MANAGER")
    void managersCannotImport() {
        assertThatThrownBy(() -> imports.importFile("x.csv", bytes("a\n1\n"), imports.preview(bytes("a\n"), 1).suggested()))
                .isInstanceOf(AccessDeniedException.class);
    }

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

}
