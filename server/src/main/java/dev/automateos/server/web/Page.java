package dev.automateos.server.web;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a list endpoint: {@code {"items": [...], "next_cursor": "..."}}. The cursor is
 * opaque to clients and absent on the last page.
 */
public record Page<T>(List<T> items, String nextCursor) {

    public <R> Page<R> map(Function<T, R> mapper) {
        return new Page<>(items.stream().map(mapper).toList(), nextCursor);
    }

    /**
     * Builds a page from {@code limit + 1} fetched rows: the extra row only proves there is more,
     * and the cursor points after the last row returned.
     */
    public static <T> Page<T> fromOverfetch(List<T> rows, int limit, Function<T, String> cursorOf) {
        if (rows.size() <= limit) {
            return new Page<>(List.copyOf(rows), null);
        }
        List<T> page = List.copyOf(rows.subList(0, limit));
        return new Page<>(page, cursorOf.apply(page.getLast()));
    }
}
