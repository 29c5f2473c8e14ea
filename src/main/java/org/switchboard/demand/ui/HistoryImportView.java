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
import jakarta.annotation.security.RolesAllowed;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
import org.switchboard.demand.history.ImportSource;
import org.switchboard.demand.history.ImportTooLargeException;
import org.switchboard.demand.history.ImportKind;
import org.switchboard.demand.history.ImportProblem;
import org.switchboard.demand.history.ImportResult;
import org.switchboard.demand.history.ImportSettings;
import org.switchboard.shared.Roles;

/**
 * Imports call history: upload a CSV, check the preview, its encoding and the column and queue mapping, import. A
 * file with problems is refused whole, with each problem's line and column. The upload goes to a temporary file
 * (refused on the server above the size limit) that is deleted after the import, on the next upload and when the
 * view is closed.
 */
@Route("demand/import")
@PageTitle("Import call history")
@Menu(title = "menu.history", order = 51, icon = "vaadin:upload")
@RolesAllowed({Roles.ADMIN, Roles.PLANNER})
public class HistoryImportView extends VerticalLayout {

    static final String SKIP = "(skip these rows)";

    final Upload upload;
    final LimitedUploadHandler uploadHandler;
    final Paragraph fileInfo = new Paragraph("Choose a CSV file: interval history or one row per call.");
    final Select<String> encoding = new Select<>();
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
    private final String limitLabel;
    private String fileName;
    private Path file;
    private CsvPreview current;
    private boolean showing;

    public HistoryImportView(HistoryImportService service, QueueService queues) {
        this.service = service;
        this.queueCodes = queues.list().stream().map(Queue::getCode).toList();
        long maxBytes = service.limits().maxFileSize().toBytes();
        limitLabel = service.limits().maxFileSizeLabel();
        uploadHandler = new LimitedUploadHandler(maxBytes, limitLabel, new LimitedUploadHandler.Receiver() {
            @Override
            public void received(String name, Path uploaded) {
                if (isAttached()) {
                    load(name, uploaded);
                    clearUploads(); // ready for the next file
                } else {
                    UploadedFiles.delete(uploaded);
                }
            }

            @Override
            public void refused(String name, String reason) {
                showRefusal(reason);
            }
        });
        upload = new Upload(uploadHandler);
        upload.setAcceptedFileTypes(".csv", ".txt", "text/csv");
        upload.setMaxFiles(1);
        upload.setMaxFileSize((int) Math.min(maxBytes, Integer.MAX_VALUE)); // the browser's check; the server checks too
        upload.addFileRejectedListener(e -> showRefusal(getTranslation("import.rejected", e.getFileName(),
                e.getErrorMessage(), limitLabel)));
        upload.setId("upload");
        fileInfo.setId("file-info");
        encoding.setLabel(getTranslation("import.encoding.label"));
        encoding.setItems(service.encodings());
        encoding.setId("encoding");
        encoding.setWidth("24em");
        encoding.setVisible(false);
        encoding.addValueChangeListener(e -> {
            if (!showing && e.getValue() != null && file != null) {
                showPreview(e.getValue()); // the planner chose another encoding: read the file again
            }
        });
        addDetachListener(e -> discardFile()); // the view closed, the tab is gone or the session ended

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
            if (e.isFromClient() || file != null && current != null && e.getValue() != null
                    && !e.getValue().equals(current.suggested().column(HistoryField.QUEUE))) {
                showQueueValues(e.getValue() == null ? List.of()
                        : service.distinctValues(source(), e.getValue(), current.encoding()), Map.of());
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
                upload, fileInfo, encoding, settingsPanel, result, problems, new H3("Imports so far"), imports);
        imports.setItems(service.imports());
    }

    private void clearUploads() {
        upload.clearFileList();
    }

    private void showRefusal(String reason) {
        problems.setVisible(false);
        result.setText(getTranslation("import.refused", reason));
    }

    /** A file from memory (tests): kept in a temporary file like an upload. */
    void load(String name, byte[] bytes) {
        try {
            Path temp = UploadedFiles.create();
            Files.write(temp, bytes);
            load(name, temp);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A new file, uploaded into a temporary file: the previous one is deleted; preview in the detected encoding. */
    void load(String name, Path uploaded) {
        discardFile();
        fileName = name;
        file = uploaded;
        showPreview(null);
    }

    /** The file being imported, if any (tests). */
    Path file() {
        return file;
    }

    private ImportSource source() {
        return ImportSource.of(file, fileName);
    }

    private void discardFile() {
        UploadedFiles.delete(file);
        file = null;
        current = null;
    }

    /** Reads the file's preview in an encoding (null: detect it) and fills in the suggested settings. */
    private void showPreview(String charset) {
        problems.setVisible(false);
        result.setText("");
        try {
            current = service.preview(source(), 10, charset);
        } catch (ImportFailedException e) {
            settingsPanel.setVisible(false);
            fileInfo.setText((charset == null ? getTranslation("import.unreadable", fileName)
                    : getTranslation("import.unreadable.as", fileName, charset))
                    + (e.problems().isEmpty() ? "" : ": " + e.problems().get(0)));
            showEncoding(charset);
            showProblems(e);
            return;
        } catch (ImportTooLargeException e) {
            discardFile();
            settingsPanel.setVisible(false);
            encoding.setVisible(false);
            showRefusal(e.getMessage());
            return;
        }
        fileInfo.setText(getTranslation("import.preview", fileName, current.dataRows(),
                String.join(", ", current.headers()), current.encoding(), current.encodingReason()));
        showEncoding(current.encoding());
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

    /** The encoding in use, offered for changing; one the list lacks is added. */
    private void showEncoding(String charset) {
        showing = true;
        try {
            List<String> items = new ArrayList<>(service.encodings());
            if (charset != null && !items.contains(charset)) {
                items.add(0, charset);
            }
            encoding.setItems(items);
            encoding.setValue(charset);
            encoding.setHelperText(getTranslation("import.encoding.helper"));
            encoding.setVisible(true);
        } finally {
            showing = false;
        }
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
        return new ImportSettings(kind.getValue(), cols, intervalMinutes.getValue(), codes, answered, ignored,
                current.encoding(), null);
    }

    void runImport() {
        problems.setVisible(false);
        if (file == null || current == null || !Files.exists(file)) {
            discardFile();
            settingsPanel.setVisible(false);
            result.setText(getTranslation("import.gone"));
            return;
        }
        try {
            ImportResult r = service.importFile(source(), settings());
            String perQueue = r.intervals().entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                    .collect(Collectors.joining(", "));
            result.setText(String.format("Imported %s: %,d rows read, %,d skipped; %,d intervals written (%s), "
                            + "%,d of them replaced earlier history; days %s to %s.", fileName, r.dataRows(),
                    r.skippedRows(), r.totalIntervals(), perQueue, r.replaced(), r.firstDay(), r.lastDay()));
            Notifications.success("History imported");
            imports.setItems(service.imports());
            discardFile(); // imported: the temporary file is no longer needed
            settingsPanel.setVisible(false);
            encoding.setVisible(false);
        } catch (ImportFailedException e) {
            showProblems(e);
        } catch (ImportTooLargeException e) {
            showRefusal(e.getMessage());
        }
    }

    private void showProblems(ImportFailedException e) {
        result.setText("Nothing was imported: the file has " + (e.truncated() ? "at least " : "") + e.problems().size()
                + " problem" + (e.problems().size() == 1 ? "" : "s") + ". Fix them (or the mapping) and import again.");
        problems.setItems(e.problems());
        problems.setVisible(true);
    }

}
