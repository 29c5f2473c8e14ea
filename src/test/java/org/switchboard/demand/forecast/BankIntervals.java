package org.switchboard.demand.forecast;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads the shared bank interval files ({@code intervals_15min.csv}, {@code intervals_30min.csv}) into
 * one {@link IntervalSeries} per service type: calls = {@code agent_arrivals}, AHT =
 * {@code mean_service_seconds} (empty → NaN). The {@code ALL} rows are skipped.
 */
final class BankIntervals {

    /** The six service types (queues); {@code ALL} is their total and not a queue. */
    static final List<String> TYPES = List.of("PS", "PE", "IN", "NE", "NW", "TT");

    private BankIntervals() {}

    static Map<String, IntervalSeries> read(Path file) throws IOException {
        List<CSVRecord> rows;
        try (Reader in = Files.newBufferedReader(file)) {
            rows = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in).getRecords();
        }
        LocalDate first = null;
        LocalDate last = null;
        int minutes = 0;
        for (CSVRecord r : rows) {
            LocalDate d = LocalDate.parse(r.get("date"));
            first = first == null || d.isBefore(first) ? d : first;
            last = last == null || d.isAfter(last) ? d : last;
            minutes = Integer.parseInt(r.get("interval_minutes"));
        }
        if (first == null) {
            throw new IOException("no rows in " + file);
        }
        int spd = 1440 / minutes;
        int days = (int) (last.toEpochDay() - first.toEpochDay()) + 1;
        Map<String, double[]> calls = new LinkedHashMap<>();
        Map<String, double[]> aht = new LinkedHashMap<>();
        for (String t : TYPES) {
            calls.put(t, new double[days * spd]);
            double[] a = new double[days * spd];
            Arrays.fill(a, Double.NaN);
            aht.put(t, a);
        }
        for (CSVRecord r : rows) {
            String type = r.get("type");
            if (!calls.containsKey(type)) {
                continue;
            }
            int d = (int) (LocalDate.parse(r.get("date")).toEpochDay() - first.toEpochDay());
            int slot = LocalTime.parse(r.get("interval_start")).toSecondOfDay() / 60 / minutes;
            int i = d * spd + slot;
            calls.get(type)[i] = Double.parseDouble(r.get("agent_arrivals"));
            String mean = r.get("mean_service_seconds");
            aht.get(type)[i] = mean.isBlank() ? Double.NaN : Double.parseDouble(mean);
        }
        Map<String, IntervalSeries> out = new LinkedHashMap<>();
        for (String t : TYPES) {
            out.put(t, new IntervalSeries(first, minutes, calls.get(t), aht.get(t)));
        }
        return out;
    }
}
