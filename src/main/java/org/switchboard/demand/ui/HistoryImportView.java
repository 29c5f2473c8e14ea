package org.switchboard.demand.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.UploadHandler;
import jakarta.annotation.security.RolesAllowed;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.switchboard.base.ui.Notifications;
import org.switchboard.demand.Queue;
import org.switchboard.demand.QueueService;
import org.switchboard.demand.history.CsvPreview;
import org.switchboard.demand.history.HistoryField;
import org.switchboard.demand.history.HistoryImport;
import org.switchboard.demand.history.HistoryImportService;
import org.switchboard.demand.history.ImportFailedException;
import org.switchboard.demand.history.ImportKind;
import org.switchboard.demand.history.ImportProblem;
import org.switchboard.demand.history.ImportResult;
import org.switchboard.demand.history.ImportSettings;
import org.switchboard.shared.Roles;

/**
 * Imports call history: upload a CSV, check the preview and the column and queue mapping, import. A file
 * with problems is refused whole, with each problem's line and column.
 */
@Route("demand/import")
@PageTitle("Import call history")
@Menu(title = "Import history", order = 51, icon = "vaadin:upload")
@RolesAllowed({Roles.ADMIN, Roles.PLANNER})
public class HistoryImportView extends VerticalLayout {

    static final String SKIP = "(skip these rows)";

    final Upload upload;
    final Paragraph fileInfo = new Paragraph("Choose a CSV file: interval history or one row per call.");
    final Select<ImportKind> kind = new Select<>();
    final Select<Integer> intervalMinutes = new Select<>();
    final Map<HistoryField, ComboBox<String>> columns = new EnumMap<>(HistoryField.class);
    final FormLayout mapping = new FormLayout();
    final FormLayout queueMapping = new FormLayout();
    final Map<String, ComboBox<String>> queueChoices = new LinkedHashMap<>();
    final Grid<List<String>> preview = new Grid<>();
    final Button importButton = new Button("Import");
    final Paragraph result = new Paragraph();
    final Grid<ImportProblem> problems = new Grid<>(ImportProblem.class, false);
    final Grid<HistoryImport> imports = new Grid<>(HistoryImport.class, false);
    final VerticalLayout settingsPanel = new VerticalLayout();

    private final HistoryImportService service;
    private final List<String> queueCodes;
    private String fileName;
    private byte[] content;
    private CsvPreview current;

    public HistoryImportView(HistoryImportService service, QueueService queues) {
        this.service = service;
        this.queueCodes = queues.list().stream().map(Queue::getCode).toList();
        upload = new Upload(UploadHandler.inMemory((meta, bytes) -> getUI().ifPresent(ui -> ui.access(() -> {
            load(meta.fileName(), bytes);
            clearUploads(); // ready for the next file
        }))));
        upload.setAcceptedFileTypes(".csv", ".txt", "text/csv");
        upload.setMaxFiles(1);
        upload.setMaxFileSize(100 * 1024 * 1024);
        upload.setId("upload");
        fileInfo.setId("file-info");

        kind.setLabel("File holds");
        kind.setItems(ImportKind.values());
        kind.setItemLabelGenerator(k -> k == ImportKind.INTERVALS ? "Intervals (one row per queue and interval)" : "Calls (one row per call)");
        kind.setId("kind");
        kind.addValueChangeListener(e -> showFields());
        intervalMinutes.setLabel("Interval length");
        intervalMinutes.setItems(15, 30, 60);
        intervalMinutes.setItemLabelGenerator(m -> m + " minutes");
        intervalMinutes.setId("interval-minutes");
        for (HistoryField f : HistoryField.values()) {
            ComboBox<String> c = new ComboBox<>(f.label());
            c.setClearButtonVisible(true);
            c.setId("column-" + f.standardColumn());
            columns.put(f, c);
        }
        columns.get(HistoryField.QUEUE).addValueChangeListener(e -> {
            if (e.isFromClient() || content != null && current != null && e.getValue() != null
                    && !e.getValue().equals(current.suggested().column(HistoryField.QUEUE))) {
                showQueueValues(e.getValue() == null ? List.of() : service.distinctValues(content, e.getValue()), Map.of());
            }
        });
        mapping.add(kind, intervalMinutes);
        columns.values().forEach(mapping::add);
        mapping.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("700px", 3));
        queueMapping.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 2), new FormLayout.ResponsiveStep("700px", 4));
        preview.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_COLUMN_BORDERS);
        preview.setAllRowsVisible(true);
        preview.setId("preview");
        importButton.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        importButton.setId("import");
        importButton.addClickListener(e -> runImport());
        result.setId("result");
        problems.addColumn(ImportProblem::line).setHeader("Line").setAutoWidth(true).setFlexGrow(0);
        problems.addColumn(p -> p.column() == null ? "" : p.column()).setHeader("Column").setAutoWidth(true).setFlexGrow(0);
        problems.addColumn(ImportProblem::message).setHeader("Problem").setFlexGrow(1);
        problems.setAllRowsVisible(true);
        problems.setVisible(false);
        problems.setId("problems");
        imports.addColumn(HistoryImport::fileName).setHeader("File").setFlexGrow(2);
        imports.addColumn(i -> i.kind() == ImportKind.INTERVALS ? "intervals" : "calls").setHeader("Kind");
        imports.addColumn(HistoryImport::dataRows).setHeader("Rows");
        imports.addColumn(HistoryImport::intervalsWritten).setHeader("Intervals");
        imports.addColumn(HistoryImport::queues).setHeader("Queues").setFlexGrow(2);
        imports.addColumn(i -> i.firstDay() + " – " + i.lastDay()).setHeader("Days").setAutoWidth(true);
        imports.addColumn(HistoryImport::importedBy).setHeader("By");
        imports.addColumn(i -> i.importedAt().toString().substring(0, 16).replace('T', ' ') + " UTC").setHeader("When").setAutoWidth(true);
        imports.setAllRowsVisible(true);
        imports.setId("imports");

        settingsPanel.setPadding(false);
        settingsPanel.add(new H3("Columns"), mapping, new H3("Queues"), new Paragraph(
                "Each value of the queue column goes to a queue. Values with no queue are refused unless you skip them; "
                        + "local times are read in the queue's time zone."), queueMapping,
                new H3("First rows"), preview, importButton);
        settingsPanel.setVisible(false);
        add(new H2("Import call history"), new Paragraph(
                "Interval files: start (or date and time), queue, offered calls, optionally handled, abandoned and AHT. "
                        + "Call files: one row per call with arrival, queue, outcome and handling time; calls are counted "
                        + "into intervals. Importing a file again replaces its intervals instead of adding to them."),
                upload, fileInfo, settingsPanel, result, problems, new H3("Imports so far"), imports);
        imports.setItems(service.imports());
    }

    private void clearUploads() {
        upload.clearFileList();
    }

    /** Reads a file's preview and fills in the suggested settings. */
    void load(String name, byte[] bytes) {
        fileName = name;
        content = bytes;
        problems.setVisible(false);
        result.setText("");
        try {
            current = service.preview(bytes, 10);
        } catch (ImportFailedException e) {
            settingsPanel.setVisible(false);
            showProblems(e);
            return;
        }
        fileInfo.setText(String.format("%s: %,d rows, columns %s", name, current.dataRows(), String.join(", ", current.headers())));
        for (ComboBox<String> c : columns.values()) {
            c.setItems(current.headers());
            c.clear();
        }
        ImportSettings s = current.suggested();
        s.columns().forEach((f, col) -> columns.get(f).setValue(col));
        kind.setValue(s.kind());
        intervalMinutes.setValue(s.intervalMinutes() == null ? 30 : s.intervalMinutes());
        showQueueValues(current.queueValues(), s.queueCodes());
        preview.removeAllColumns();
        for (int i = 0; i < current.headers().size(); i++) {
            int col = i;
            preview.addColumn(row -> col < row.size() ? row.get(col) : "").setHeader(current.headers().get(i)).setAutoWidth(true);
        }
        preview.setItems(current.rows());
        settingsPanel.setVisible(true);
        showFields();
    }

    /** One queue choice per value of the queue column; a value named like a queue code starts on that queue. */
    private void showQueueValues(List<String> values, Map<String, String> suggested) {
        queueMapping.removeAll();
        queueChoices.clear();
        List<String> choices = new ArrayList<>();
        choices.add(SKIP);
        choices.addAll(queueCodes);
        for (String value : values) {
            ComboBox<String> c = new ComboBox<>("\"" + value + "\" →", choices);
            String code = suggested.get(value);
            if (code == null && queueCodes.contains(value.toUpperCase(java.util.Locale.ROOT))) {
                code = value.toUpperCase(java.util.Locale.ROOT);
            }
            c.setValue(code == null ? null : code.isEmpty() ? SKIP : code);
            c.setPlaceholder("choose a queue");
            c.setId("queue-" + value);
            queueChoices.put(value, c);
            queueMapping.add(c);
        }
    }

    private void showFields() {
        ImportKind k = kind.getValue();
        if (k == null) {
            return;
        }
        var relevant = HistoryField.forKind(k);
        columns.forEach((f, c) -> c.setVisible(relevant.contains(f)));
    }

    ImportSettings settings() {
        Map<HistoryField, String> cols = new EnumMap<>(HistoryField.class);
        var relevant = HistoryField.forKind(kind.getValue());
        columns.forEach((f, c) -> {
            if (relevant.contains(f) && c.getValue() != null) {
                cols.put(f, c.getValue());
            }
        });
        Map<String, String> codes = new LinkedHashMap<>();
        queueChoices.forEach((value, c) -> {
            if (c.getValue() != null) {
                codes.put(value, SKIP.equals(c.getValue()) ? "" : c.getValue());
            }
        });
        ImportSettings s = current.suggested();
        boolean calls = kind.getValue() == ImportKind.CALLS;
        // outcomes of a call file: the suggested ones, or the usual ones when the planner switched to calls
        Set<String> answered = calls && s.answeredOutcomes().isEmpty() ? Set.of("ANSWERED", "AGENT") : s.answeredOutcomes();
        Set<String> ignored = calls && s.ignoredOutcomes().isEmpty() ? Set.of("PHANTOM") : s.ignoredOutcomes();
        return new ImportSettings(kind.getValue(), cols, intervalMinutes.getValue(), codes, answered, ignored);
    }

    void runImport() {
        problems.setVisible(false);
        try {
            ImportResult r = service.importFile(fileName, content, settings());
            String perQueue = r.intervals().entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                    .collect(Collectors.joining(", "));
            result.setText(String.format("Imported %s: %,d rows read, %,d skipped; %,d intervals written (%s), "
                            + "%,d of them replaced earlier history; days %s to %s.", fileName, r.dataRows(),
                    r.skippedRows(), r.totalIntervals(), perQueue, r.replaced(), r.firstDay(), r.lastDay()));
            Notifications.success("History imported");
            imports.setItems(service.imports());
        } catch (ImportFailedException e) {
            showProblems(e);
        }
    }

    private void showProblems(ImportFailedException e) {
        result.setText("Nothing was imported: the file has " + (e.truncated() ? "at least " : "") + e.problems().size()
                + " problem" + (e.problems().size() == 1 ? "" : "s") + ". Fix them (or the mapping) and import again.");
        problems.setItems(e.problems());
        problems.setVisible(true);
    }

}
