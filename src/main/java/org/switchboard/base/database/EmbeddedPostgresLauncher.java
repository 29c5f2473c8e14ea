package org.switchboard.base.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts PostgreSQL on a data directory that survives restarts.
 *
 * <p>Before starting it deals with what a hard kill leaves behind: if another live Switchboard still holds
 * the directory (its lock file is locked), start is refused with a message that says what to do; if only
 * an orphaned PostgreSQL server is left (its owner died), that server is shut down cleanly (SIGTERM, a
 * "smart" shutdown that writes a checkpoint) before starting; a {@code postmaster.pid} naming a process
 * that is not PostgreSQL is stale and removed.
 */
public final class EmbeddedPostgresLauncher {

    static final String OWNER_LOCK_FILE = "epg-lock";
    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresLauncher.class);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);

    private EmbeddedPostgresLauncher() {}

    /** Starts a durable server (see {@link #start(Path, int, boolean, boolean)}). */
    public static EmbeddedPostgres start(Path directory, int port, boolean clean) {
        return start(directory, port, clean, true);
    }

    /**
     * Starts PostgreSQL on {@code directory}.
     *
     * @param durable {@code fsync}, {@code synchronous_commit} and {@code full_page_writes} on, so a committed
     *     transaction survives a power cut (the embedded library's own defaults turn the first two off, which
     *     suits throw-away test databases only); tests may pass {@code false} for speed
     */
    public static EmbeddedPostgres start(Path directory, int port, boolean clean, boolean durable) {
        Path dir = directory.toAbsolutePath().normalize();
        try {
            if (clean) {
                deleteRecursively(dir);
            }
            Files.createDirectories(dir);
            refuseIfOwnedByLiveProcess(dir);
            recoverFromStaleServer(dir);
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(dir)
                    .setCleanDataDirectory(false)
                    // Spring stops the server after the connection pool; the library's own hook would race it
                    .setRegisterShutdownHook(false)
                    .setServerConfig("timezone", "UTC")
                    // the library passes -F (fsync off) and synchronous_commit=off; -c settings given later win
                    .setServerConfig("fsync", durable ? "on" : "off")
                    .setServerConfig("synchronous_commit", durable ? "on" : "off")
                    .setServerConfig("full_page_writes", durable ? "on" : "off")
                    .setPGStartupWait(Duration.ofSeconds(60));
            if (port > 0) {
                builder.setPort(port);
            }
            EmbeddedPostgres pg;
            try {
                pg = builder.start();
            } catch (IllegalStateException e) {
                if (String.valueOf(e.getMessage()).contains("Missing embedded postgres binaries")) {
                    throw new IllegalStateException(missingBinaries(), e);
                }
                throw e;
            }
            log.info("Embedded PostgreSQL on port {} with data in {}{}", pg.getPort(), dir,
                    durable ? "" : " (not durable: fsync off, for tests only)");
            return pg;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + dir + ": " + e.getMessage(), e);
        }
    }

    /** What to do when this jar carries another platform's PostgreSQL (it carries the building machine's only). */
    static String missingBinaries() {
        String platform = System.getProperty("os.name") + " " + System.getProperty("os.arch");
        return "This Switchboard was packaged without the embedded PostgreSQL for " + platform + " (a jar carries"
                + " the binaries of the platform it was built for). Either build it on this machine (./mvnw"
                + " -Pproduction package chooses this platform; or add -Pplatform-macos-aarch64, -Pplatform-macos-x86-64,"
                + " -Pplatform-windows-x86-64 or -Pplatform-linux-aarch64), or run it against a PostgreSQL server:"
                + " SPRING_DATASOURCE_URL=jdbc:postgresql://host:5432/switchboard with SPRING_DATASOURCE_USERNAME and"
                + " SPRING_DATASOURCE_PASSWORD.";
    }

    /** A live owner holds the lock file for as long as its JVM runs; the OS releases it when the JVM dies. */
    private static void refuseIfOwnedByLiveProcess(Path dir) throws IOException {
        Path lockFile = dir.resolve(OWNER_LOCK_FILE);
        if (!Files.exists(lockFile)) {
            return;
        }
        boolean held;
        try (RandomAccessFile raf = new RandomAccessFile(lockFile.toFile(), "rw")) {
            FileLock lock = null;
            try {
                lock = raf.getChannel().tryLock();
                held = lock == null;
            } catch (OverlappingFileLockException e) {
                held = true;
            } finally {
                if (lock != null) {
                    lock.release();
                }
            }
        }
        if (held) {
            throw new IllegalStateException("The database directory " + dir + " is in use by another running"
                    + " Switchboard (or another program using the embedded database). Stop that instance first"
                    + " (send SIGTERM to its java process, e.g. `pkill -f SwitchboardApplication`), or start this"
                    + " one with another directory: --switchboard.embedded-db.directory=/some/other/dir");
        }
    }

    private static void recoverFromStaleServer(Path dir) throws IOException {
        Path pidFile = dir.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        List<String> lines = Files.readAllLines(pidFile);
        long pid;
        try {
            pid = Long.parseLong(lines.getFirst().trim());
        } catch (RuntimeException e) {
            log.warn("Removing unreadable {}", pidFile);
            Files.deleteIfExists(pidFile);
            return;
        }
        Optional<ProcessHandle> process = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
        if (process.isEmpty()) {
            log.info("Found postmaster.pid of PostgreSQL process {} that no longer runs; PostgreSQL will recover.", pid);
            return;
        }
        boolean isPostgres = process.get().info().command().map(c -> c.contains("postgres")).orElse(true);
        if (!isPostgres) {
            log.warn("postmaster.pid names process {} which is not PostgreSQL (pid reused): removing the stale file", pid);
            Files.deleteIfExists(pidFile);
            return;
        }
        log.warn("An orphaned PostgreSQL server (pid {}) still runs on {} after an unclean stop; shutting it down"
                + " cleanly before starting", pid, dir);
        process.get().destroy(); // SIGTERM: smart shutdown, its clients are gone
        try {
            process.get().onExit().get(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while stopping the orphaned PostgreSQL " + pid, e);
        } catch (TimeoutException | java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("The orphaned PostgreSQL server (pid " + pid + ") on " + dir
                    + " did not stop within " + STOP_TIMEOUT.toSeconds() + " s. Stop it by hand (`kill " + pid
                    + "`) and start again.", e);
        }
        log.info("Orphaned PostgreSQL server {} stopped", pid);
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
