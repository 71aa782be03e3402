package dev.automateos.server.auth;

import dev.automateos.server.web.Problems;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Renders {@link LoginRefused} like every other problem, plus the {@code Retry-After} header
 * the shared advice cannot add. Ordered first, and it handles only this one type, so every
 * other exception still reaches the shared {@code ProblemAdvice}.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class AuthProblemAdvice {

    @ExceptionHandler(LoginRefused.class)
    ResponseEntity<ProblemDetail> refused(LoginRefused e, HttpServletRequest request) {
        ProblemDetail problem = Problems.build(e.status(), e.code(), e.getMessage(), List.of(), request);
        if (e.lockedUntil() != null) {
            problem.setProperty("locked_until", e.lockedUntil().toString());
        }
        return ResponseEntity.status(e.status())
                .header(HttpHeaders.RETRY_AFTER, Long.toString(LoginRefused.seconds(e.retryAfter())))
                .contentType(Problems.PROBLEM_JSON)
                .body(problem);
    }
}
