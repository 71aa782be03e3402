package dev.automateos.server.webhook;

import jakarta.servlet.http.HttpServletRequest;
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
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The public webhook URLs. Each accepts any method here; the workflow's trigger config decides
 * which ones it takes (others answer 405). Unknown, inactive and malformed addresses all answer
 * the same 404.
 */
@RestController
class WebhookController {

    private static final Logger log = LoggerFactory.getLogger(WebhookController.class);
    private static final String CUSTOM_PREFIX = "/webhook/u/";

    private final JdbcWebhookStore store;
    private final WebhookReceiver receiver;

    WebhookController(JdbcWebhookStore store, WebhookReceiver receiver) {
        this.store = store;
        this.receiver = receiver;
    }

    @RequestMapping("/webhook/{token}")
    ResponseEntity<?> live(@PathVariable String token, HttpServletRequest request) {
        return receiver.receive(WebhookReceiver.Route.LIVE, byToken(token), request);
    }

    @RequestMapping("/webhook-test/{token}")
    ResponseEntity<?> test(@PathVariable String token, HttpServletRequest request) {
        return receiver.receive(WebhookReceiver.Route.TEST, byToken(token), request);
    }

    /** {@code /webhook/u/{username}/{custom path}}: the path may have several segments. */
    @RequestMapping("/webhook/u/{username}/**")
    ResponseEntity<?> custom(@PathVariable String username, HttpServletRequest request) {
        String uri = request.getRequestURI().substring(request.getContextPath().length());
        String rest = uri.substring(CUSTOM_PREFIX.length());
        int slash = rest.indexOf('/');
        String path = slash < 0 ? "" : rest.substring(slash + 1);
        Optional<WebhookTarget> target = path.isEmpty() ? Optional.empty()
                : store.byCustomPath(username.toLowerCase(Locale.ROOT), path);
        return receiver.receive(WebhookReceiver.Route.LIVE, target, request);
    }

    private Optional<WebhookTarget> byToken(String token) {
        return WebhookTokens.wellFormed(token) ? store.byToken(token) : Optional.empty();
    }

    /** The database is unreachable: nothing was accepted, so the sender should retry later. */
    @ExceptionHandler({DataAccessException.class, TransactionException.class})
    ResponseEntity<ProblemDetail> storeDown(Exception e, HttpServletRequest request) {
        log.warn("Webhook call on {} refused: the database is unavailable ({})", request.getRequestURI(),
                e.getClass().getSimpleName());
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.RETRY_AFTER, "5");
        return WebhookReplies.problem(HttpStatus.SERVICE_UNAVAILABLE, "service_unavailable",
                "The call was not accepted because storage is unavailable; send it again later.", request, headers);
    }
}
