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

    /** Opens a new stream over the whole content. */
    @FunctionalInterface
    interface Opener {
        InputStream open() throws IOException;
    }

    /** A source with a name, a size and a way to read it from the start, as often as asked. */
    static ImportSource of(String name, long size, Opener opener) {
        record Source(String name, long size, Opener opener) implements ImportSource {
            @Override
            public InputStream open() throws IOException {
                return opener.open();
            }
        }
        return new Source(name, size, opener);
    }

    /** A file on disk (an upload kept in a temporary file). */
    static ImportSource of(Path file, String name) {
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            size = 0;
        }
        return of(name, size, () -> Files.newInputStream(file));
    }

    /** Content already in memory (small files, tests, demo data). */
    static ImportSource of(String name, byte[] content) {
        return of(name, content.length, () -> new ByteArrayInputStream(content));
    }
}
