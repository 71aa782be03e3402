package dev.automateos.server.cli;

import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** Prints a bash completion script; it works in zsh too, through bashcompinit. See docs/cli.md. */
@Command(name = "completion", mixinStandardHelpOptions = true,
        description = {"Print a shell completion script for bash and zsh.",
            "Try it:  source <(automateos completion)",
            "Keep it: automateos completion > ~/.local/share/bash-completion/completions/automateos"})
final class CompletionCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    private final CliEnvironment env;

    CompletionCommand(CliEnvironment env) {
        this.env = env;
    }

    @Override
    public Integer call() {
        env.out().print(AutoComplete.bash(spec.root().name(), spec.root().commandLine()));
        env.out().flush();
        return ExitCodes.OK;
    }
}
