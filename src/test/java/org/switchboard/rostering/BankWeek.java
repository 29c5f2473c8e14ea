package org.switchboard.rostering;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.switchboard.demand.staffing.ErlangC;

/**
 * The bank's real calls per interval (the {@code ALL} rows of the shared {@code intervals_30min.csv}: the six service
 * types pooled), and the service level a roster would have achieved on them.
 */
final class BankWeek {

    /** One real interval: calls that reached the agents' queue, calls answered, their talk seconds, answered within 20 s. */
    record Interval(LocalDate date, LocalTime start, int minutes, int calls, int answered, double serviceSeconds,
            int answeredWithin20s) {

        /** Mean talk time of the answered calls, NaN when none was answered. */
        double ahtSeconds() {
            return answered == 0 ? Double.NaN : serviceSeconds / answered;
        }
    }

    private BankWeek() {
    }

    /** The {@code ALL} rows of the file, in file order. */
    static List<Interval> read(Path file) throws IOException {
        List<Interval> out = new ArrayList<>();
        try (Reader in = Files.newBufferedReader(file)) {
            for (CSVRecord r : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
                if (!r.get("type").equals("ALL")) {
                    continue;
                }
                out.add(new Interval(LocalDate.parse(r.get("date")), LocalTime.parse(r.get("interval_start")),
                        Integer.parseInt(r.get("interval_minutes")), Integer.parseInt(r.get("agent_arrivals")),
                        Integer.parseInt(r.get("answered")), Double.parseDouble(r.get("total_service_seconds")),
                        Integer.parseInt(r.get("answered_within_20s"))));
            }
        }
        return out;
    }

    /**
     * Share of the calls answered within {@code withinSeconds}, call-weighted over the intervals: in each interval the
     * Erlang C service level of the operators on the phones with that interval's calls and talk time (an interval
     * with calls and nobody answered gets {@code fallbackAht}); an interval with calls and no operator, or with more
     * load than operators, answers none in time.
     *
     * @param agents operators on the phones per interval (breaks taken out)
     * @param calls calls per interval
     * @param ahtSeconds talk seconds per call per interval (NaN = use {@code fallbackAht})
     */
    static double serviceLevel(int[] agents, double[] calls, double[] ahtSeconds, double fallbackAht, int intervalSeconds,
            double withinSeconds) {
        double total = 0;
        double inTime = 0;
        for (int i = 0; i < calls.length; i++) {
            if (calls[i] <= 0) {
                continue;
            }
            double aht = Double.isFinite(ahtSeconds[i]) && ahtSeconds[i] > 0 ? ahtSeconds[i] : fallbackAht;
            double traffic = calls[i] * aht / intervalSeconds;
            double sl = agents[i] <= 0 ? 0 : ErlangC.serviceLevel(agents[i], traffic, aht, withinSeconds);
            total += calls[i];
            inTime += calls[i] * sl;
        }
        return total == 0 ? 1 : inTime / total;
    }
}
