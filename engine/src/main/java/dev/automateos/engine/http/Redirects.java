package dev.automateos.engine.http;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * The request a redirect response asks for. 303, and 301/302 after a POST, become a GET without a
 * body (what browsers do); 307 and 308 repeat the method and body. When the origin (scheme, host or
 * port) changes, only harmless headers travel on: the request may carry credentials in headers whose
 * names this class cannot know (an API key in {@code X-Api-Key}), so it keeps an allow list rather
 * than removing a deny list.
 */
final class Redirects {

    private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);
    private static final Set<String> CROSS_ORIGIN_HEADERS =
            Set.of("accept", "accept-language", "user-agent", "idempotency-key", "content-type");
    private static final Set<String> BODY_HEADERS = Set.of("content-type", "content-encoding", "content-language");

    private Redirects() {}

    static boolean isRedirect(HttpResponse<?> response) {
        return REDIRECTS.contains(response.statusCode()) && response.headers().firstValue("location").isPresent();
    }

    /** Where a redirect points, resolved against the request. Throws IllegalArgumentException for a malformed Location. */
    static URI target(HttpRequest request, HttpResponse<?> response) {
        return request.uri().resolve(response.headers().firstValue("location").orElseThrow().strip());
    }

    /** The request to send to {@code target}, which the caller has checked. */
    static HttpRequest follow(HttpRequest request, HttpResponse<?> response, URI target) {
        boolean sameOrigin = sameOrigin(request.uri(), target);
        int status = response.statusCode();
        boolean toGet = status == 303 && !request.method().equals("HEAD")
                || (status == 301 || status == 302) && request.method().equals("POST");
        HttpRequest.Builder next = HttpRequest.newBuilder(request, (name, value) -> {
            String n = name.toLowerCase(Locale.ROOT);
            if (toGet && BODY_HEADERS.contains(n)) {
                return false;
            }
            return sameOrigin || CROSS_ORIGIN_HEADERS.contains(n);
        }).uri(target);
        if (toGet) {
            next.GET();
        }
        return next.build();
    }

    static boolean sameOrigin(URI a, URI b) {
        return Objects.equals(lower(a.getScheme()), lower(b.getScheme()))
                && Objects.equals(lower(a.getHost()), lower(b.getHost()))
                && port(a) == port(b);
    }

    private static int port(URI uri) {
        if (uri.getPort() >= 0) {
            return uri.getPort();
        }
        return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }

    private static String lower(String s) {
        return s == null ? null : s.toLowerCase(Locale.ROOT);
    }
}
