package dev.automateos.server.security;

import dev.automateos.server.auth.ApiKeyAuthenticator;
import dev.automateos.server.auth.AuthenticatedUser;
import dev.automateos.server.auth.JwtService;
import dev.automateos.server.web.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates {@code Authorization: Bearer …} (a JWT or an {@code aos_} API key) and
 * {@code X-API-Key}. A credential that is present but bad is refused here with 401, so a
 * caller learns that its token is wrong rather than that it sent none.
 */
class BearerAuthenticationFilter extends OncePerRequestFilter {

    static final String API_KEY_HEADER = "X-API-Key";

    private final JwtService jwt;
    private final ApiKeyAuthenticator apiKeys;
    private final Problems problems;

    BearerAuthenticationFilter(JwtService jwt, ApiKeyAuthenticator apiKeys, Problems problems) {
        this.jwt = jwt;
        this.apiKeys = apiKeys;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String credential = presentedCredential(request);
        if (credential == null) {
            chain.doFilter(request, response);
            return;
        }
        AuthenticatedUser user;
        if (credential.startsWith(ApiKeyAuthenticator.KEY_PREFIX)) {
            Optional<AuthenticatedUser> found = apiKeys.authenticate(credential);
            if (found.isEmpty()) {
                reject(request, response, "invalid_api_key", "The API key is unknown, revoked or expired.");
                return;
            }
            user = found.get();
        } else {
            try {
                user = jwt.verify(credential);
            } catch (JwtService.InvalidTokenException e) {
                reject(request, response, e.expired() ? "token_expired" : "invalid_token", e.getMessage());
                return;
            }
        }
        var authentication = UsernamePasswordAuthenticationToken.authenticated(user, null, user.authorities());
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(authentication);
        SecurityContextHolder.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private static String presentedCredential(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            String value = header.substring(7).trim();
            return value.isEmpty() ? null : value;
        }
        String apiKey = request.getHeader(API_KEY_HEADER);
        return apiKey == null || apiKey.isBlank() ? null : apiKey.trim();
    }

    private void reject(HttpServletRequest request, HttpServletResponse response, String code, String message)
            throws IOException {
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"");
        problems.write(request, response, HttpStatus.UNAUTHORIZED, code, message);
    }
}
