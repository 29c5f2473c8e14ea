package org.switchboard.rostering.ui;

import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.FooterRow;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.data.provider.ListDataProvider;
import com.vaadin.flow.data.renderer.LitRenderer;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Predicate;
import org.switchboard.rostering.ShiftKind;
import org.switchboard.rostering.ui.BoardModel.Cell;
import org.switchboard.rostering.ui.BoardModel.Row;

/**
 * The schedule board: operators (rows) × days (columns) in one Vaadin Grid. Each day column draws its cells in the
 * browser from a Lit template with a few text properties, so 200 operators × 28 days cost one grid, not thousands of
 * server components, and only the rows in view are sent. Per-operator totals are columns, per-day totals the footer.
 */
final class BoardGrid extends Grid<Row> {

    /** Builds a cell's extra classes (e.g. "sb-pinned") from its operator and date; empty for none. */
    interface CellMarks {
        String of(Row row, LocalDate date);
    }

    private BoardModel model;
    private ListDataProvider<Row> data;
    private final Map<LocalDate, Column<Row>> dayColumns = new HashMap<>();
    private FooterRow footer;
    private Row focusRow;
    private LocalDate focusDate;
    private CellMarks marks = (r, d) -> "";
    private Predicate<Row> filter = r -> true;
    private BiConsumer<Row, LocalDate> cellClicked = (r, d) -> { };

    BoardGrid() {
        super(Row.class, false);
        setId("board");
        addClassName("sb-board");
        addThemeVariants(GridVariant.LUMO_COLUMN_BORDERS, GridVariant.LUMO_COMPACT);
        setSelectionMode(SelectionMode.SINGLE);
        setSizeFull();
        setMinHeight("24em");
    }

    void marks(CellMarks marks) {
        this.marks = marks;
    }

    /** Shows a model; on the first call builds the columns, later (a solve moved shifts) only the data. */
    void show(BoardModel next) {
        boolean sameColumns = model != null && model.dates.equals(next.dates);
        this.model = next;
        if (!sameColumns) {
            build();
        }
        Long selected = getSelectedItems().stream().findFirst().map(r -> r.operatorId).orElse(null);
        data = new ListDataProvider<>(new ArrayList<>(next.rows));
        data.setFilter(filter::test);
        setItems(data);
        if (selected != null) {
            next.rows.stream().filter(r -> r.operatorId == selected).findFirst().ifPresent(this::select);
        }
        if (focusRow != null) {
            focusRow = next.row(focusRow.employeeNumber);
        }
        totals();
    }

    BoardModel model() {
        return model;
    }

    /** Shows only the rows passing the filter (team, queue, skill). */
    void filter(Predicate<Row> rows) {
        this.filter = rows;
        if (data != null) {
            data.setFilter(rows::test);
        }
    }

    /** The rows shown after filtering. */
    List<Row> shownRows() {
        return data == null ? List.of() : data.getItems().stream().filter(filter).toList();
    }

    /** Selects an operator and highlights one day (from the explanation); a null date highlights no day. */
    void focus(String employeeNumber, LocalDate date) {
        if (model == null || employeeNumber == null) {
            return;
        }
        Row row = model.row(employeeNumber);
        if (row == null) {
            return;
        }
        Row before = focusRow;
        focusRow = row;
        focusDate = date;
        if (before != null && before != row && data != null) {
            data.refreshItem(before);
        }
        select(row);
        int index = shownRows().indexOf(row);
        if (index >= 0) {
            scrollToIndex(index);
        }
        if (data != null) {
            data.refreshItem(row);
        }
        Column<Row> column = date == null ? null : dayColumns.get(date);
        if (column != null) {
            scrollToColumn(column);
        }
    }

    void onCellClick(BiConsumer<Row, LocalDate> listener) {
        this.cellClicked = listener;
    }

    LocalDate focusDate() {
        return focusDate;
    }

    private void build() {
        removeAllColumns();
        dayColumns.clear();
        Locale l = RosterTexts.locale(this);
        addColumn(LitRenderer.<Row>of("<div class='sb-op'><b>${item.n}</b><br><small>${item.e} · ${item.t}</small></div>")
                        .withProperty("n", r -> r.name).withProperty("e", r -> r.employeeNumber)
                        .withProperty("t", r -> r.team))
                .setHeader(getTranslation("board.operator")).setKey("operator").setFrozen(true).setWidth("13rem")
                .setFlexGrow(0).setComparator(Comparator.comparing((Row r) -> r.name));
        addColumn(r -> hours(r.paidMinutes, l) + " / " + hours(r.contractMinutes, l))
                .setHeader(getTranslation("board.hours")).setKey("hours").setWidth("9rem").setFlexGrow(0)
                .setTextAlign(ColumnTextAlign.END).setComparator(Comparator.comparingInt((Row r) -> r.paidMinutes))
                .setTooltipGenerator(r -> getTranslation("board.hours.tooltip"));
        addColumn(r -> r.nights).setHeader(getTranslation("board.nights")).setKey("nights").setWidth("5.5rem")
                .setFlexGrow(0).setTextAlign(ColumnTextAlign.END).setComparator(Comparator.comparingInt((Row r) -> r.nights));
        addColumn(r -> r.weekends).setHeader(getTranslation("board.weekends")).setKey("weekends").setWidth("7rem")
                .setFlexGrow(0).setTextAlign(ColumnTextAlign.END)
                .setComparator(Comparator.comparingInt((Row r) -> r.weekends));
        addColumn(r -> r.wishes == 0 ? "" : r.wishesGranted + "/" + r.wishes).setHeader(getTranslation("board.wishes"))
                .setKey("wishes").setWidth("6.5rem").setFlexGrow(0).setTextAlign(ColumnTextAlign.END)
                .setComparator(Comparator.comparingInt((Row r) -> r.wishes - r.wishesGranted))
                .setTooltipGenerator(r -> getTranslation("board.wishes.tooltip", r.wishesGranted, r.wishes));
        for (LocalDate date : model.dates) {
            Column<Row> column = addColumn(LitRenderer.<Row>of(
                            "<div class='sb-cell ${item.c}' title='${item.h}' @click='${pick}'>"
                                    + "<span class='sb-a'>${item.a}</span><span class='sb-b'>${item.b}</span></div>")
                    .withProperty("c", r -> cellClass(r, date))
                    .withProperty("a", r -> lineA(r.cell(date)))
                    .withProperty("b", r -> lineB(r.cell(date)))
                    .withProperty("h", r -> title(r.cell(date)) + pinnedNote(r, date))
                    .withFunction("pick", r -> pick(r, date)))
                    .setHeader(RosterTexts.dayHeader(date, l)).setKey("d" + date).setWidth("8.5rem").setFlexGrow(0)
                    .setPartNameGenerator(r -> weekend(date) ? "sb-weekend" : null);
            dayColumns.put(date, column);
        }
        footer = appendFooterRow();
    }

    private void pick(Row row, LocalDate date) {
        focusRow = row;
        focusDate = date;
        select(row);
        cellClicked.accept(row, date);
    }

    private void totals() {
        footer.getCell(getColumnByKey("operator")).setText(getTranslation("board.totals"));
        int minutes = model.rows.stream().mapToInt(r -> r.paidMinutes).sum();
        footer.getCell(getColumnByKey("hours")).setText(hours(minutes, RosterTexts.locale(this)));
        footer.getCell(getColumnByKey("nights")).setText(String.valueOf(model.rows.stream().mapToInt(r -> r.nights).sum()));
        int wishes = model.rows.stream().mapToInt(r -> r.wishes).sum();
        footer.getCell(getColumnByKey("wishes")).setText(wishes == 0 ? ""
                : model.rows.stream().mapToInt(r -> r.wishesGranted).sum() + "/" + wishes);
        for (LocalDate date : model.dates) {
            BoardModel.DayTotal t = model.dayTotals.get(date);
            footer.getCell(dayColumns.get(date)).setText(t.working() + " · " + RosterTexts.symbol(ShiftKind.DAY) + t.day()
                    + RosterTexts.symbol(ShiftKind.EVENING) + t.evening() + RosterTexts.symbol(ShiftKind.NIGHT) + t.night());
        }
    }

    String cellClass(Row row, LocalDate date) {
        Cell c = row.cell(date);
        StringBuilder s = new StringBuilder(c == null ? "sb-off" : RosterTexts.kindClass(c.kind()));
        s.append(model.published ? " sb-published" : " sb-draft");
        if (row == focusRow && date.equals(focusDate)) {
            s.append(" sb-focus");
        }
        String extra = marks.of(row, date);
        if (extra != null && !extra.isEmpty()) {
            s.append(' ').append(extra);
        }
        return s.toString();
    }

    /** "☀ 08:00–17:00" or the word for a day off. */
    String lineA(Cell c) {
        if (c == null) {
            return getTranslation("board.off");
        }
        return RosterTexts.symbol(c.kind()) + " " + RosterTexts.time(c.start()) + "–" + RosterTexts.time(c.end())
                + (c.endsNextDay() ? "⁺¹" : "");
    }

    /** "BILL · ☕12:00" (queue and break start). */
    String lineB(Cell c) {
        if (c == null) {
            return "";
        }
        String q = c.queue() == null ? "" : c.queue();
        return c.breakStart() == null ? q : q + " · ☕" + RosterTexts.time(c.breakStart());
    }

    private String pinnedNote(Row row, LocalDate date) {
        String extra = marks.of(row, date);
        return (extra != null && extra.contains("sb-pinned") ? " · " + getTranslation("board.pinned") : "")
                + (extra != null && extra.contains("sb-absent") ? " · " + getTranslation("board.absent") : "");
    }

    /** The whole day in words, as a tooltip. */
    String title(Cell c) {
        if (c == null) {
            return getTranslation("board.off.title");
        }
        String brk = c.breakStart() == null ? getTranslation("board.break.none")
                : RosterTexts.time(c.breakStart()) + "–" + RosterTexts.time(c.breakEnd());
        return getTranslation("board.cell.title", RosterTexts.kindName(this, c.kind()), c.template(),
                RosterTexts.time(c.start()), RosterTexts.time(c.end()), c.queue() == null ? "—" : c.queue(), brk,
                getTranslation(model.published ? "board.published" : "board.draft"));
    }

    private static boolean weekend(LocalDate d) {
        return d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY;
    }

    static String hours(int minutes, Locale l) {
        return RosterTexts.number(minutes / 60.0, l);
    }
}
