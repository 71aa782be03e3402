package dev.automateos.server.auth;

import dev.automateos.server.auth.AuthRequests.LogoutRequest;
import dev.automateos.server.auth.AuthRequests.TokenRequest;
import dev.automateos.server.web.ApiException;
import dev.automateos.server.web.FieldProblem;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The token endpoint, OAuth2 password and refresh-token grants (RFC 6749 sections 4.3 and 6),
 * as a form the way OAuth2 clients post it, or as JSON; and log-out.
 */
@RestController
class TokenController {

    private static final List<String> FORM_FIELDS = List.of("grant_type", "username", "password", "refresh_token");

    private final TokenService tokens;

    TokenController(TokenService tokens) {
        this.tokens = tokens;
    }

    @PostMapping(path = "/api/v1/auth/token", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    ResponseEntity<TokenResponse> tokenFromForm(@RequestParam MultiValueMap<String, String> form,
                                                HttpServletRequest request) {
        String query = request.getQueryString();
        for (String field : FORM_FIELDS) {
            // RFC 6749: parameters must not repeat; secrets in the URL end up in logs.
            if (form.getOrDefault(field, List.of()).size() > 1 || query != null && query.contains(field + "=")) {
                throw ApiException.invalidField("/" + field, "invalid_parameter",
                        "Send '" + field + "' once, in the request body.");
            }
        }
        // Other parameters (client_id, scope, ...) are ignored, as RFC 6749 asks of unknown ones.
        return token(new TokenRequest(form.getFirst("grant_type"), form.getFirst("username"),
                form.getFirst("password"), form.getFirst("refresh_token")), request);
    }

    @PostMapping(path = "/api/v1/auth/token", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<TokenResponse> tokenFromJson(@RequestBody TokenRequest body, HttpServletRequest request) {
        return token(body, request);
    }

    private ResponseEntity<TokenResponse> token(TokenRequest body, HttpServletRequest request) {
        AuthRequests.require("/grant_type", body.grantType());
        TokenResponse response = switch (body.grantType()) {
            case "password" -> {
                AuthRequests.require("/username", body.username(), "/password", body.password());
                yield tokens.passwordGrant(body.username(), body.password(), request.getRemoteAddr());
            }
            case "refresh_token" -> {
                AuthRequests.require("/refresh_token", body.refreshToken());
                yield tokens.refreshGrant(body.refreshToken());
            }
            default -> throw new ApiException(HttpStatus.BAD_REQUEST, "unsupported_grant_type",
                    "grant_type must be 'password' or 'refresh_token'.",
                    List.of(new FieldProblem("/grant_type", "unsupported", "Use 'password' or 'refresh_token'.")));
        };
        // RFC 6749 section 5.1: token responses must not be cached.
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).header("Pragma", "no-cache").body(response);
    }

    @PostMapping("/api/v1/auth/logout")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void logout(@RequestBody LogoutRequest body) {
        AuthRequests.require("/refresh_token", body.refreshToken());
        tokens.logout(body.refreshToken());
    }
}
