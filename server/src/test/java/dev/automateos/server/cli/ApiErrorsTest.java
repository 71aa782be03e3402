package dev.automateos.server.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

class ApiErrorsTest {

    private static ApiResponse problem(int status, String code, String errors) {
        return new ApiResponse(status, "application/problem+json", "req-header",
                "{\"status\":" + status + ",\"detail\":\"It went wrong.\",\"code\":\"" + code + "\""
                        + (errors == null ? "" : ",\"errors\":" + errors) + ",\"request_id\":\"req-body\"}");
    }

    @Test
    void mapsStatusesToTheDocumentedExitCodes() {
        assertThat(ApiErrors.exitCode(401)).isEqualTo(ExitCodes.AUTH);
        assertThat(ApiErrors.exitCode(403)).isEqualTo(ExitCodes.AUTH);
        assertThat(ApiErrors.exitCode(400)).isEqualTo(ExitCodes.REJECTED);
        assertThat(ApiErrors.exitCode(404)).isEqualTo(ExitCodes.REJECTED);
        assertThat(ApiErrors.exitCode(409)).isEqualTo(ExitCodes.REJECTED);
        assertThat(ApiErrors.exitCode(429)).isEqualTo(ExitCodes.REJECTED);
        assertThat(ApiErrors.exitCode(500)).isEqualTo(ExitCodes.SERVER);
        assertThat(ApiErrors.exitCode(503)).isEqualTo(ExitCodes.SERVER);
    }

    @Test
    void reportsTheDetailEveryFieldErrorAndTheRequestId() {
        CliException error = ApiErrors.fromResponse(problem(400, "validation_failed",
                "[{\"path\":\"/data/password\",\"code\":\"required\",\"message\":\"must not be blank\"},"
                        + "{\"path\":\"\",\"code\":\"invalid\",\"message\":\"whole body\"}]"));

        assertThat(error.exitCode()).isEqualTo(ExitCodes.REJECTED);
        assertThat(error.getMessage()).isEqualTo("It went wrong.");
        assertThat(error.details()).containsExactly("/data/password: must not be blank", "/: whole body",
                "request id: req-body");
    }

    @Test
    void tellsTheUserToLogInAgainWhenTheCredentialIsRefused() {
        CliException error = ApiErrors.fromResponse(problem(401, "invalid_token", null));

        assertThat(error.exitCode()).isEqualTo(ExitCodes.AUTH);
        assertThat(error.details()).contains("Run 'automateos login' to log in again.");
    }

    @Test
    void aForbiddenAnswerIsAnAuthErrorWithoutTheLoginHint() {
        CliException error = ApiErrors.fromResponse(problem(403, "forbidden", null));

        assertThat(error.exitCode()).isEqualTo(ExitCodes.AUTH);
        assertThat(error.details()).containsExactly("request id: req-body");
    }

    @Test
    void aBodyThatIsNotAProblemStillGivesTheStatusAndTheHeaderRequestId() {
        CliException error = ApiErrors.fromResponse(new ApiResponse(502, "text/html", "req-7", "<h1>Bad gateway</h1>"));

        assertThat(error.exitCode()).isEqualTo(ExitCodes.SERVER);
        assertThat(error.getMessage()).isEqualTo("The server answered HTTP 502.");
        assertThat(error.details()).containsExactly("request id: req-7");
    }

    @Test
    void aServerThatIsNotRunningIsAServerErrorNamingTheAddress() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        String url = "http://127.0.0.1:" + port;

        assertThatThrownBy(() -> new ApiClient(url, Session.apiKey("aos_x")).get("/api/v1/workflows"))
                .isInstanceOfSatisfying(CliException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCodes.SERVER))
                .hasMessage("Cannot reach " + url + ": connection refused.");
    }

    @Test
    void anUnknownHostIsNamedAsSuch() {
        assertThatThrownBy(() -> new ApiClient("http://no-such-host.invalid", Session.apiKey("aos_x")).get("/x"))
                .isInstanceOfSatisfying(CliException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCodes.SERVER))
                .hasMessage("Cannot reach http://no-such-host.invalid: unknown host.");
    }
}
