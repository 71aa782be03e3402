package dev.automateos.server.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The single entry point of the distribution. {@code server} boots Spring; every other command is
 * a plain REST client that starts in a fraction of a second because it never touches Spring.
 */
@Command(name = "automateos", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "AutomateOS: a self-hosted automation hub.",
        subcommands = {ServerCommand.class, RotateKeyCommand.class, CommandLine.HelpCommand.class})
public final class Main {

    public static void main(String[] args) {
        int code = run(args);
        // `server` returns while its web server threads keep the JVM alive; only exit for the others.
        if (code != ExitCodes.OK || args.length == 0 || !"server".equals(args[0])) {
            System.exit(code);
        }
    }

    public static int run(String... args) {
        CommandLine cli = new CommandLine(new Main());
        cli.setExitCodeExceptionMapper(ex -> ExitCodes.FAILURE);
        cli.setParameterExceptionHandler((ex, ignored) -> {
            ex.getCommandLine().getErr().println("automateos: " + ex.getMessage());
            ex.getCommandLine().getErr().println("Try '" + ex.getCommandLine().getCommandSpec().qualifiedName()
                    + " --help'.");
            return ExitCodes.USAGE;
        });
        return cli.execute(args);
    }
}
