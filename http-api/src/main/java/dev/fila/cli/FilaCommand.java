package dev.fila.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code fila} command line: the entry point of the launcher script at the repository root. */
@Command(
        name = "fila",
        mixinStandardHelpOptions = true,
        versionProvider = FilaVersion.class,
        description = "Fila: support-queue engine and staffing simulator.",
        subcommands = {
            VersionCommand.class,
            SimulateCommand.class,
            ErlangCommand.class,
            ImportCommand.class,
            StaffCommand.class,
            ValidateCommand.class,
            CommandLine.HelpCommand.class
        })
public final class FilaCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new FilaCommand()).execute(args));
    }
}
