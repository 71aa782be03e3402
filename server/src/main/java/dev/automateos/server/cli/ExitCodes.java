package dev.automateos.server.cli;

/** Exit codes every command uses, so scripts can tell failures apart. Documented in docs/cli.md. */
public final class ExitCodes {
    public static final int OK = 0;
    /** Something went wrong that is not one of the kinds below. */
    public static final int FAILURE = 1;
    /** The command line was wrong: unknown option, missing argument, bad value. */
    public static final int USAGE = 2;
    /** A setting or local file (config, key, input) is missing or wrong. */
    public static final int CONFIG = 3;
    /** Not logged in, or the token or key was refused (401/403). */
    public static final int AUTH = 4;
    /** The server refused the request as invalid or not found (other 4xx). */
    public static final int REJECTED = 5;
    /** The server failed (5xx) or could not be reached. */
    public static final int SERVER = 6;
    /** {@code run --wait} or {@code executions logs --follow} stopped waiting; the execution goes on. */
    public static final int TIMED_OUT = 7;

    private ExitCodes() {
    }
}
