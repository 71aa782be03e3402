package dev.automateos.server.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * The one place that turns exceptions into problem+json. Client mistakes map to 4xx with a
 * stable code; anything unexpected is a 500 that names only the request id, never internals.
 */
@RestControllerAdvice
public class ProblemAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemAdvice.class);

    @ExceptionHandler(ApiException.class)
    ResponseEntity<ProblemDetail> api(ApiException e, HttpServletRequest request) {
        return respond(e.status(), e.code(), e.getMessage(), e.errors(), request);
    }

    @ExceptionHandler({AccessDeniedException.class, AuthorizationDeniedException.class})
    ResponseEntity<ProblemDetail> denied(Exception e, HttpServletRequest request) {
        return respond(HttpStatus.FORBIDDEN, "forbidden", "You are not allowed to do this.", List.of(), request);
    }

    @ExceptionHandler(BodySizeLimitFilter.BodyTooLargeException.class)
    ResponseEntity<ProblemDetail> tooLarge(Exception e, HttpServletRequest request) {
        return respond(HttpStatus.CONTENT_TOO_LARGE, "body_too_large", e.getMessage(), List.of(), request);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e, HttpServletRequest request) {
        log.error("Unexpected error on {} {}", request.getMethod(), request.getRequestURI(), e);
        return respond(HttpStatus.INTERNAL_SERVER_ERROR, "internal_error",
                "Something went wrong on the server. Quote request id " + RequestIdFilter.currentRequestId(request)
                        + " when you report it.", List.of(), request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        Throwable cause = relevantCause(e);
        if (cause instanceof BodySizeLimitFilter.BodyTooLargeException tooLarge) {
            return body(HttpStatus.CONTENT_TOO_LARGE, "body_too_large", tooLarge.getMessage(), List.of(), request);
        }
        if (cause instanceof UnrecognizedPropertyException unknown) {
            String path = pointer(unknown);
            return body(HttpStatus.BAD_REQUEST, "validation_failed", "Unknown field '" + unknown.getPropertyName() + "'.",
                    List.of(new FieldProblem(path, "unknown_field", "This field is not allowed here.")), request);
        }
        if (cause instanceof InvalidFormatException || cause instanceof MismatchedInputException) {
            JacksonException mismatch = (JacksonException) cause;
            String path = pointer(mismatch);
            String message = cause instanceof InvalidFormatException invalid
                    ? "The value '" + invalid.getValue() + "' has the wrong type or format."
                    : "This value has the wrong type.";
            if (cause instanceof MismatchedInputException mi && mi.getTargetType() != null) {
                message = "Expected " + describe(mi.getTargetType()) + ".";
            }
            return body(HttpStatus.BAD_REQUEST, "validation_failed", message,
                    List.of(new FieldProblem(path, "invalid_type", message)), request);
        }
        if (cause instanceof StreamReadException malformed) {
            var location = malformed.getLocation();
            String where = location == null ? "" : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
            return body(HttpStatus.BAD_REQUEST, "malformed_body", "The request body is not valid JSON" + where + ".",
                    List.of(), request);
        }
        if (cause instanceof DatabindException invalid && !invalid.getPath().isEmpty()) {
            String message = "This value is not valid here.";
            return body(HttpStatus.BAD_REQUEST, "validation_failed", message,
                    List.of(new FieldProblem(pointer(invalid), "invalid_value", message)), request);
        }
        return body(HttpStatus.BAD_REQUEST, "malformed_body", "The request body is missing or cannot be read.",
                List.of(), request);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldProblem> errors = new ArrayList<>();
        e.getBindingResult().getFieldErrors().forEach(fe -> errors.add(new FieldProblem(
                "/" + fe.getField().replace('.', '/').replaceAll("\\[(\\d+)]", "/$1"),
                "invalid_value", fe.getDefaultMessage())));
        e.getBindingResult().getGlobalErrors().forEach(ge -> errors.add(new FieldProblem("", "invalid_value",
                ge.getDefaultMessage())));
        ApiException problem = ApiException.validation(errors);
        return body(HttpStatus.BAD_REQUEST, problem.code(), problem.getMessage(), errors, request);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldProblem> errors = new ArrayList<>();
        e.getParameterValidationResults().forEach(result -> result.getResolvableErrors().forEach(error ->
                errors.add(new FieldProblem(result.getMethodParameter().getParameterName(), "invalid_value",
                        error.getDefaultMessage()))));
        ApiException problem = ApiException.validation(errors);
        return body(HttpStatus.BAD_REQUEST, problem.code(), problem.getMessage(), errors, request);
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException e, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        String name = e.getPropertyName() != null ? e.getPropertyName() : "parameter";
        String expected = e.getRequiredType() != null ? describe(e.getRequiredType()) : "another type";
        String message = "'" + e.getValue() + "' is not valid for " + name + ": expected " + expected + ".";
        return body(HttpStatus.BAD_REQUEST, "validation_failed", message,
                List.of(new FieldProblem(name, "invalid_type", message)), request);
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String message = "The query parameter '" + e.getParameterName() + "' is required.";
        return body(HttpStatus.BAD_REQUEST, "validation_failed", message,
                List.of(new FieldProblem(e.getParameterName(), "required", message)), request);
    }

    @Override
    protected ResponseEntity<Object> handleNoResourceFoundException(NoResourceFoundException e, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        return body(HttpStatus.NOT_FOUND, "not_found", "There is nothing at this address.", List.of(), request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpRequestMethodNotSupported(HttpRequestMethodNotSupportedException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        HttpHeaders allow = new HttpHeaders();
        if (e.getSupportedHttpMethods() != null) {
            allow.setAllow(e.getSupportedHttpMethods());
        }
        return body(HttpStatus.METHOD_NOT_ALLOWED, "method_not_allowed",
                "This address does not accept " + e.getMethod() + ".", List.of(), request, allow);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMediaTypeNotSupported(HttpMediaTypeNotSupportedException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return body(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type",
                "Content-Type " + e.getContentType() + " is not accepted here; send one of " + e.getSupportedMediaTypes()
                        + ".", List.of(), request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMediaTypeNotAcceptable(HttpMediaTypeNotAcceptableException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return body(HttpStatus.NOT_ACCEPTABLE, "not_acceptable",
                "This resource cannot be returned in the requested format.", List.of(), request);
    }

    /** Catches the standard Spring MVC exceptions this class does not map by name. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception e, Object body, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        String code = status.is4xxClientError() ? "bad_request" : "internal_error";
        String message = body instanceof ProblemDetail pd && pd.getDetail() != null ? pd.getDetail() : e.getMessage();
        return body(status, code, message, List.of(), request, headers);
    }

    private ResponseEntity<ProblemDetail> respond(HttpStatusCode status, String code, String message,
            List<FieldProblem> errors, HttpServletRequest request) {
        return ResponseEntity.status(status).contentType(Problems.PROBLEM_JSON)
                .body(Problems.build(status, code, message, errors, request));
    }

    private ResponseEntity<Object> body(HttpStatusCode status, String code, String message, List<FieldProblem> errors,
            WebRequest request) {
        return body(status, code, message, errors, request, HttpHeaders.EMPTY);
    }

    private ResponseEntity<Object> body(HttpStatusCode status, String code, String message, List<FieldProblem> errors,
            WebRequest request, HttpHeaders headers) {
        HttpServletRequest servlet = ((NativeWebRequest) request).getNativeRequest(HttpServletRequest.class);
        return ResponseEntity.status(status).headers(headers).contentType(Problems.PROBLEM_JSON)
                .body(Problems.build(status, code, message, errors, servlet));
    }

    /**
     * What went wrong reading the body: a body over the size limit wherever Jackson wrapped it,
     * else the outermost Jackson exception, which carries the field path (the innermost cause,
     * e.g. a DateTimeParseException, would lose it).
     */
    private static Throwable relevantCause(HttpMessageNotReadableException e) {
        Throwable outermostJackson = null;
        for (Throwable cause = e.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            if (cause instanceof BodySizeLimitFilter.BodyTooLargeException) {
                return cause;
            }
            if (outermostJackson == null && cause instanceof JacksonException) {
                outermostJackson = cause;
            }
        }
        return outermostJackson != null ? outermostJackson : e.getMostSpecificCause();
    }

    static String pointer(JacksonException e) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference ref : e.getPath()) {
            path.append('/');
            if (ref.getPropertyName() != null) {
                path.append(ref.getPropertyName().replace("~", "~0").replace("/", "~1"));
            } else if (ref.getIndex() >= 0) {
                path.append(ref.getIndex());
            }
        }
        return path.toString();
    }

    private static String describe(Class<?> type) {
        if (type == java.util.UUID.class) {
            return "a UUID";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive() && type != boolean.class) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type.isEnum()) {
            return "one of " + java.util.Arrays.toString(type.getEnumConstants()).toLowerCase();
        }
        if (java.util.Collection.class.isAssignableFrom(type)) {
            return "an array";
        }
        if (type == String.class) {
            return "a string";
        }
        return "an object";
    }
}
