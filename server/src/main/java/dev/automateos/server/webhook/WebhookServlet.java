package dev.automateos.server.webhook;

import dev.automateos.server.web.ApiException;
import dev.automateos.server.web.Problems;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.TransactionException;

/**
 * The public webhook URLs, served by a servlet of their own rather than through Spring MVC: a
 * webhook call is the hot path of the product, and MVC's handler matching, argument resolution
 * and message conversion were a fifth of its cost, for a route this simple. Each URL accepts any
 * method here; the workflow's trigger config decides which ones it takes (others answer 405).
 * Unknown, inactive and malformed addresses all answer the same 404. Errors are the same
 * problem+json as everywhere else.
 *
 * <ul>
 *   <li>{@code /webhook/{token}}: the live URL;</li>
 *   <li>{@code /webhook-test/{token}}: runs the current version whether or not it is active;</li>
 *   <li>{@code /webhook/u/{username}/{custom path}}: a custom path (several segments allowed).</li>
 * </ul>
 */
class WebhookServlet extends HttpServlet {

    static final String LIVE = "/webhook";
    static final String TEST = "/webhook-test";
    private static final Logger log = LoggerFactory.getLogger(WebhookServlet.class);
    private static final String CUSTOM_PREFIX = "/u/";

    private final transient JdbcWebhookStore store;
    private final transient WebhookReceiver receiver;
    private final transient Problems problems;

    WebhookServlet(JdbcWebhookStore store, WebhookReceiver receiver, Problems problems) {
        this.store = store;
        this.receiver = receiver;
        this.problems = problems;
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        try {
            write(answer(request), response);
        } catch (ApiException e) {
            problems.write(request, response, e);
        } catch (DataAccessException | TransactionException e) {
            storeDown(request, response, e);
        } catch (RuntimeException e) {
            log.error("Unexpected error on {} {}", request.getMethod(), request.getRequestURI(), e);
            problems.write(request, response, HttpStatus.INTERNAL_SERVER_ERROR, "internal_error",
                    "Something went wrong on the server. Quote the request id when you report it.");
        }
    }

    private ResponseEntity<?> answer(HttpServletRequest request) {
        String path = request.getPathInfo() == null ? "" : request.getPathInfo();
        if (TEST.equals(request.getServletPath())) {
            return receiver.receive(WebhookReceiver.Route.TEST, byToken(path), request);
        }
        if (path.startsWith(CUSTOM_PREFIX)) {
            return receiver.receive(WebhookReceiver.Route.LIVE, byCustomPath(path.substring(CUSTOM_PREFIX.length())),
                    request);
        }
        return receiver.receive(WebhookReceiver.Route.LIVE, byToken(path), request);
    }

    /** {@code /{token}}: one segment, and well-formed, or nothing is looked up. */
    private Optional<WebhookTarget> byToken(String path) {
        String token = path.startsWith("/") ? path.substring(1) : path;
        return WebhookTokens.wellFormed(token) ? store.byToken(token) : Optional.empty();
    }

    /** {@code {username}/{custom path}}: usernames are stored lower-cased, so any case matches. */
    private Optional<WebhookTarget> byCustomPath(String rest) {
        int slash = rest.indexOf('/');
        if (slash <= 0 || slash == rest.length() - 1) {
            return Optional.empty();
        }
        return store.byCustomPath(rest.substring(0, slash).toLowerCase(Locale.ROOT), rest.substring(slash + 1));
    }

    private void write(ResponseEntity<?> answer, HttpServletResponse response) throws IOException {
        response.setStatus(answer.getStatusCode().value());
        answer.getHeaders().forEach((name, values) -> values.forEach(value -> response.addHeader(name, value)));
        switch (answer.getBody()) {
            case null -> { }
            case byte[] bytes -> {
                response.setContentLength(bytes.length);
                response.getOutputStream().write(bytes);
            }
            case ProblemDetail problem -> problems.write(response, answer.getStatusCode(), problem);
            default -> throw new IllegalStateException("Unexpected webhook body " + answer.getBody().getClass());
        }
    }

    /** The database is unreachable: nothing was accepted, so the sender should retry later. */
    private void storeDown(HttpServletRequest request, HttpServletResponse response, Exception e) throws IOException {
        log.warn("Webhook call on {} refused: the database is unavailable ({})", request.getRequestURI(),
                e.getClass().getSimpleName());
        response.setHeader(HttpHeaders.RETRY_AFTER, "5");
        problems.write(request, response, HttpStatus.SERVICE_UNAVAILABLE, "service_unavailable",
                "The call was not accepted because storage is unavailable; send it again later.");
    }

    /** The URL patterns this servlet serves. */
    static List<String> mappings() {
        return List.of(LIVE + "/*", TEST + "/*");
    }
}
