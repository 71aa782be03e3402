package dev.automateos.server.webhook;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A webhook call as it arrived: method, headers (names lower-cased, in arrival order), the raw
 * query string and the raw body bytes, which signatures are computed over.
 */
record IncomingRequest(String method, Map<String, List<String>> headers, String rawQuery, byte[] body) {

    static IncomingRequest of(HttpServletRequest request) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (String name : Collections.list(request.getHeaderNames())) {
            headers.computeIfAbsent(name.toLowerCase(Locale.ROOT), n -> new ArrayList<>())
                    .addAll(Collections.list(request.getHeaders(name)));
        }
        return new IncomingRequest(request.getMethod().toUpperCase(Locale.ROOT), headers, request.getQueryString(),
                WebhookBodyFilter.body(request));
    }

    /** The first value of a header, or null. */
    String header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? null : values.getFirst();
    }
}
