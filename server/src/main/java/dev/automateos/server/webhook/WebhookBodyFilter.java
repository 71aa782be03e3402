package dev.automateos.server.webhook;

import dev.automateos.server.web.BodySizeLimitFilter;
import dev.automateos.server.web.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Reads a webhook call's body as raw bytes before anything else can: Spring's form filter would
 * parse a form body into parameters and drain the stream, and a signature must be checked over
 * the exact bytes sent. Runs right after {@link BodySizeLimitFilter}, so the size limit holds.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
class WebhookBodyFilter extends OncePerRequestFilter {

    private static final String ATTRIBUTE = WebhookBodyFilter.class.getName() + ".body";

    private final Problems problems;

    WebhookBodyFilter(Problems problems) {
        this.problems = problems;
    }

    /** The raw body the filter kept; empty for requests it did not see. */
    static byte[] body(HttpServletRequest request) {
        return request.getAttribute(ATTRIBUTE) instanceof byte[] bytes ? bytes : new byte[0];
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !path.startsWith("/webhook/") && !path.startsWith("/webhook-test/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        byte[] body;
        try {
            body = request.getInputStream().readAllBytes();
        } catch (BodySizeLimitFilter.BodyTooLargeException e) {
            problems.write(request, response, HttpStatus.CONTENT_TOO_LARGE, "body_too_large", e.getMessage());
            return;
        }
        request.setAttribute(ATTRIBUTE, body);
        chain.doFilter(new Replayed(request, body), response);
    }

    /** Serves the kept bytes to whoever reads the stream later. */
    private static final class Replayed extends HttpServletRequestWrapper {
        private final byte[] body;

        Replayed(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            var in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] buffer, int offset, int length) {
                    return in.read(buffer, offset, length);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("The body is already read.");
                }
            };
        }
    }
}
