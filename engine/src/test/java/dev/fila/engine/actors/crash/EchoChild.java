package dev.fila.engine.actors.crash;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A child for {@code ChildJvmTest}: prints {@code READY <pid>}, then echoes each stdin line as
 * {@code ECHO <line>}; its shutdown hook writes the file named by its first argument, which an
 * orderly shutdown runs and {@code kill -9} does not. Ends 5 s after the end of stdin (not at once:
 * {@link Process#destroy()} closes the pipe right after its SIGTERM, and the signal must win), or
 * after 10 minutes.
 */
public final class EchoChild {

    private EchoChild() {}

    public static void main(String[] args) throws IOException {
        Path hookMarker = Path.of(args[0]);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                Files.writeString(hookMarker, "shutdown hook ran\n");
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }));
        Thread watchdog = new Thread(() -> {
            try {
                Thread.sleep(600_000);
            } catch (InterruptedException e) {
                return;
            }
            System.exit(3);
        });
        watchdog.setDaemon(true);
        watchdog.start();
        System.out.println("READY " + ProcessHandle.current().pid());
        System.out.flush();
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line;
        while ((line = in.readLine()) != null) {
            System.out.println("ECHO " + line);
            System.out.flush();
        }
        try {
            Thread.sleep(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
