package dev.fila.engine.actors.crash;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A test's second JVM: runs a {@code main} class on the test class path in a child process that
 * the test talks to by lines (the child's stdin and stdout) and can kill with {@code kill -9}.
 *
 * <p>{@link #kill9()} uses {@link Process#destroyForcibly()}, which on Linux sends SIGKILL: the
 * child gets no chance to flush, run shutdown hooks or close files, as in a power cut of the process
 * ({@code ChildJvmTest} checks the exit status 137 = 128 + 9 and that no shutdown hook ran).
 * The child's stderr goes to a file ({@link #stderrTail()} for failure messages); stdout lines are
 * read by a daemon thread into a queue, so a child that writes a lot never blocks on a full pipe.
 * Every wait has a timeout; {@link #close()} kills a child that is still running.
 */
public final class ChildJvm implements AutoCloseable {

    /** Stands in the queue for the end of the child's stdout. */
    private static final String END = new String("<end of stdout>");

    private final String name;
    private final Process process;
    private final Writer stdin;
    private final BlockingQueue<String> stdout = new LinkedBlockingQueue<>();
    private final Path stderrFile;
    private volatile boolean ended;

    private ChildJvm(String name, Process process, Path stderrFile) {
        this.name = name;
        this.process = process;
        this.stderrFile = stderrFile;
        this.stdin = new BufferedWriter(new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8));
        Thread reader = new Thread(this::pumpStdout, "child-jvm-stdout-" + name);
        reader.setDaemon(true);
        reader.start();
    }

    /**
     * Starts {@code mainClass} in a new JVM: the same {@code java} executable and class path as this
     * one, the given JVM options and program arguments, and this process's environment plus {@code
     * environment}. Its stderr is written to {@code workDir/<name>.stderr}.
     */
    public static ChildJvm start(
            String name,
            Class<?> mainClass,
            List<String> jvmOptions,
            List<String> args,
            Map<String, String> environment,
            Path workDir)
            throws IOException {
        List<String> command = new ArrayList<>();
        command.add(javaExecutable());
        if (Runtime.version().feature() >= 24) {
            command.add("--sun-misc-unsafe-memory-access=allow"); // Pekko's Unsafe use, warned about
        }
        command.add("-Xmx512m");
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass.getName());
        command.addAll(args);
        Files.createDirectories(workDir);
        Path stderrFile = workDir.resolve(name + ".stderr");
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(workDir.toFile())
                .redirectError(ProcessBuilder.Redirect.appendTo(stderrFile.toFile()));
        builder.environment().putAll(environment);
        return new ChildJvm(name, builder.start(), stderrFile);
    }

    /**
     * For a child's {@code main}: a watchdog that ends the JVM after 5 minutes (a child must never
     * outlive its test), and the stdout to talk on, autoflushed, UTF-8.
     */
    public static PrintStream childStdout() {
        Thread watchdog = new Thread(() -> {
            try {
                Thread.sleep(300_000);
                Runtime.getRuntime().halt(4);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        watchdog.setDaemon(true);
        watchdog.start();
        return new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
    }

    private static String javaExecutable() {
        Optional<String> current = ProcessHandle.current().info().command();
        return current.orElse(
                Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    private void pumpStdout() {
        try (BufferedReader reader =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                stdout.add(line);
            }
        } catch (IOException e) {
            // The pipe broke because the child died: that is the end of its stdout too.
        } finally {
            stdout.add(END);
        }
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Sends one line to the child's stdin. */
    public void send(String line) {
        try {
            stdin.write(line);
            stdin.write('\n');
            stdin.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write to child " + name + " (dead?)" + stderrTail(), e);
        }
    }

    /**
     * The next stdout line, waiting at most {@code timeout}; empty at the end of stdout (the child
     * exited or was killed and everything it wrote has been read).
     */
    public Optional<String> nextLine(Duration timeout) {
        if (ended) {
            return Optional.empty();
        }
        try {
            String line = stdout.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
            if (line == null) {
                throw new AssertionError("child " + name + " wrote no line within " + timeout + stderrTail());
            }
            if (line == END) {
                ended = true;
                return Optional.empty();
            }
            return Optional.of(line);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while reading child " + name, e);
        }
    }

    /**
     * The first stdout line that matches, skipping others (log lines, say), within {@code timeout}
     * overall; fails when stdout ends or time runs out first.
     */
    public String expectLine(Predicate<String> matching, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("child " + name + ": no expected line within " + timeout + stderrTail());
            }
            Optional<String> line = nextLine(Duration.ofNanos(left));
            if (line.isEmpty()) {
                throw new AssertionError(
                        "child " + name + " ended (exit " + exitStatus() + ") before the expected line" + stderrTail());
            }
            if (matching.test(line.get())) {
                return line.get();
            }
        }
    }

    /** Every line the child wrote until its stdout ended (after {@link #kill9()}, say). */
    public List<String> remainingLines(Duration timeout) {
        List<String> lines = new ArrayList<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long left = Math.max(1, deadline - System.nanoTime());
            Optional<String> line = nextLine(Duration.ofNanos(left));
            if (line.isEmpty()) {
                return lines;
            }
            lines.add(line.get());
        }
    }

    /**
     * {@code kill -9}: SIGKILL through {@link Process#destroyForcibly()}, then waits for the child to
     * be gone; returns its exit status (137 for a SIGKILL on Linux).
     */
    public int kill9() {
        process.destroyForcibly();
        return awaitExit(Duration.ofSeconds(30));
    }

    /** {@code kill} (SIGTERM, through {@link Process#destroy()}): the JVM shuts down in order. */
    public int terminate() {
        process.destroy();
        return awaitExit(Duration.ofSeconds(30));
    }

    /** Waits at most {@code timeout} for the child to exit and returns its exit status. */
    public int awaitExit(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError("child " + name + " still running after " + timeout + stderrTail());
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for child " + name, e);
        }
    }

    private String exitStatus() {
        return process.isAlive() ? "still running" : Integer.toString(process.exitValue());
    }

    /** The last lines of the child's stderr, for failure messages. */
    public String stderrTail() {
        try {
            List<String> lines = Files.exists(stderrFile) ? Files.readAllLines(stderrFile) : List.of();
            List<String> tail = lines.subList(Math.max(0, lines.size() - 30), lines.size());
            return tail.isEmpty() ? "" : "\n--- stderr of " + name + " (tail) ---\n" + String.join("\n", tail);
        } catch (IOException e) {
            return "\n(cannot read " + stderrFile + ": " + e + ")";
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
            try {
                process.waitFor(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        try {
            stdin.close();
        } catch (IOException e) {
            // The child is gone; nothing left to flush.
        }
    }
}
