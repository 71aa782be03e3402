package dev.automateos.server.cli;

import java.lang.reflect.Constructor;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The single entry point of the distribution. The process commands ({@code standalone},
 * {@code server}, {@code worker}, {@code scheduler}) boot Spring; every other command is
 * a plain REST client that starts in a fraction of a second because it never touches Spring
 * (ClientStartupTest checks that no Spring class is loaded).
 */
@Command(name = "automateos", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "AutomateOS: a self-hosted automation hub.")
public final class Main {

    /**
     * Every command, in the order help lists them. picocli builds a command's model by reflection,
     * which costs time and resolves the types in its method signatures (a Spring type there loads
     * Spring). So only the commands named on the command line get their real model; the others
     * are stand-ins with the same name and description, enough for {@code --help}. ClientStartupTest
     * checks that client commands load no Spring class.
     */
    private static final List<Class<?>> COMMANDS = List.of(
            ProcessCommand.Standalone.class,
            ProcessCommand.Server.class,
            ProcessCommand.Worker.class,
            ProcessCommand.Scheduler.class,
            RotateKeyCommand.class,
            LoginCommand.class,
            LogoutCommand.class,
            WorkflowsCommand.class,
            RunCommand.class,
            TriggersCommand.class,
            ExecutionsCommand.class,
            CredentialsCommand.class,
            UsersCommand.class,
            ApiKeysCommand.class,
            SystemCommand.class,
            QueueCommand.class,
            CompletionCommand.class);

    public static void main(String[] args) {
        int code = run(args);
        // A process command returns while its web server threads keep the JVM alive; only exit for the others.
        if (code != ExitCodes.OK || args.length == 0 || !ProcessCommand.NAMES.contains(args[0])) {
            System.exit(code);
        }
    }

    public static int run(String... args) {
        return run(CliEnvironment.system(), args);
    }

    /** Runs one command against the given streams, terminal and config directory (tests pass their own). */
    static int run(CliEnvironment env, String... args) {
        Factory factory = new Factory(env);
        CommandLine cli = new CommandLine(new Main(), factory);
        addSubcommands(cli, factory, List.of(args));
        cli.setOut(env.out());
        cli.setErr(env.err());
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setExitCodeExceptionMapper(ex -> ExitCodes.FAILURE);
        cli.setParameterExceptionHandler((ex, ignored) -> {
            ex.getCommandLine().getErr().println("automateos: " + ex.getMessage());
            ex.getCommandLine().getErr().println("Try '" + ex.getCommandLine().getCommandSpec().qualifiedName()
                    + " --help'.");
            return ExitCodes.USAGE;
        });
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> report(env, ex));
        try {
            return cli.execute(args);
        } finally {
            env.out().flush();
            env.err().flush();
        }
    }

    private static void addSubcommands(CommandLine cli, Factory factory, List<String> args) {
        boolean everything = args.contains("completion"); // the script covers every option of every command
        for (Class<?> type : COMMANDS) {
            Command command = type.getAnnotation(Command.class);
            if (everything || args.contains(command.name())) {
                cli.addSubcommand(command.name(), new CommandLine(type, factory));
            } else {
                CommandSpec standIn = CommandSpec.create().name(command.name());
                standIn.usageMessage().description(command.description());
                cli.addSubcommand(command.name(), standIn);
            }
        }
        cli.addSubcommand(new CommandLine(CommandLine.HelpCommand.class, factory));
    }

    private static int report(CliEnvironment env, Exception ex) {
        if (ex instanceof CliException failure) {
            env.err().println("automateos: " + Table.clean(failure.getMessage()));
            failure.details().forEach(line -> env.err().println("  " + Table.clean(line)));
            return failure.exitCode();
        }
        env.err().println("automateos: unexpected error: " + ex);
        return ExitCodes.FAILURE;
    }

    /** Hands the environment to every command that takes one, so none reads System.* itself. */
    private record Factory(CliEnvironment env) implements CommandLine.IFactory {
        @Override
        public <K> K create(Class<K> type) throws Exception {
            try {
                Constructor<K> constructor = type.getDeclaredConstructor(CliEnvironment.class);
                return constructor.newInstance(env);
            } catch (NoSuchMethodException noEnvironment) {
                return CommandLine.defaultFactory().create(type);
            }
        }
    }
}
