package dev.automateos.server.cli;

import java.util.List;

/**
 * A failure a command reports to the user: one message, optional detail lines (field errors, the
 * request id, a hint) and the exit code scripts see. Main prints it on stderr, without a stack trace.
 */
final class CliException extends RuntimeException {

    private final int exitCode;
    private final List<String> details;

    CliException(int exitCode, String message) {
        this(exitCode, message, List.of());
    }

    CliException(int exitCode, String message, List<String> details) {
        super(message, null, false, false);
        this.exitCode = exitCode;
        this.details = List.copyOf(details);
    }

    static CliException notLoggedIn() {
        return new CliException(ExitCodes.CONFIG, "Not logged in: run 'automateos login'.");
    }

    static CliException usage(String message) {
        return new CliException(ExitCodes.USAGE, message);
    }

    static CliException input(String message) {
        return new CliException(ExitCodes.CONFIG, message);
    }

    int exitCode() {
        return exitCode;
    }

    List<String> details() {
        return details;
    }
}
