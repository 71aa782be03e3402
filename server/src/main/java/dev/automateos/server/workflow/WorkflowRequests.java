package dev.automateos.server.workflow;

import dev.automateos.server.web.ApiException;

/** Checks for the query parameters and headers the workflow endpoints share. */
final class WorkflowRequests {

    static final int MAX_MESSAGE = 500;

    private WorkflowRequests() {
    }

    /** {@code ?active=} strictly: only {@code true} or {@code false}, never "yes" or "1". */
    static Boolean active(String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        return switch (value) {
            case "true" -> true;
            case "false" -> false;
            default -> throw ApiException.invalidField("active", "invalid_value", "active must be true or false.");
        };
    }

    /** Empty filters mean no filter, so a form can send {@code ?name=} without narrowing the list. */
    static String filter(String value) {
        return value == null || value.isEmpty() ? null : value;
    }

    static String message(String message) {
        if (message != null && message.length() > MAX_MESSAGE) {
            throw ApiException.invalidField("message", "too_long", "message has at most " + MAX_MESSAGE + " characters.");
        }
        return message == null || message.isBlank() ? null : message;
    }

    /**
     * The version an {@code If-Match} header asks for: {@code 3}, {@code "3"} or {@code W/"3"};
     * {@code null} when absent or {@code *}.
     */
    static Integer ifMatch(String header) {
        if (header == null || header.isBlank() || header.trim().equals("*")) {
            return null;
        }
        String tag = header.trim();
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        if (tag.length() >= 2 && tag.startsWith("\"") && tag.endsWith("\"")) {
            tag = tag.substring(1, tag.length() - 1);
        }
        try {
            return Integer.valueOf(tag);
        } catch (NumberFormatException e) {
            throw ApiException.invalidField("If-Match", "invalid_value",
                    "If-Match must hold the version number you last read, like \"3\".");
        }
    }

    static String etag(int version) {
        return "\"" + version + "\"";
    }

    static int version(String name, Integer value) {
        if (value == null || value < 1) {
            throw ApiException.invalidField(name, "invalid_value", name + " must be a version number of 1 or more.");
        }
        return value;
    }
}
