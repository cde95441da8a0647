package dev.fila.engine.actors.crash;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The crash harness: a child JVM on the test class path, talked to by lines, killed with kill -9. */
class ChildJvmTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @Test
    void aChildRunsOnTheTestClassPathAndAnswersByLines(@TempDir Path dir) throws Exception {
        try (ChildJvm child = start(dir)) {
            String ready = child.expectLine(l -> l.startsWith("READY "), TIMEOUT);
            assertThat(Long.parseLong(ready.substring(6))).isEqualTo(child.pid());
            child.send("hello");
            child.send("world");
            assertThat(child.expectLine(l -> l.startsWith("ECHO "), TIMEOUT)).isEqualTo("ECHO hello");
            assertThat(child.expectLine(l -> l.startsWith("ECHO "), TIMEOUT)).isEqualTo("ECHO world");
        }
    }

    @Test
    void kill9SendsSigkillSoTheChildRunsNoShutdownHook(@TempDir Path dir) throws Exception {
        try (ChildJvm child = start(dir)) {
            child.expectLine(l -> l.startsWith("READY "), TIMEOUT);
            child.send("before the kill");
            child.expectLine(l -> l.equals("ECHO before the kill"), TIMEOUT);

            int status = child.kill9();

            assertThat(status).as("128 + SIGKILL (9)").isEqualTo(137);
            assertThat(child.isAlive()).isFalse();
            assertThat(ProcessHandle.of(child.pid()).map(ProcessHandle::isAlive))
                    .isNotEqualTo(java.util.Optional.of(true));
            assertThat(child.remainingLines(TIMEOUT)).isEmpty();
            assertThat(dir.resolve("hook-ran"))
                    .as("no shutdown hook after SIGKILL")
                    .doesNotExist();
        }
    }

    @Test
    void terminateIsAnOrderlyShutdownThatRunsTheHook(@TempDir Path dir) throws Exception {
        // The contrast that makes the test above meaningful: SIGTERM does run the hook.
        try (ChildJvm child = start(dir)) {
            child.expectLine(l -> l.startsWith("READY "), TIMEOUT);

            int status = child.terminate();

            assertThat(status).as("128 + SIGTERM (15)").isEqualTo(143);
            assertThat(Files.readString(dir.resolve("hook-ran"))).contains("shutdown hook ran");
        }
    }

    @Test
    void aKilledChildCanBeStartedAgain(@TempDir Path dir) throws Exception {
        long firstPid;
        try (ChildJvm first = start(dir)) {
            first.expectLine(l -> l.startsWith("READY "), TIMEOUT);
            firstPid = first.pid();
            first.kill9();
        }
        try (ChildJvm second = start(dir)) {
            second.expectLine(l -> l.startsWith("READY "), TIMEOUT);
            assertThat(second.pid()).isNotEqualTo(firstPid);
            second.send("again");
            assertThat(second.expectLine(l -> l.startsWith("ECHO "), TIMEOUT)).isEqualTo("ECHO again");
        }
    }

    private static ChildJvm start(Path dir) throws Exception {
        return ChildJvm.start(
                "echo",
                EchoChild.class,
                List.of(),
                List.of(dir.resolve("hook-ran").toString()),
                Map.of(),
                dir);
    }
}
