package dev.fila.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher's JDK choice ({@code bin/java-home.sh}, used by {@code ./fila} and {@code .ci/run}):
 * JAVA_HOME when it is a JDK 21 or newer, else the newest JDK under the JVM folder, else a clear error.
 * Runs the real script in bash against fake JDK folders.
 */
class LauncherJdkChoiceTest {

    private static final Path SCRIPT =
            Path.of("..", "bin", "java-home.sh").toAbsolutePath().normalize();

    @TempDir
    Path jvms;

    private Path fakeJdk(String name, int feature) throws IOException {
        Path home = jvms.resolve(name);
        Files.createDirectories(home.resolve("bin"));
        Path javac = home.resolve("bin/javac");
        Files.writeString(javac, "#!/bin/sh\nexit 0\n");
        Files.setPosixFilePermissions(javac, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.writeString(home.resolve("release"), "JAVA_VERSION=\"" + feature + ".0.2\"\n");
        return home;
    }

    private record Outcome(int exit, String out, String err) {}

    private Outcome pick(String javaHome) throws Exception {
        ProcessBuilder builder =
                new ProcessBuilder("bash", "-c", ". \"$0\" && fila_pick_jdk && echo \"$JAVA_HOME\"", SCRIPT.toString());
        Map<String, String> env = builder.environment();
        env.remove("JAVA_HOME");
        if (javaHome != null) {
            env.put("JAVA_HOME", javaHome);
        }
        env.put("FILA_JVM_DIR", jvms.toString());
        Process process = builder.start();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return new Outcome(
                process.exitValue(),
                new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip(),
                new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8).strip());
    }

    @Test
    void withoutJavaHomeTheNewestJdkOfTwentyOneOrMoreIsChosen() throws Exception {
        fakeJdk("jdk-17", 17);
        fakeJdk("jdk-21", 21);
        Path newest = fakeJdk("jdk-25", 25);
        Outcome outcome = pick(null);
        assertThat(outcome.exit()).isZero();
        assertThat(outcome.out()).isEqualTo(newest.toString());
    }

    @Test
    void aJavaHomeOfTwentyOneOrMoreIsKept() throws Exception {
        Path chosen = fakeJdk("jdk-21", 21);
        fakeJdk("jdk-25", 25);
        assertThat(pick(chosen.toString()).out()).isEqualTo(chosen.toString());
    }

    @Test
    void aTooOldJavaHomeIsSetAsideWithAMessage() throws Exception {
        Path old = fakeJdk("jdk-17", 17);
        Path newer = fakeJdk("jdk-22", 22);
        Outcome outcome = pick(old.toString());
        assertThat(outcome.out()).isEqualTo(newer.toString());
        assertThat(outcome.err()).contains("is not a JDK 21 or newer");
    }

    @Test
    void withNoSuitableJdkTheLauncherSaysSoClearly() throws Exception {
        Path old = fakeJdk("jdk-17", 17);
        Outcome outcome = pick(old.toString());
        assertThat(outcome.exit()).isEqualTo(1);
        assertThat(outcome.err()).contains("no JDK 21 or newer found");
    }
}
