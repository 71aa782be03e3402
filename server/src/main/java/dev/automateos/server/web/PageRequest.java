package dev.automateos.server.web;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * {@code ?limit=&cursor=} of a list endpoint, checked. A cursor is a URL-safe base64 of
 * NUL-separated key parts (e.g. a sort value and an id); a mangled one answers 400.
 */
public record PageRequest(int limit, List<String> after) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 200;

    /**
     * @param parts how many key parts a cursor of this endpoint holds
     */
    public static PageRequest of(Integer limit, String cursor, int parts) {
        int checked = limit == null ? DEFAULT_LIMIT : limit;
        if (checked < 1 || checked > MAX_LIMIT) {
            throw ApiException.invalidField("limit", "out_of_range",
                    "limit must be between 1 and " + MAX_LIMIT + ".");
        }
        return new PageRequest(checked, cursor == null || cursor.isBlank() ? null : decode(cursor, parts));
    }

    public boolean first() {
        return after == null;
    }

    /** The rows to fetch: one more than the limit, to know whether another page exists. */
    public int fetchSize() {
        return limit + 1;
    }

    public static String encode(String... parts) {
        String joined = String.join("\u0000", parts);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(joined.getBytes(StandardCharsets.UTF_8));
    }

    private static List<String> decode(String cursor, int parts) {
        try {
            String joined = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            List<String> decoded = List.of(joined.split("\u0000", -1));
            if (decoded.size() != parts) {
                throw new IllegalArgumentException("wrong number of parts");
            }
            return decoded;
        } catch (IllegalArgumentException e) {
            throw ApiException.invalidField("cursor", "invalid_cursor",
                    "The cursor is not valid; use the next_cursor value of the previous page as it is.");
        }
    }
}
