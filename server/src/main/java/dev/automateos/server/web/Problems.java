package dev.automateos.server.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Builds every error body the server sends: RFC 9457 problem+json with a stable {@code code},
 * {@code errors[]} for field problems, and the {@code request_id}. Used by the MVC advice and
 * by the security filters, which run before MVC.
 */
@Component
public class Problems {

    public static final MediaType PROBLEM_JSON = MediaType.APPLICATION_PROBLEM_JSON;

    private final JsonMapper json;

    public Problems(JsonMapper json) {
        this.json = json;
    }

    public static ProblemDetail build(HttpStatusCode status, String code, String message,
                                      List<FieldProblem> errors, HttpServletRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, message);
        problem.setType(URI.create("urn:automateos:problem:" + code));
        problem.setTitle(titleFor(status));
        if (request != null) {
            problem.setInstance(URI.create(request.getRequestURI()));
        }
        problem.setProperty("code", code);
        if (!errors.isEmpty()) {
            problem.setProperty("errors", errors);
        }
        problem.setProperty("request_id", RequestIdFilter.currentRequestId(request));
        return problem;
    }

    /** Writes a problem straight to the response, for code that runs outside Spring MVC. */
    public void write(HttpServletRequest request, HttpServletResponse response, HttpStatusCode status,
                      String code, String message) throws IOException {
        write(response, status, build(status, code, message, List.of(), request));
    }

    /** The same for an {@link ApiException}, with its field problems. */
    public void write(HttpServletRequest request, HttpServletResponse response, ApiException e) throws IOException {
        write(response, e.status(), build(e.status(), e.code(), e.getMessage(), e.errors(), request));
    }

    /** Writes a built problem as the response body. */
    public void write(HttpServletResponse response, HttpStatusCode status, ProblemDetail problem) throws IOException {
        response.setStatus(status.value());
        response.setContentType(PROBLEM_JSON.toString());
        json.writeValue(response.getOutputStream(), problem);
    }

    private static String titleFor(HttpStatusCode status) {
        var known = org.springframework.http.HttpStatus.resolve(status.value());
        return known != null ? known.getReasonPhrase() : "Error";
    }
}
