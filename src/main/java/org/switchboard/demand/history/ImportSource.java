package org.switchboard.demand.history;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A history file to read: the import opens it several times (to check its bytes and guess its encoding, then to
 * read its rows), each time as a stream, so a large file never has to be in memory.
 */
public interface ImportSource {

    /** The file's name as the user gave it (logged with the import). */
    String name();

    /** Its size in bytes. */
    long size();

    /** A new stream over the whole file, from its first byte. */
    InputStream open() throws IOException;

    /** A file on disk (an upload kept in a temporary file). */
    static ImportSource of(Path file, String name) {
        return new ImportSource() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public long size() {
                try {
                    return Files.size(file);
                } catch (IOException e) {
                    return 0;
                }
            }

            @Override
            public InputStream open() throws IOException {
                return Files.newInputStream(file);
            }
        };
    }

    /** Content already in memory (small files, tests, demo data). */
    static ImportSource of(String name, byte[] content) {
        return new ImportSource() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public long size() {
                return content.length;
            }

            @Override
            public InputStream open() {
                return new ByteArrayInputStream(content);
            }
        };
    }
}
