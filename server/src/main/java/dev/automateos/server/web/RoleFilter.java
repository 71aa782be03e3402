package dev.automateos.server.web;

import dev.automateos.server.config.AutomateOsProperties;
import dev.automateos.server.config.ProcessRole;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A process without the server role (a worker or a scheduler in queue mode) still listens, for
 * its health and metrics, but serves nothing else: the API, the web app and webhooks belong to
 * server processes, and a load balancer that sends a call here gets a clear 404 instead of a
 * half-working API.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class RoleFilter extends OncePerRequestFilter {

    private final boolean serves;
    private final Problems problems;

    RoleFilter(AutomateOsProperties properties, Problems problems) {
        this.serves = properties.hasRole(ProcessRole.SERVER);
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        if (serves) {
            return true;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.equals("/health") || path.startsWith("/health/") || path.equals("/metrics");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        problems.write(request, response, HttpStatus.NOT_FOUND, "not_served_here", "This process plays no server "
                + "role; send API, web and webhook calls to a server process. Only /health and /metrics answer here.");
    }
}
