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
import com.vaadin.flow.component.upload.UploadI18N;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.switchboard.base.ui.Notifications;
import org.switchboard.base.ui.Translations;
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
@Menu(title = "menu.history", order = 51, icon = "vaadin:upload")
@RolesAllowed({Roles.ADMIN, Roles.PLANNER})
public class HistoryImportView extends VerticalLayout implements HasDynamicTitle {

    /** The queue choice that skips a value's rows (shown in the reader's language). */
    final String skip = getTranslation("import.skip");

    final Upload upload;
    final LimitedUploadHandler uploadHandler;
    final Paragraph fileInfo = new Paragraph(getTranslation("import.choose"));
    final Select<String> encoding = new Select<>();
    final Select<ImportKind> kind = new Select<>();
    final Select<Integer> intervalMinutes = new Select<>();
    final Map<HistoryField, ComboBox<String>> columns = new EnumMap<>(HistoryField.class);
    final FormLayout mapping = new FormLayout();
    final FormLayout queueMapping = new FormLayout();
    final Map<String, ComboBox<String>> queueChoices = new LinkedHashMap<>();
    final Grid<List<String>> preview = new Grid<>();
    final Button importButton = new Button(getTranslation("import.button"));
    final Paragraph result = new Paragraph();
    final Grid<ImportProblem> problems = new Grid<>(ImportProblem.class, false);
    final Grid<HistoryImport> imports = new Grid<>(HistoryImport.class, false);
    final VerticalLayout settingsPanel = new VerticalLayout();

    private final HistoryImportService service;
    private final List<String> queueCodes;
    private final String limitLabel;
    private final ZoneId siteZone;
    private String fileName;
    private Path file;
    private CsvPreview current;
    private boolean showing;

    public HistoryImportView(HistoryImportService service, QueueService queues, Translations translations) {
        this.service = service;
        this.queueCodes = queues.list().stream().map(Queue::getCode).toList();
        this.siteZone = queues.siteZone();
        long maxBytes = service.limits().maxFileSize().toBytes();
        limitLabel = service.limits().maxFileSizeLabel();
        var reader = getLocale();
        uploadHandler = new LimitedUploadHandler(maxBytes,
                name -> translations.getTranslation("import.tooLarge", reader, name, limitLabel), new LimitedUploadHandler.Receiver() {
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
        if (Formats.russian(getLocale())) {
            upload.setI18n(russianUpload());
        }
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

        kind.setLabel(getTranslation("import.kind.label"));
        kind.setItems(ImportKind.values());
        kind.setItemLabelGenerator(k -> getTranslation(k == ImportKind.INTERVALS ? "import.kind.intervals" : "import.kind.calls"));
        kind.setId("kind");
        kind.addValueChangeListener(e -> showFields());
        intervalMinutes.setLabel(getTranslation("import.interval.label"));
        intervalMinutes.setItems(15, 30, 60);
        intervalMinutes.setItemLabelGenerator(m -> getTranslation("import.interval.minutes", m));
        intervalMinutes.setId("interval-minutes");
        for (HistoryField f : HistoryField.values()) {
            ComboBox<String> c = new ComboBox<>(getTranslation("import.field." + f.name()));
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
        problems.addColumn(ImportProblem::line).setHeader(getTranslation("import.problem.line")).setAutoWidth(true).setFlexGrow(0);
        problems.addColumn(p -> p.column() == null ? "" : p.column()).setHeader(getTranslation("import.problem.column"))
                .setAutoWidth(true).setFlexGrow(0);
        problems.addColumn(p -> p.message(getLocale())).setHeader(getTranslation("import.problem.problem")).setFlexGrow(1);
        problems.setAllRowsVisible(true);
        problems.setVisible(false);
        problems.setId("problems");
        var locale = getLocale();
        imports.addColumn(HistoryImport::fileName).setHeader(getTranslation("import.log.file")).setFlexGrow(2);
        imports.addColumn(i -> getTranslation(i.kind() == ImportKind.INTERVALS ? "import.log.kind.intervals" : "import.log.kind.calls"))
                .setHeader(getTranslation("import.log.kind"));
        imports.addColumn(i -> Formats.number(i.dataRows(), 0, locale)).setHeader(getTranslation("import.log.rows"));
        imports.addColumn(i -> Formats.number(i.intervalsWritten(), 0, locale)).setHeader(getTranslation("import.log.intervals"));
        imports.addColumn(HistoryImport::queues).setHeader(getTranslation("import.log.queues")).setFlexGrow(2);
        imports.addColumn(i -> i.firstDay() == null ? "" : Formats.date(i.firstDay(), locale) + " – " + Formats.date(i.lastDay(), locale))
                .setHeader(getTranslation("import.log.days")).setAutoWidth(true);
        imports.addColumn(HistoryImport::importedBy).setHeader(getTranslation("import.log.by"));
        imports.addColumn(this::importedAt).setHeader(getTranslation("import.log.when", siteZone.getId())).setAutoWidth(true);
        imports.setAllRowsVisible(true);
        imports.setId("imports");

        settingsPanel.setPadding(false);
        settingsPanel.add(new H3(getTranslation("import.section.columns")), mapping,
                new H3(getTranslation("import.section.queues")), new Paragraph(getTranslation("import.queues.help")),
                queueMapping, new H3(getTranslation("import.section.rows")), preview, importButton);
        settingsPanel.setVisible(false);
        add(new H2(getTranslation("import.title")), new Paragraph(getTranslation("import.intro")),
                upload, fileInfo, encoding, settingsPanel, result, problems, new H3(getTranslation("import.log.title")), imports);
        imports.setItems(service.imports());
    }

    /** The upload's own words in Russian (English is the component's default). */
    static UploadI18N russianUpload() {
        return new UploadI18N()
                .setDropFiles(new UploadI18N.DropFiles().setOne("Перетащите файл сюда").setMany("Перетащите файлы сюда"))
                .setAddFiles(new UploadI18N.AddFiles().setOne("Выбрать файл…").setMany("Выбрать файлы…"))
                .setError(new UploadI18N.Error().setTooManyFiles("Можно загрузить только один файл.")
                        .setFileIsTooBig("Файл слишком большой.").setIncorrectFileType("Нужен файл CSV."))
                .setFile(new UploadI18N.File().setRetry("Повторить").setStart("Начать").setRemove("Удалить"))
                .setUnits(List.of("Б", "КБ", "МБ", "ГБ", "ТБ", "ПБ", "ЭБ", "ЗБ", "ИБ"));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("import.title");
    }

    /** When a file was imported, in the site's time zone and the reader's format. */
    String importedAt(HistoryImport i) {
        return Formats.dateTime(getLocale()).format(i.importedAt().atZone(siteZone));
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
                    + (e.problems().isEmpty() ? "" : ": " + e.problems().get(0).describe(getLocale())));
            showEncoding(charset);
            showProblems(e);
            return;
        } catch (ImportTooLargeException e) {
            discardFile();
            settingsPanel.setVisible(false);
            encoding.setVisible(false);
            showRefusal(getTranslation("import.tooLarge.file", limitLabel));
            return;
        }
        fileInfo.setText(getTranslation("import.preview", fileName, current.dataRows(),
                String.join(", ", current.headers()), current.encoding(), reason(current.encodingReason())));
        showEncoding(current.encoding());
        for (ComboBox<String> c : columns.values()) {
            c.setItems(current.headers());
            c.clear();
        }
        ImportSettings s = current.suggested();
        s.columns().forEach((f, col) -> columns.get(f).setValue(col));
        kind.setValue(s.kind());
        intervalMinutes.setValue(s.intervalMinutes() == null ? 30 : s.intervalMinutes());
        Integer detected = current.detectedIntervalMinutes();
        intervalMinutes.setHelperText(detected == null ? null : intervalMinutes.getValue().equals(detected)
                ? getTranslation("import.interval.detected", detected)
                : getTranslation("import.interval.detected.unsupported", detected));
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

    /** Why the file was read in its encoding, in the reader's language (the service says it in English). */
    String reason(String english) {
        for (var known : List.of("byte-order mark", "zero bytes of UTF-16 text", "plain ASCII", "valid UTF-8",
                "mostly valid UTF-8", "guessed from its letters", "chosen")) {
            if (known.equals(english)) {
                return getTranslation("import.reason." + known.replace(' ', '-').replace("-of-UTF-16-text", ""));
            }
        }
        for (String prefix : List.of("Cyrillic letters read best as ", "uncertain: letters read best as ")) {
            if (english.startsWith(prefix)) {
                return getTranslation(prefix.startsWith("C") ? "import.reason.cyrillic" : "import.reason.uncertain",
                        english.substring(prefix.length()));
            }
        }
        return english;
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
        choices.add(skip);
        choices.addAll(queueCodes);
        for (String value : values) {
            ComboBox<String> c = new ComboBox<>("\"" + value + "\" →", choices);
            String code = suggested.get(value);
            if (code == null && queueCodes.contains(value.toUpperCase(java.util.Locale.ROOT))) {
                code = value.toUpperCase(java.util.Locale.ROOT);
            }
            c.setValue(code == null ? null : code.isEmpty() ? skip : code);
            c.setPlaceholder(getTranslation("import.queue.placeholder"));
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
                codes.put(value, skip.equals(c.getValue()) ? "" : c.getValue());
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
            result.setText(getTranslation("import.done", fileName, r.dataRows(), r.skippedRows(), r.totalIntervals(),
                    perQueue, r.replaced(), Formats.date(r.firstDay(), getLocale()), Formats.date(r.lastDay(), getLocale())));
            Notifications.success(getTranslation("import.notification"));
            imports.setItems(service.imports());
            discardFile(); // imported: the temporary file is no longer needed
            settingsPanel.setVisible(false);
            encoding.setVisible(false);
        } catch (ImportFailedException e) {
            showProblems(e);
        } catch (ImportTooLargeException e) {
            showRefusal(getTranslation("import.tooLarge.file", limitLabel));
        }
    }

    private void showProblems(ImportFailedException e) {
        result.setText(getTranslation(e.truncated() ? "import.problems.atLeast" : "import.problems", e.problems().size()));
        problems.setItems(e.problems());
        problems.setVisible(true);
    }

}
