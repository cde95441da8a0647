package dev.fila.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code fila version}: prints Fila's version and the Java runtime it runs on. */
@Command(name = "version", description = "Print Fila's version and the Java runtime.")
final class VersionCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        for (String line : new FilaVersion().getVersion()) {
            spec.commandLine().getOut().println(line);
        }
        return 0;
    }
}
