package dev.automateos.server.webhook;

import dev.automateos.server.execution.ExecutionOutcome;
import dev.automateos.server.execution.WebhookReply;
import dev.automateos.server.web.Problems;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The HTTP answers a webhook gives. Bodies are sent as bytes with their content type set here, so
 * the caller's {@code Accept} header cannot turn an accepted call into a 406.
 */
final class WebhookReplies {

    /** Headers the server owns; a Respond node already refuses them, this guards the wire anyway. */
    private static final Set<String> SERVER_HEADERS = Set.of("connection", "content-length", "transfer-encoding",
            "keep-alive", "proxy-connection", "te", "trailer", "upgrade", "host", "date", "server");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private WebhookReplies() {
    }

    static String statusUrl(UUID executionId) {
        return "/api/v1/executions/" + executionId;
    }

    /** 202: the run is committed and queued (or still running); its id and where to follow it. */
    static ResponseEntity<byte[]> accepted(UUID executionId, boolean duplicate) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("execution_id", executionId.toString());
        body.put("status_url", statusUrl(executionId));
        body.put("duplicate", duplicate);
        return ResponseEntity.status(HttpStatus.ACCEPTED).header(HttpHeaders.LOCATION, statusUrl(executionId))
                .contentType(MediaType.APPLICATION_JSON).body(JSON.writeValueAsBytes(body));
    }

    /** What a Respond node set, else the last step's output. */
    static ResponseEntity<byte[]> finished(ExecutionOutcome outcome) {
        WebhookReply reply = outcome.reply();
        if (reply == null) {
            return outcome.result() == null || outcome.result().isNull() ? ResponseEntity.noContent().build()
                    : ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                            .body(JSON.writeValueAsBytes(outcome.result()));
        }
        HttpHeaders headers = new HttpHeaders();
        Map<String, String> asked = reply.headers() == null ? Map.of() : reply.headers();
        asked.forEach((name, value) -> {
            if (!SERVER_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
                headers.set(name, value);
            }
        });
        var builder = ResponseEntity.status(reply.status()).headers(headers);
        JsonNode body = reply.body();
        if (body == null || body.isNull() && headers.getContentType() == null) {
            return builder.build();
        }
        MediaType type = headers.getContentType() != null ? headers.getContentType() : MediaType.APPLICATION_JSON;
        boolean json = type.isCompatibleWith(MediaType.APPLICATION_JSON) || type.getSubtype().endsWith("+json");
        byte[] bytes = !json && body.isString() ? body.stringValue().getBytes(type.getCharset() != null
                ? type.getCharset() : StandardCharsets.UTF_8) : JSON.writeValueAsBytes(body);
        return builder.contentType(type).body(bytes);
    }

    /** 502: the run ended without success and no Respond node answered. Names the run, not its error text. */
    static ResponseEntity<ProblemDetail> failed(ExecutionOutcome outcome, HttpServletRequest request) {
        ProblemDetail problem = Problems.build(HttpStatus.BAD_GATEWAY, "execution_failed", "The workflow run "
                + outcome.executionId() + " ended '" + outcome.status() + "'; its owner can see why in the execution "
                + "history.", List.of(), request);
        problem.setProperty("execution_id", outcome.executionId().toString());
        problem.setProperty("status_url", statusUrl(outcome.executionId()));
        problem.setProperty("execution_status", outcome.status());
        if (outcome.errorCode() != null) {
            problem.setProperty("error_code", outcome.errorCode());
        }
        return problem(HttpStatus.BAD_GATEWAY, problem, new HttpHeaders());
    }

    static ResponseEntity<ProblemDetail> problem(HttpStatusCode status, String code, String message,
                                                 HttpServletRequest request, HttpHeaders headers) {
        return problem(status, Problems.build(status, code, message, List.of(), request), headers);
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatusCode status, ProblemDetail problem,
                                                         HttpHeaders headers) {
        return ResponseEntity.status(status).headers(headers).contentType(Problems.PROBLEM_JSON).body(problem);
    }
}
