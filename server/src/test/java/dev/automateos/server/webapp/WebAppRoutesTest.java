package dev.automateos.server.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.automateos.server.support.ApiTest;
import dev.automateos.server.support.TestResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

/** The app's shell answers its client-side routes; everything else keeps its own answers. */
class WebAppRoutesTest extends ApiTest {

    @Test
    void clientSideRoutesFallBackToTheAppShell() throws IOException {
        String shell = expectedShell();
        for (String route : new String[] {"/", "/login", "/setup", "/workflows", "/workflows/4f1e7c8a/edit",
                "/executions/abc", "/credentials", "/settings/api-keys"}) {
            TestResponse response = http.get(route).header("Accept", "text/html").send().expectStatus(200);
            assertThat(response.header("Content-Type")).as(route).startsWith("text/html");
            assertThat(response.header("Cache-Control")).as(route).contains("no-cache");
            assertThat(response.text()).as(route).isEqualTo(shell);
        }
    }

    @Test
    void otherUnknownPathsStillAnswer404() {
        assertThat(http.get("/no-such-page").header("Accept", "text/html").send().status()).isEqualTo(404);
        assertThat(http.get("/assets/no-such-file.js").send().status()).isEqualTo(404);
        http.get("/api/v1/no-such-endpoint").send().expectProblem(401, "unauthenticated");
        http.post("/webhook/not-a-real-token").body("{}").send().expectProblem(404, "not_found");
    }

    @Test
    void healthAndTheApiKeepTheirJson() {
        TestResponse health = http.get("/health").send().expectStatus(200);
        assertThat(health.text()).contains("\"status\"");
        assertThat(http.get("/api/v1/auth/status").send().expectStatus(200).json().has("setup_required")).isTrue();
    }

    @Test
    void builtAssetsAreServedWithALongCacheLifetime() throws IOException {
        var app = new ClassPathResource(WebAppController.APP_LOCATION + "index.html");
        if (!app.exists()) {
            assertThat(expectedShell()).contains("the web UI was not built");
            return; // built with -Dskip.web=true: there are no assets to serve
        }
        String shell = expectedShell();
        var matcher = java.util.regex.Pattern.compile("/assets/[\\w.-]+\\.js").matcher(shell);
        assertThat(matcher.find()).as("the shell names its script").isTrue();
        TestResponse script = http.get(matcher.group()).send().expectStatus(200);
        assertThat(script.header("Cache-Control")).contains("max-age=31536000").contains("immutable");
    }

    private static String expectedShell() throws IOException {
        var app = new ClassPathResource(WebAppController.APP_LOCATION + "index.html");
        var resource = app.exists() ? app : new ClassPathResource("webapp/ui-not-built.html");
        try (InputStream in = resource.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
