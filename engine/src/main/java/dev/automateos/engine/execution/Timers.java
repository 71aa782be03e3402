package dev.automateos.engine.execution;

/**
 * The stable ids of an execution's timers. A scheduler keys timers by (execution id, timer id), so
 * scheduling the same id twice keeps one timer.
 */
final class Timers {

    /** The execution's deadline. */
    static final String TIMEOUT = "timeout";
    private static final String RETRY = "retry:";
    private static final String WAIT = "wait:";

    private Timers() {}

    /** Due when {@code attempt} of the step may start. */
    static String retry(String stepId, int attempt) {
        return RETRY + stepId + ":" + attempt;
    }

    /** Due when the step's wait is over. */
    static String wait(String stepId) {
        return WAIT + stepId;
    }

    /** What a timer id means; null for an id this engine never issued. */
    static Parsed parse(String timerId) {
        if (TIMEOUT.equals(timerId)) {
            return new Parsed(Kind.TIMEOUT, null, 0);
        }
        if (timerId != null && timerId.startsWith(WAIT)) {
            return new Parsed(Kind.WAIT, timerId.substring(WAIT.length()), 0);
        }
        if (timerId != null && timerId.startsWith(RETRY)) {
            int colon = timerId.lastIndexOf(':');
            try {
                return new Parsed(Kind.RETRY, timerId.substring(RETRY.length(), colon),
                        Integer.parseInt(timerId.substring(colon + 1)));
            } catch (RuntimeException e) {
                return null;
            }
        }
        return null;
    }

    enum Kind { TIMEOUT, RETRY, WAIT }

    record Parsed(Kind kind, String stepId, int attempt) {}
}
