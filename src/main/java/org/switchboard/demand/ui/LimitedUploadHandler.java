package org.switchboard.demand.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import com.vaadin.flow.server.streams.UploadEvent;
import com.vaadin.flow.server.streams.UploadHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;

/**
 * Receives one upload straight into a temporary file (never into memory) and refuses it on the server when it is
 * larger than the limit, whatever the browser was told: a declared size above the limit is refused before reading,
 * and reading stops (the partial file deleted) at the first byte past the limit. A refused upload answers the
 * browser with HTTP 422 and its reason.
 */
final class LimitedUploadHandler implements UploadHandler {

    /** Told in the UI's thread what became of an upload. */
    interface Receiver extends Serializable {
        void received(String fileName, Path file);

        void refused(String fileName, String reason);
    }

    /** The refusal of a file above the limit, from its name, in the reader's language. */
    interface TooLarge extends Function<String, String>, Serializable {}

    private final long maxBytes;
    private final TooLarge tooLarge;
    private final Receiver receiver;

    LimitedUploadHandler(long maxBytes, TooLarge tooLarge, Receiver receiver) {
        this.maxBytes = maxBytes;
        this.tooLarge = tooLarge;
        this.receiver = receiver;
    }

    @Override
    public void handleUploadRequest(UploadEvent event) throws IOException {
        String name = event.getFileName();
        Path file = null;
        if (event.getFileSize() <= maxBytes) {
            try (InputStream in = event.getInputStream()) {
                file = receive(in, maxBytes);
            }
        }
        UI ui = ui(event);
        if (file == null) {
            String reason = tooLarge.apply(name);
            event.reject(reason);
            access(ui, () -> receiver.refused(name, reason), null);
            return;
        }
        Path received = file;
        access(ui, () -> receiver.received(name, received), received);
    }

    private static UI ui(UploadEvent event) {
        try {
            return event.getUI();
        } catch (RuntimeException e) {
            return null; // the view or its UI went away during the upload
        }
    }

    /** Runs in the UI's thread; when the UI is gone the file goes too. */
    private static void access(UI ui, Runnable command, Path file) {
        try {
            if (ui == null) {
                throw new UIDetachedException();
            }
            // a UI that detaches after the task was queued never runs it: the detach handler deletes the file
            ui.accessLater(command::run, () -> UploadedFiles.delete(file)).run();
        } catch (UIDetachedException e) {
            UploadedFiles.delete(file);
        }
    }

    /**
     * Copies a stream into a new temporary file, at most {@code maxBytes} of it. Null when the stream has more (the
     * partial file is deleted, the rest is not read).
     */
    static Path receive(InputStream in, long maxBytes) throws IOException {
        Path file = UploadedFiles.create();
        boolean kept = false;
        try (OutputStream out = Files.newOutputStream(file)) {
            byte[] buffer = new byte[64 * 1024];
            long total = 0;
            for (int n; (n = in.read(buffer)) >= 0; ) {
                total += n;
                if (total > maxBytes) {
                    return null;
                }
                out.write(buffer, 0, n);
            }
            kept = true;
            return file;
        } finally {
            if (!kept) {
                UploadedFiles.delete(file);
            }
        }
    }

    @Override
    public long getFileSizeMax() {
        return maxBytes;
    }

    @Override
    public long getRequestSizeMax() {
        return maxBytes + 64 * 1024; // multipart uploads: the file plus its part headers
    }

    @Override
    public long getFileCountMax() {
        return 1;
    }
}
