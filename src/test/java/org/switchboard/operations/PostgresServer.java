package org.switchboard.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A PostgreSQL server of the machine's own installation (Debian's {@code postgresql} package), started in a folder of
 * the test's: what an operations team runs, with its {@code pg_dump} and {@code pg_restore} of the same version.
 * As root, the server and its tools run as the {@code postgres} user (PostgreSQL refuses to run as root).
 */
final class PostgresServer implements AutoCloseable {

    private static final String[] TOOLS = {"initdb", "pg_ctl", "pg_dump", "pg_restore", "createdb"};

    final Path bin;
    final Path data;
    final int port;

    private PostgresServer(Path bin, Path data, int port) {
        this.bin = bin;
        this.data = data;
        this.port = port;
    }

    /** The newest installed server with all its tools, from {@code /usr/lib/postgresql/<version>/bin}. */
    static Optional<Path> installation() throws IOException {
        Path root = Path.of("/usr/lib/postgresql");
        if (!Files.isDirectory(root)) {
            return Optional.empty();
        }
        try (Stream<Path> versions = Files.list(root)) {
            return versions.map(v -> v.resolve("bin"))
                    .filter(b -> Stream.of(TOOLS).allMatch(t -> Files.isExecutable(b.resolve(t))))
                    .max(Comparator.comparingInt(b -> Integer.parseInt(b.getParent().getFileName().toString())));
        }
    }

    /** A new server (initdb) in {@code data}, started on a free port, with an empty database {@code database}. */
    static PostgresServer start(Path bin, Path data, String database) throws Exception {
        Files.createDirectories(data);
        if (root()) {
            UserPrincipalLookupService users = data.getFileSystem().getUserPrincipalLookupService();
            Files.setOwner(data, users.lookupPrincipalByName("postgres"));
        }
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        PostgresServer server = new PostgresServer(bin, data, port);
        server.run("initdb", "-D", data.toString(), "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8");
        server.run("pg_ctl", "-D", data.toString(), "-l", data.resolve("server.log").toString(), "-w", "-t", "60",
                "-o", "-p " + port + " -k " + data + " -c listen_addresses=localhost", "start");
        server.run("createdb", "-h", "localhost", "-p", Integer.toString(port), "-U", "postgres", database);
        return server;
    }

    String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + port + "/" + database;
    }

    /** Runs one of the installation's tools (as {@code postgres} when this is root) and fails with its output. */
    String run(String tool, String... args) throws Exception {
        List<String> command = new ArrayList<>();
        if (root()) {
            command.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        command.add(bin.resolve(tool).toString());
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).as("%s ended", tool).isTrue();
        assertThat(process.exitValue()).as("%s %s:%n%s", tool, String.join(" ", args), output).isZero();
        return output;
    }

    @Override
    public void close() throws Exception {
        run("pg_ctl", "-D", data.toString(), "-m", "fast", "-w", "stop");
    }

    private static boolean root() {
        return "root".equals(System.getProperty("user.name"));
    }
}
