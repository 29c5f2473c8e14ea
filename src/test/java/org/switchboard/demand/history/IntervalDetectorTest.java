package org.switchboard.demand.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.switchboard.SharedData;

/** The interval length of a file, detected from its starts: the most common gap between starts of one queue. */
class IntervalDetectorTest {

    static List<LocalDateTime> every(int minutes, int count, LocalDateTime from) {
        List<LocalDateTime> starts = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            starts.add(from.plusMinutes((long) i * minutes));
        }
        return starts;
    }

    @Test
    void theMostCommonCandidateGapWins() {
        LocalDateTime eight = LocalDateTime.of(2026, 3, 2, 8, 0);
        assertThat(IntervalDetector.detect(every(15, 48, eight))).isEqualTo(15);
        assertThat(IntervalDetector.detect(every(30, 24, eight))).isEqualTo(30);
        assertThat(IntervalDetector.detect(every(60, 12, eight))).isEqualTo(60);
        assertThat(IntervalDetector.detect(every(10, 12, eight))).isEqualTo(10);
        // two days of 15-minute intervals with the night between (a 12-hour gap) and a missing interval (30)
        List<LocalDateTime> twoDays = new ArrayList<>(every(15, 48, eight));
        twoDays.addAll(every(15, 48, eight.plusDays(1)));
        twoDays.remove(60);
        assertThat(IntervalDetector.detect(twoDays)).isEqualTo(15);
        // nothing to go by: one start, repeated starts, gaps of no candidate length
        assertThat(IntervalDetector.detect(List.of(eight))).isNull();
        assertThat(IntervalDetector.detect(List.of(eight, eight))).isNull();
        assertThat(IntervalDetector.detect(every(7, 10, eight))).isNull();
        // a tie goes to the shorter length
        assertThat(IntervalDetector.detect(List.of(eight, eight.plusMinutes(15), eight.plusMinutes(45)))).isEqualTo(15);
    }

    static Integer detect(String csv) {
        ImportSource source = ImportSource.of("t.csv", csv.getBytes(StandardCharsets.UTF_8));
        ImportSettings settings = HistoryCsv.suggest(source, StandardCharsets.UTF_8, Set.of(), ImportLimits.DEFAULT);
        return HistoryCsv.detectIntervalMinutes(source, StandardCharsets.UTF_8, settings, ImportLimits.DEFAULT);
    }

    @Test
    void startsAreComparedPerQueueInFileOrder() {
        // two queues interleaved: each queue's starts are 15 minutes apart, the rows 0 or 15
        assertThat(detect("""
                interval_start,queue,offered
                2026-03-02T08:00,A,1
                2026-03-02T08:00,B,1
                2026-03-02T08:15,A,1
                2026-03-02T08:15,B,1
                2026-03-02T08:30,A,1
                2026-03-02T08:30,B,1
                """)).isEqualTo(15);
        // a date column and a time column; an unreadable start is left out
        assertThat(detect("""
                date;time;queue;offered
                02.03.2026;8:00;A;1
                02.03.2026;nonsense;A;1
                02.03.2026;9:00;A;1
                02.03.2026;10:00;A;1
                """)).isEqualTo(60);
        // a file with its own interval-length column or a call file: nothing to detect
        assertThat(detect("interval_start,queue,offered,interval_minutes\n2026-03-02T08:00,A,1,15\n2026-03-02T08:15,A,1,15\n"))
                .isNull();
        assertThat(detect("arrival,queue,outcome\n2026-03-02T08:00:10,A,ANSWERED\n2026-03-02T08:15:10,A,ANSWERED\n"))
                .isNull();
    }

    @Test
    void theBanksFilesAreDetectedAsFifteenAndThirtyMinutes() throws Exception {
        for (var file : List.of("intervals_15min.csv", "intervals_30min.csv")) {
            Path path = SharedData.require("data/callcenter/" + file);
            ImportSource source = ImportSource.of(file, Files.readAllBytes(path));
            ImportSettings settings = HistoryCsv.suggest(source, StandardCharsets.UTF_8, Set.of(), ImportLimits.DEFAULT)
                    .withColumn(HistoryField.INTERVAL_MINUTES, null); // as if the file had no interval_minutes column
            assertThat(HistoryCsv.detectIntervalMinutes(source, StandardCharsets.UTF_8, settings, ImportLimits.DEFAULT))
                    .as(file).isEqualTo(file.contains("15") ? 15 : 30);
        }
    }
}
