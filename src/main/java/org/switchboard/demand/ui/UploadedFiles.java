package org.switchboard.demand.ui;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;
import org.slf4j.LoggerFactory;

/**
 * Uploaded history files waiting for import, each in a temporary file of its own folder
 * ({@code java.io.tmpdir/switchboard-history-uploads}). The import view deletes its file after a successful
 * import, when the next file arrives and when the view is closed (also when the session ends or the browser tab is
 * gone); a file left behind by a crash is deleted once it is a day old, when the next upload starts.
 */
final class UploadedFiles {

    static final Duration STALE = Duration.ofHours(24);

    private UploadedFiles() {}

    static Path folder() {
        Path folder = Path.of(System.getProperty("java.io.tmpdir"), "switchboard-history-uploads");
        try {
            return Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A new empty temporary file; stale ones are swept first. */
    static Path create() throws IOException {
        sweep(Instant.now().minus(STALE));
        return Files.createTempFile(folder(), "history-", ".upload");
    }

    /** Deletes files last written before the given instant. */
    static void sweep(Instant before) {
        try (Stream<Path> files = Files.list(folder())) {
            files.filter(f -> {
                try {
                    return Files.getLastModifiedTime(f).toInstant().isBefore(before);
                } catch (IOException e) {
                    return false;
                }
            }).forEach(UploadedFiles::delete);
        } catch (IOException e) {
            LoggerFactory.getLogger(UploadedFiles.class).warn("Could not sweep old uploads: {}", e.getMessage());
        }
    }

    static void delete(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LoggerFactory.getLogger(UploadedFiles.class).warn("Could not delete upload {}: {}", file, e.getMessage());
        }
    }
}
