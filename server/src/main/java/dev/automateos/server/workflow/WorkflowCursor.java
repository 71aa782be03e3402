package dev.automateos.server.workflow;

import dev.automateos.server.web.ApiException;
import dev.automateos.server.web.PageRequest;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.UUID;

/** The list cursor: the {@code (updated_at, id)} of the last workflow on the previous page. */
final class WorkflowCursor {

    static final int PARTS = 2;

    private WorkflowCursor() {
    }

    static String encode(WorkflowSummary last) {
        return PageRequest.encode(last.updatedAt().toString(), last.id().toString());
    }

    static WorkflowStore.Keyset decode(PageRequest page) {
        if (page.first()) {
            return null;
        }
        try {
            return new WorkflowStore.Keyset(Instant.parse(page.after().get(0)), UUID.fromString(page.after().get(1)));
        } catch (DateTimeParseException | IllegalArgumentException e) {
            throw invalid();
        }
    }

    /** For cursors that are a single version number. */
    static Integer decodeVersion(PageRequest page) {
        if (page.first()) {
            return null;
        }
        try {
            return Integer.valueOf(page.after().getFirst());
        } catch (NumberFormatException e) {
            throw invalid();
        }
    }

    private static ApiException invalid() {
        return ApiException.invalidField("cursor", "invalid_cursor",
                "The cursor is not valid; use the next_cursor value of the previous page as it is.");
    }
}
