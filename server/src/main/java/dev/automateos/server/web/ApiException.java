package dev.automateos.server.web;

import java.util.List;
import org.springframework.http.HttpStatus;

/**
 * A failure the client can act on. The {@code code} is stable and documented in docs/api.md;
 * the message is for a person. Rendered as RFC 9457 problem+json by {@link ProblemAdvice}.
 */
public class ApiException extends RuntimeException {

    private final HttpStatus status;
    private final String code;
    private final List<FieldProblem> errors;

    public ApiException(HttpStatus status, String code, String message) {
        this(status, code, message, List.of());
    }

    public ApiException(HttpStatus status, String code, String message, List<FieldProblem> errors) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
        this.errors = List.copyOf(errors);
    }

    public HttpStatus status() {
        return status;
    }

    public String code() {
        return code;
    }

    public List<FieldProblem> errors() {
        return errors;
    }

    /** The resource does not exist, or belongs to someone else: the two look the same on purpose. */
    public static ApiException notFound(String what) {
        return new ApiException(HttpStatus.NOT_FOUND, "not_found", what + " was not found.");
    }

    public static ApiException badRequest(String code, String message) {
        return new ApiException(HttpStatus.BAD_REQUEST, code, message);
    }

    public static ApiException invalidField(String path, String code, String message) {
        return new ApiException(HttpStatus.BAD_REQUEST, "validation_failed", message,
                List.of(new FieldProblem(path, code, message)));
    }

    public static ApiException validation(List<FieldProblem> errors) {
        String summary = errors.size() == 1 ? errors.getFirst().message()
                : errors.size() + " fields are invalid; see errors[].";
        return new ApiException(HttpStatus.BAD_REQUEST, "validation_failed", summary, errors);
    }

    public static ApiException conflict(String code, String message) {
        return new ApiException(HttpStatus.CONFLICT, code, message);
    }

    public static ApiException forbidden(String code, String message) {
        return new ApiException(HttpStatus.FORBIDDEN, code, message);
    }

    public static ApiException unauthorized(String code, String message) {
        return new ApiException(HttpStatus.UNAUTHORIZED, code, message);
    }
}
