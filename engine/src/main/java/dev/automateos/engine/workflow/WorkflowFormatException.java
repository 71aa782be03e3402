package dev.automateos.engine.workflow;

/**
 * A workflow text that is not well-formed JSON or YAML. The message is meant for a person and
 * names the line and column when the parser knows them.
 */
public class WorkflowFormatException extends RuntimeException {

    private final int line;
    private final int column;

    public WorkflowFormatException(String message, int line, int column, Throwable cause) {
        super(message, cause);
        this.line = line;
        this.column = column;
    }

    /** 1-based line of the problem, or -1 when unknown. */
    public int line() {
        return line;
    }

    /** 1-based column of the problem, or -1 when unknown. */
    public int column() {
        return column;
    }
}
