package org.switchboard.rostering;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFColor;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.switchboard.base.ui.Translations;
import org.switchboard.operators.Operator;
import org.switchboard.operators.OperatorService;
import org.switchboard.shared.Roles;

/**
 * A roster exported: the assignments CSV ({@link AssignmentCsv}) and an Excel workbook (Apache POI): operators (rows)
 * × days (columns), one sheet per ISO week of the period, each cell "08:00–17:00 IN" (start–end, queue) or the
 * day-off word, filled by the shift's kind (day {@link #DAY_FILL}, evening {@link #EVENING_FILL}, night
 * {@link #NIGHT_FILL}), a header row with the reader's dates, frozen name columns and header, and the paid hours of
 * each operator in the week.
 */
@Service
public class RosterExports {

    /** Fill colours (RGB hex) of day, evening and night shifts. */
    public static final String DAY_FILL = "FFF2CC";
    public static final String EVENING_FILL = "FCE4D6";
    public static final String NIGHT_FILL = "D9E1F2";

    private final RosterService rosters;
    private final OperatorService operators;
    private final RosterStore store;
    private final ShiftKindRules kindRules;
    private final Translations translations;

    RosterExports(RosterService rosters, OperatorService operators, RosterStore store, ShiftKindRules kindRules,
            Translations translations) {
        this.rosters = rosters;
        this.operators = operators;
        this.store = store;
        this.kindRules = kindRules;
        this.translations = translations;
    }

    /** The assignments CSV: one row per worked day (the format of {@code GET /api/rosters/{id}/assignments}). */
    @PreAuthorize(Roles.READ_MASTER_DATA)
    public String csv(long id) {
        return AssignmentCsv.write(rosters.assignments(id));
    }

    /** The roster as an Excel workbook (see the class comment), texts in {@code locale}, written to {@code out}. */
    @PreAuthorize(Roles.READ_MASTER_DATA)
    public void xlsx(long id, Locale locale, OutputStream out) {
        Roster r = rosters.get(id);
        List<AssignmentRow> rows = rosters.assignments(id);
        Map<Long, Map<LocalDate, AssignmentRow>> byOperator = new HashMap<>();
        rows.forEach(a -> byOperator.computeIfAbsent(a.operatorId(), k -> new HashMap<>()).put(a.date(), a));
        Map<Long, Operator> known = new HashMap<>();
        operators.list().forEach(o -> known.put(o.getId(), o));
        List<Operator> planned = new ArrayList<>();
        for (long op : store.operatorIds(id)) {
            if (known.containsKey(op)) {
                planned.add(known.get(op));
            }
        }
        planned.sort(java.util.Comparator.comparing(Operator::getLastName).thenComparing(Operator::getFirstName)
                .thenComparing(Operator::getEmployeeNumber));
        // the period's days by ISO week, in order
        Map<String, List<LocalDate>> weeks = new LinkedHashMap<>();
        for (int d = 0; d < r.days(); d++) {
            LocalDate date = r.startDate().plusDays(d);
            weeks.computeIfAbsent(date.get(IsoFields.WEEK_BASED_YEAR) + "-W"
                    + String.format("%02d", date.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR)), k -> new ArrayList<>()).add(date);
        }
        Locale reader = Translations.supported(locale);
        DateTimeFormatter header = DateTimeFormatter.ofPattern("EEE ", reader)
                .withLocale(reader);
        DateTimeFormatter dateFormat = DateTimeFormatter.ofLocalizedDate(FormatStyle.SHORT).withLocale(reader);
        try (SXSSFWorkbook book = new SXSSFWorkbook(100)) {
            Styles styles = new Styles(book);
            for (var week : weeks.entrySet()) {
                List<LocalDate> dates = week.getValue();
                String name = translations.getTranslation("roster.export.week", reader,
                        String.valueOf(dates.get(0).get(IsoFields.WEEK_OF_WEEK_BASED_YEAR))) + " (" + week.getKey() + ")";
                SXSSFSheet sheet = book.createSheet(name.length() > 31 ? week.getKey() : name);
                Row head = sheet.createRow(0);
                cell(head, 0, translations.getTranslation("roster.export.operator", reader), styles.header);
                cell(head, 1, translations.getTranslation("roster.export.employeeNumber", reader), styles.header);
                for (int i = 0; i < dates.size(); i++) {
                    cell(head, 2 + i, header.format(dates.get(i)) + dateFormat.format(dates.get(i)), styles.header);
                }
                int hoursColumn = 2 + dates.size();
                cell(head, hoursColumn, translations.getTranslation("roster.export.hours", reader), styles.header);
                String off = translations.getTranslation("roster.export.dayOff", reader);
                int rowIndex = 1;
                for (Operator o : planned) {
                    Row row = sheet.createRow(rowIndex++);
                    cell(row, 0, o.fullName(), styles.plain);
                    cell(row, 1, o.getEmployeeNumber(), styles.plain);
                    long minutes = 0;
                    for (int i = 0; i < dates.size(); i++) {
                        AssignmentRow a = byOperator.getOrDefault(o.getId(), Map.of()).get(dates.get(i));
                        if (a == null) {
                            cell(row, 2 + i, off, styles.off);
                            continue;
                        }
                        minutes += a.paidMinutes();
                        String text = a.start().toLocalTime() + "–" + a.end().toLocalTime()
                                + (a.queue() == null || a.queue().isEmpty() ? "" : " " + a.queue());
                        ShiftKind kind = kindRules.kindOf(a.start().toLocalTime(), Duration.between(a.start(), a.end()));
                        cell(row, 2 + i, text, styles.of(kind));
                    }
                    Cell hours = row.createCell(hoursColumn);
                    hours.setCellValue(Math.round(minutes / 6.0) / 10.0);
                    hours.setCellStyle(styles.hours);
                }
                sheet.createFreezePane(2, 1);
                sheet.setColumnWidth(0, 28 * 256);
                sheet.setColumnWidth(1, 10 * 256);
                for (int i = 0; i < dates.size(); i++) {
                    sheet.setColumnWidth(2 + i, 18 * 256);
                }
                sheet.setColumnWidth(hoursColumn, 9 * 256);
            }
            book.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void cell(Row row, int column, String text, CellStyle style) {
        Cell c = row.createCell(column);
        c.setCellValue(text);
        c.setCellStyle(style);
    }

    /** The workbook's cell styles (a workbook keeps few styles: created once). */
    private static final class Styles {
        final CellStyle header;
        final CellStyle plain;
        final CellStyle off;
        final CellStyle hours;
        final CellStyle day;
        final CellStyle evening;
        final CellStyle night;

        Styles(SXSSFWorkbook book) {
            Font bold = book.createFont();
            bold.setBold(true);
            header = book.createCellStyle();
            header.setFont(bold);
            header.setBorderBottom(BorderStyle.THIN);
            plain = book.createCellStyle();
            off = book.createCellStyle();
            hours = book.createCellStyle();
            hours.setDataFormat(book.createDataFormat().getFormat("0.0"));
            day = filled(book, DAY_FILL);
            evening = filled(book, EVENING_FILL);
            night = filled(book, NIGHT_FILL);
        }

        CellStyle of(ShiftKind kind) {
            return switch (kind) {
                case DAY -> day;
                case EVENING -> evening;
                case NIGHT -> night;
            };
        }

        private static CellStyle filled(SXSSFWorkbook book, String rgb) {
            XSSFCellStyle s = (XSSFCellStyle) book.createCellStyle();
            s.setFillForegroundColor(new XSSFColor(java.util.HexFormat.of().parseHex(rgb), null));
            s.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            return s;
        }
    }
}
