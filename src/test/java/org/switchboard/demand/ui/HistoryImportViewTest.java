package org.switchboard.demand.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.server.VaadinService;
import com.vaadin.flow.server.VaadinServletRequest;
import com.vaadin.flow.server.VaadinServletResponse;
import com.vaadin.flow.server.VaadinServletService;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.streams.UploadEvent;
import jakarta.servlet.ServletInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.mock.web.DelegatingServletInputStream;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.transaction.annotation.Transactional;
import org.switchboard.demand.Direction;
import org.switchboard.demand.QueueService;
import org.switchboard.demand.TestQueues;
import org.switchboard.demand.history.HistoryImport;

/** The import screen: encoding shown and changeable, uploads limited on the server, temporary files released. */
@SpringBootTest
@Transactional
@WithMockUser(username = "planner", roles = "PLANNER")
class HistoryImportViewTest extends SpringBrowserlessTest {

    static final String RUSSIAN = """
            interval_start,queue,offered
            2026-03-02T08:00,Счета,10
            2026-03-02T08:00,Карты,7
            2026-03-02T08:30,Счета,12
            """;

    @Autowired
    QueueService queues;

    @BeforeEach
    void queues() {
        for (String code : List.of("VIEW-BILL", "VIEW-CARD")) {
            if (queues.findByCode(code).isEmpty()) {
                TestQueues.save(queues, code, Direction.INBOUND, "Europe/Moscow", LocalTime.of(8, 0), LocalTime.of(20, 0));
            }
        }
    }

    @Test
    void theDetectedEncodingIsShownAndCanBeChanged() {
        HistoryImportView view = navigate(HistoryImportView.class);
        view.load("russian.csv", RUSSIAN.getBytes(Charset.forName("windows-1251")));
        assertThat(view.encoding.isVisible()).isTrue();
        assertThat(view.encoding.getValue()).isEqualTo("windows-1251");
        assertThat(view.fileInfo.getText()).contains("3 rows").contains("read as windows-1251 (Cyrillic letters read best as windows-1251)");
        assertThat(view.queueChoices.keySet()).containsExactly("Карты", "Счета");

        view.encoding.setValue("KOI8-R"); // read wrongly, but readable: the names show it
        assertThat(view.queueChoices.keySet()).hasSize(2).doesNotContain("Счета");
        assertThat(view.fileInfo.getText()).contains("read as KOI8-R (chosen)");

        view.encoding.setValue("UTF-8"); // does not decode: refused with the line, the choice stays open
        assertThat(view.settingsPanel.isVisible()).isFalse();
        assertThat(view.encoding.isVisible()).isTrue();
        assertThat(test(view.problems).getRow(0).toString())
                .isEqualTo("line 2: Line 2 is not UTF-8 text (bytes D1): choose the file's encoding");

        view.encoding.setValue("windows-1251");
        assertThat(view.settingsPanel.isVisible()).isTrue();
        view.queueChoices.get("Счета").setValue("VIEW-BILL");
        view.queueChoices.get("Карты").setValue("VIEW-CARD");
        Path file = view.file();
        test(view.importButton).click();
        assertThat(view.result.getText()).contains("3 intervals written (VIEW-BILL 2, VIEW-CARD 1)");
        assertThat(file).as("deleted after the import").doesNotExist();
        assertThat(view.file()).isNull();
    }

    /** A day of 15-minute intervals of two queues, 08:00 to 20:00: the demo's own history is 15-minute. */
    static byte[] fifteenMinutes() {
        StringBuilder csv = new StringBuilder("interval_start,queue,offered\n");
        for (int slot = 32; slot < 80; slot++) {
            for (String queue : List.of("VIEW-BILL", "VIEW-CARD")) {
                csv.append("2026-03-03T").append(String.format("%02d:%02d", slot / 4, slot % 4 * 15)).append(',')
                        .append(queue).append(",5\n");
            }
        }
        return csv.toString().getBytes(Charset.forName("UTF-8"));
    }

    @Test
    void theIntervalLengthIsDetectedFromTheFileAndTheLogShowsSiteTime() {
        HistoryImportView view = navigate(HistoryImportView.class);
        view.load("quarter-hours.csv", fifteenMinutes());
        // preselected from the starts (the default of 30 refused this file with 50 problems)
        assertThat(view.intervalMinutes.getValue()).isEqualTo(15);
        assertThat(view.intervalMinutes.getHelperText()).isEqualTo("detected: 15 min");
        test(view.importButton).click();
        assertThat(view.result.getText()).contains("96 intervals written (VIEW-BILL 48, VIEW-CARD 48)");

        // the log: when, in the site's time zone (the queues' Europe/Moscow), in the reader's format, not UTC
        assertThat(queues.siteZone()).isEqualTo(ZoneId.of("Europe/Moscow"));
        var log = test(view.imports);
        HistoryImport latest = log.getRow(0);
        assertThat(latest.fileName()).isEqualTo("quarter-hours.csv");
        int when = view.imports.getColumns().size() - 1;
        String shown = log.getCellText(0, when);
        assertThat(shown).isEqualTo(DateTimeFormatter.ofPattern("d MMM yyyy HH:mm", Locale.ENGLISH)
                .format(latest.importedAt().atZone(ZoneId.of("Europe/Moscow"))));
        assertThat(shown).isNotEqualTo(DateTimeFormatter.ofPattern("d MMM yyyy HH:mm", Locale.ENGLISH)
                .format(latest.importedAt().atZone(ZoneOffset.UTC)));
        assertThat(view.imports.getColumns().get(when).getHeaderText()).isEqualTo("When (Europe/Moscow)");
        assertThat(log.getCellText(0, 5)).isEqualTo("3 Mar 2026 – 3 Mar 2026");
    }

    @Test
    void aLengthTheImportDoesNotTakeIsNamedAndAFileWithoutOneKeepsThirty() {
        HistoryImportView view = navigate(HistoryImportView.class);
        view.load("ten.csv", "interval_start,queue,offered\n2026-03-03T08:00,VIEW-BILL,1\n2026-03-03T08:10,VIEW-BILL,1\n"
                .getBytes(Charset.forName("UTF-8")));
        assertThat(view.intervalMinutes.getValue()).isEqualTo(30);
        assertThat(view.intervalMinutes.getHelperText()).isEqualTo(
                "detected: 10 min, which the import does not take; choose 15, 30 or 60");
        view.load("one-row.csv", "interval_start,queue,offered\n2026-03-03T08:00,VIEW-BILL,1\n".getBytes(Charset.forName("UTF-8")));
        assertThat(view.intervalMinutes.getValue()).isEqualTo(30);
        assertThat(view.intervalMinutes.getHelperText()).isNullOrEmpty();
    }

    @Test
    void temporaryFilesGoWithTheNextUploadAndWithTheView() {
        HistoryImportView view = navigate(HistoryImportView.class);
        view.load("first.csv", RUSSIAN.getBytes(Charset.forName("UTF-8")));
        Path first = view.file();
        assertThat(first).exists().startsWith(UploadedFiles.folder());
        view.load("second.csv", RUSSIAN.getBytes(Charset.forName("UTF-8")));
        Path second = view.file();
        assertThat(first).doesNotExist();
        assertThat(second).exists();
        navigate(QueuesView.class); // the import view is closed
        assertThat(second).doesNotExist();
    }

    @Test
    void theServerRefusesAnUploadAboveTheLimitWhateverTheBrowserSays() throws IOException {
        HistoryImportView view = navigate(HistoryImportView.class);
        long max = 100L * 1024 * 1024;
        assertThat(view.upload.getMaxFileSize()).isEqualTo((int) max);
        assertThat(view.uploadHandler.getFileSizeMax()).isEqualTo(max);
        long filesBefore = uploads();

        // a declared size above the limit: refused before a byte is read
        UploadEvent declared = event(view, max + 1, new GeneratedStream(0) {
            @Override
            public int read(byte[] b, int off, int len) {
                throw new AssertionError("read although the declared size is above the limit");
            }
        });
        view.uploadHandler.handleUploadRequest(declared);
        assertThat(declared.isRejected()).isTrue();
        assertThat(declared.getRejectionMessage()).isEqualTo("big.csv is larger than 100 MB, the most a history import accepts");

        // no size declared (chunked): read until the limit is passed, then refused and the partial file deleted
        GeneratedStream body = new GeneratedStream(max + 1024 * 1024);
        UploadEvent chunked = event(view, -1, body);
        view.uploadHandler.handleUploadRequest(chunked);
        assertThat(chunked.isRejected()).isTrue();
        assertThat(body.served).isGreaterThan(max).isLessThan(max + 1024 * 1024);
        assertThat(uploads()).isEqualTo(filesBefore);
        VaadinSession.getCurrent().getService().runPendingAccessTasks(VaadinSession.getCurrent()); // the UI's turn
        assertThat(view.result.getText())
                .isEqualTo("Nothing was imported: big.csv is larger than 100 MB, the most a history import accepts.");
        assertThat(view.file()).isNull();
    }

    static long uploads() throws IOException {
        try (Stream<Path> files = Files.list(UploadedFiles.folder())) {
            return files.count();
        }
    }

    static UploadEvent event(HistoryImportView view, long declaredSize, InputStream body) {
        VaadinServletService service = (VaadinServletService) VaadinService.getCurrent();
        MockHttpServletRequest http = new MockHttpServletRequest("POST", "/upload") {
            @Override
            public ServletInputStream getInputStream() {
                return new DelegatingServletInputStream(body);
            }
        };
        return new UploadEvent(new VaadinServletRequest(http, service),
                new VaadinServletResponse(new MockHttpServletResponse(), service), VaadinSession.getCurrent(), "big.csv",
                declaredSize, "text/csv", view.upload.getElement(), null);
    }

    /** {@code size} bytes of CSV lines, made as they are read (nothing held in memory). */
    static class GeneratedStream extends InputStream {
        static final byte[] LINE = "2026-03-02T08:00,VIEW-BILL,10\n".getBytes(Charset.forName("UTF-8"));
        final long size;
        long served;

        GeneratedStream(long size) {
            this.size = size;
        }

        @Override
        public int read() {
            return served < size ? LINE[(int) (served++ % LINE.length)] : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (served >= size) {
                return -1;
            }
            int n = (int) Math.min(len, size - served);
            for (int i = 0; i < n; i++) {
                b[off + i] = LINE[(int) ((served + i) % LINE.length)];
            }
            served += n;
            return n;
        }
    }
}
