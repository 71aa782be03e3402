package dev.automateos.server.webapp;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Serves the web app's shell for its own client-side routes, so that a reload or a shared link
 * on {@code /workflows/…} opens the app. Only the app's route prefixes fall back to
 * {@code index.html}: every other unknown path keeps answering 404, and {@code /api/**},
 * {@code /webhook/**}, {@code /health} and {@code /metrics} are untouched. A server built with
 * {@code -Dskip.web=true} has no app and answers a page that says so.
 */
@RestController
class WebAppController {

    static final String APP_LOCATION = "META-INF/automateos-web/";
    private static final MediaType HTML = new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8);

    private final byte[] shell;

    WebAppController() {
        Resource app = new ClassPathResource(APP_LOCATION + "index.html");
        this.shell = read(app.exists() ? app : new ClassPathResource("webapp/ui-not-built.html"));
    }

    @GetMapping(value = {"/", "/index.html", "/setup", "/login", "/workflows", "/workflows/**", "/executions",
            "/executions/**", "/credentials", "/credentials/**", "/settings", "/settings/**"},
            produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<byte[]> shell() {
        // The shell names the hashed asset files of this build, so it must never be cached stale.
        return ResponseEntity.ok().contentType(HTML).cacheControl(CacheControl.noCache()).body(shell);
    }

    private static byte[] read(Resource resource) {
        try (InputStream in = resource.getInputStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }
}
