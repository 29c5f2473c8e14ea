package org.switchboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A JVM running a main class on the test class path (a second application instance, or one to be killed); its reports
 * are the lines of its output starting with {@link #PREFIX}, read with {@link #next}.
 */
public final class ChildJvm {

    public static final String PREFIX = "CHILD-REPORT ";

    /**
     * Lets OR-Tools load its native libraries without JDK 24+'s warning, as the test JVM itself (surefire's argLine)
     * and the jar's manifest do: every child JVM a test starts passes it.
     */
    public static final String NATIVE_ACCESS = "--enable-native-access=ALL-UNNAMED";

    public final Process process;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final Deque<String> tail = new ConcurrentLinkedDeque<>();
    private final Thread reader;

    public ChildJvm(Class<?> main, String... args) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-Xmx1g", NATIVE_ACCESS,
                // C1 only: the children's work is small, and they start faster
                "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"), main.getName()));
        command.addAll(List.of(args));
        process = new ProcessBuilder(command).redirectErrorStream(true).start();
        reader = Thread.ofVirtual().start(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = out.readLine()) != null) {
                    if (line.startsWith(PREFIX)) {
                        lines.add(line.substring(PREFIX.length()));
                    }
                    tail.addLast(line);
                    if (tail.size() > 40) {
                        tail.pollFirst();
                    }
                }
            } catch (IOException e) {
                // killed
            }
        });
    }

    /** Prints a report for the parent (in the child). */
    public static void report(String line) {
        System.out.println(PREFIX + line);
        System.out.flush();
    }

    /** The next report, split at blanks, waiting up to {@code seconds}; fails when the child died first. */
    public String[] next(int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        String line = null;
        while (line == null && System.nanoTime() < deadline && (process.isAlive() || !lines.isEmpty())) {
            line = lines.poll(1, TimeUnit.SECONDS);
        }
        assertThat(line).as("the child's next report within %d s (alive: %s); its last lines:%n%s", seconds,
                process.isAlive(), String.join("\n", tail)).isNotNull();
        return line.split(" ");
    }

    /** Kills it with SIGKILL, as a crash would. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        // (a PostgreSQL it started may keep the output open: do not wait for the end of it)
        reader.join(1000);
    }
}
