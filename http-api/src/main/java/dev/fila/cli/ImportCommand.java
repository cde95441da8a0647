package dev.fila.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code fila import FORMAT …}: turns recorded logs into Fila load (and staffing) files. */
@Command(
        name = "import",
        description = "Import a recorded log as a Fila load CSV.",
        subcommands = {ImportAnonymousBankCommand.class})
final class ImportCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
