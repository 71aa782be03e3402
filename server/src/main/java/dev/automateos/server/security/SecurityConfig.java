package dev.automateos.server.security;

import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.HEAD;
import static org.springframework.http.HttpMethod.POST;

import dev.automateos.server.auth.ApiKeyAuthenticator;
import dev.automateos.server.auth.AuthenticatedUser;
import dev.automateos.server.auth.JwtService;
import dev.automateos.server.auth.Scope;
import dev.automateos.server.web.Problems;
import jakarta.servlet.DispatcherType;
import java.util.function.Supplier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManagers;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

/**
 * The access rules in one place. Reads need the {@code read} scope, changes need
 * {@code write}, running needs {@code execute}; user administration needs the admin role too.
 * Managing one's own password and API keys needs a log-in session, whatever the role.
 * Ownership (another user's resource answers 404) is enforced by each feature's service.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfig {

    /** Paths anyone may call: the UI shell, docs, health, metrics and the log-in endpoints. */
    private static final String[] PUBLIC = {
        "/", "/index.html", "/assets/**", "/favicon.ico", "/error",
        "/health", "/health/**", "/metrics",
        "/api/openapi.json", "/api/openapi.json/**", "/api/docs", "/api/docs/**", "/swagger-ui/**",
    };

    /**
     * Webhook URLs authenticate by their workflow's own rules (webhook package), so they skip the
     * bearer filter: a caller's {@code Authorization: Bearer <webhook token>} is not one of ours.
     * Nothing here reads a security context, a session or a saved request, so the chain keeps only
     * the firewall (which {@code FilterChainProxy} applies to every chain) and the security headers;
     * every other filter would cost each call and decide nothing.
     */
    @Bean
    @Order(1)
    SecurityFilterChain webhooks(HttpSecurity http) throws Exception {
        http.securityMatcher("/webhook/**", "/webhook-test/**")
                .csrf(AbstractHttpConfigurer::disable)
                .cors(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .securityContext(AbstractHttpConfigurer::disable)
                .sessionManagement(AbstractHttpConfigurer::disable)
                .anonymous(AbstractHttpConfigurer::disable)
                .servletApi(AbstractHttpConfigurer::disable)
                .exceptionHandling(AbstractHttpConfigurer::disable);
        return http.build();
    }

    @Bean
    SecurityFilterChain api(HttpSecurity http, JwtService jwt, ApiKeyAuthenticator apiKeys, Problems problems)
            throws Exception {
        http.csrf(AbstractHttpConfigurer::disable)
                .cors(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .addFilterBefore(new BearerAuthenticationFilter(jwt, apiKeys, problems), AuthorizationFilter.class)
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((request, response, ex) -> {
                            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
                            problems.write(request, response, HttpStatus.UNAUTHORIZED, "unauthenticated",
                                    "Log in first: send 'Authorization: Bearer <token>' or an API key.");
                        })
                        .accessDeniedHandler((request, response, ex) -> problems.write(request, response,
                                HttpStatus.FORBIDDEN, "forbidden",
                                "Your role or API key scopes do not allow this.")))
                .authorizeHttpRequests(auth -> auth
                        // An async dispatch continues a request that was already authorized (SSE streams
                        // end with one); the bearer filter does not run again for it, so it carries no token.
                        .dispatcherTypeMatchers(DispatcherType.ASYNC).permitAll()
                        .requestMatchers(PUBLIC).permitAll()
                        .requestMatchers(POST, "/api/v1/auth/token", "/api/v1/auth/register", "/api/v1/auth/logout")
                        .permitAll()
                        .requestMatchers(GET, "/api/v1/auth/status").permitAll()
                        .requestMatchers(GET, "/api/v1/auth/me").authenticated()
                        // Self-service on one's own account, for every role (observers too), but only
                        // from a log-in session: an API key must never mint keys or change the password.
                        .requestMatchers("/api/v1/auth/me/**", "/api/v1/api-keys", "/api/v1/api-keys/**")
                        .access(SecurityConfig::sessionOnly)
                        .requestMatchers("/api/v1/users/*/api-keys", "/api/v1/users/*/api-keys/**")
                        .access(AuthorizationManagers.allOf(SecurityConfig::sessionOnly,
                                AuthorityAuthorizationManager.hasRole("ADMIN")))
                        .requestMatchers(GET, "/api/v1/users", "/api/v1/users/**", "/api/v1/system/**")
                        .access(AuthorizationManagers.allOf(AuthorityAuthorizationManager.hasRole("ADMIN"),
                                AuthorityAuthorizationManager.hasAuthority(Scope.READ.authority())))
                        .requestMatchers("/api/v1/users", "/api/v1/users/**", "/api/v1/system/**")
                        .access(AuthorizationManagers.allOf(AuthorityAuthorizationManager.hasRole("ADMIN"),
                                AuthorityAuthorizationManager.hasAuthority(Scope.WRITE.authority())))
                        .requestMatchers(POST, "/api/v1/workflows/*/run", "/api/v1/executions/*/cancel",
                                "/api/v1/executions/*/rerun").hasAuthority(Scope.EXECUTE.authority())
                        // Trying an expression changes nothing, so reading is enough (observers preview too).
                        .requestMatchers(POST, "/api/v1/expressions/evaluate").hasAuthority(Scope.READ.authority())
                        .requestMatchers(GET, "/api/**").hasAuthority(Scope.READ.authority())
                        .requestMatchers(HEAD, "/api/**").hasAuthority(Scope.READ.authority())
                        .requestMatchers("/api/**").hasAuthority(Scope.WRITE.authority())
                        .anyRequest().permitAll());
        return http.build();
    }

    private static AuthorizationDecision sessionOnly(Supplier<? extends Authentication> authentication,
                                                     RequestAuthorizationContext context) {
        Authentication auth = authentication.get();
        boolean session = auth != null && auth.getPrincipal() instanceof AuthenticatedUser user
                && user.apiKeyId() == null;
        return new AuthorizationDecision(session);
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder(12);
    }
}
