package dev.automateos.server.cli;

import java.io.Console;

/** The user's terminal, for prompts. Secrets are read without echo and never come from flags. */
interface Terminal {

    /** True when a person can answer prompts (stdin and stdout are a terminal). */
    boolean interactive();

    /** Prompts and reads one line, echoed. Returns null at end of input. */
    String readLine(String prompt);

    /** Prompts and reads one line without echo. Returns null at end of input. */
    char[] readSecret(String prompt);

    static Terminal system() {
        Console console = System.console();
        return console != null && isTerminal(console) ? new ConsoleTerminal(console) : NONE;
    }

    /** No terminal: scripts, pipes, CI. Every prompt fails, so commands ask for flags or stdin instead. */
    Terminal NONE = new Terminal() {
        @Override
        public boolean interactive() {
            return false;
        }

        @Override
        public String readLine(String prompt) {
            return null;
        }

        @Override
        public char[] readSecret(String prompt) {
            return null;
        }
    };

    private static boolean isTerminal(Console console) {
        // JDK 22+ may hand out a Console for redirected streams; Console.isTerminal() tells them apart.
        try {
            return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException e) {
            return true;
        }
    }

    record ConsoleTerminal(Console console) implements Terminal {
        @Override
        public boolean interactive() {
            return true;
        }

        @Override
        public String readLine(String prompt) {
            return console.readLine("%s", prompt);
        }

        @Override
        public char[] readSecret(String prompt) {
            return console.readPassword("%s", prompt);
        }
    }
}
