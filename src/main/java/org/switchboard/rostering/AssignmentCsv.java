package org.switchboard.rostering;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The assignments CSV of {@code GET /api/rosters/{id}/assignments}: one row per worked day, times ISO-8601 with the
 * site's offset, the queue by code, the main unpaid break (empty when none). The header is a contract with outside
 * systems.
 */
public final class AssignmentCsv {

    public static final List<String> HEADER = List.of("employee_number", "date", "shift_template", "start", "end", "queue",
            "break_start", "break_end");

    private AssignmentCsv() {
    }

    public static String write(List<AssignmentRow> rows) {
        StringWriter out = new StringWriter();
        DateTimeFormatter iso = DateTimeFormatter.ISO_OFFSET_DATE_TIME;
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setHeader(HEADER.toArray(String[]::new))
                .setRecordSeparator("\n").get())) {
            for (AssignmentRow a : rows) {
                csv.printRecord(a.employeeNumber(), a.date(), a.shiftTemplate(), iso.format(a.start()),
                        iso.format(a.end()), a.queue(), a.breakStart() == null ? "" : iso.format(a.breakStart()),
                        a.breakEnd() == null ? "" : iso.format(a.breakEnd()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
