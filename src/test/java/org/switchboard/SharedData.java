package org.switchboard;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The team's shared material (../shared: reference figures, the bank call-center data, the
 * Curtois–Qu instances), read in place and never copied into the project. The folder comes from the
 * system property {@code switchboard.shared.dir} (Maven sets it to {@code ../shared}); tests that
 * need a file skip with a message where it is absent, for example in a user's own clone.
 */
public final class SharedData {

    private SharedData() {}

    /** The shared folder, whether or not it exists. */
    public static Path root() {
        return Path.of(System.getProperty("switchboard.shared.dir", "../shared"));
    }

    /** A file under the shared folder; skips the calling test when it is missing. */
    public static Path require(String relative) {
        Path file = root().resolve(relative);
        assumeTrue(
                Files.isRegularFile(file),
                () -> "skipped: shared file " + file.toAbsolutePath()
                        + " is absent (set -Dswitchboard.shared.dir to the team's shared folder)");
        return file;
    }
}
