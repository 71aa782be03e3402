package dev.automateos.nodes.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.automateos.engine.credential.ApiKeySecret;
import dev.automateos.engine.credential.BasicAuthSecret;
import dev.automateos.engine.credential.HeaderSecret;
import dev.automateos.engine.http.GuardedHttpClient;
import dev.automateos.engine.http.OutboundPolicy;
import dev.automateos.engine.node.CredentialSecret;
import dev.automateos.engine.node.OutboundRefusedException;
import dev.automateos.nodes.FakeNodeContext;
import dev.automateos.nodes.NodeTestSupport;
import java.io.IOException;
import java.util.Base64;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Requests, bodies, credentials and responses, against a real HTTP server on 127.0.0.1. */
class HttpRequestNodeTest {

    private static final GuardedHttpClient CLIENT = new GuardedHttpClient(OutboundPolicy.defaults());
    private static final String INPUT = "{\"title\": \"Buy milk & eggs\", \"qty\": 2, \"tags\": [\"a\", \"b\"]}";
    private static final String TOKEN = "tok-5ecret-value";

    private final HttpRequestNode node = new HttpRequestNode();
    private TestServer server;

    @BeforeEach
    void start() throws IOException {
        server = new TestServer("127.0.0.1");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @AfterAll
    static void closeClient() {
        CLIENT.close();
    }

    private FakeNodeContext context() {
        return FakeNodeContext.withInput(INPUT).withHttp(CLIENT);
    }

    private HttpRequestNode.Result run(String configJson, FakeNodeContext context) {
        return node.execute(NodeTestSupport.config(HttpRequestNode.Config.class, configJson), context);
    }

    private HttpRequestNode.Result run(String configJson) {
        return run(configJson, context());
    }

    private TestServer.Received last() {
        return server.received().getLast();
    }

    @Test
    void getsJsonAndReturnsStatusLowerCaseHeadersAndTheParsedBody() {
        server.on("/items", (ex, call) -> TestServer.reply(ex, 200, "application/json; charset=utf-8",
                "{\"items\": [1, 2]}", "X-Request-Id", "r-1", "Set-Cookie", "session=abc123; HttpOnly"));

        var result = run("{\"url\": \"" + server.url("/items") + "\"}");

        assertThat(result.status()).isEqualTo(200);
        assertThat(result.body().get("items").size()).isEqualTo(2);
        assertThat(result.headers()).containsEntry("x-request-id", "r-1").containsEntry("content-type", "application/json; charset=utf-8");
        assertThat(result.headers().get("set-cookie")).isEqualTo("[redacted]");
        assertThat(result.attempts()).isEqualTo(1);
        assertThat(last().method()).isEqualTo("GET");
        assertThat(last().headers().getFirst("Idempotency-Key")).isEqualTo("execution-1:step");
        assertThat(NodeTestSupport.toJson(result).has("duration_ms")).isTrue();
    }

    @Test
    void sendsAJsonBodyRenderedFromATemplate() {
        var result = run("{\"method\": \"POST\", \"url\": \"" + server.url("/json") + "\","
                + "\"body\": {\"type\": \"json\", \"data\": \"{{ {'title': $input.title, 'n': $input.qty * 10} }}\"}}");

        assertThat(result.body().get("method").asString()).isEqualTo("POST");
        assertThat(last().headers().getFirst("Content-Type")).isEqualTo("application/json");
        assertThat(last().body()).isEqualTo("{\"title\":\"Buy milk & eggs\",\"n\":20}");
    }

    @Test
    void sendsFormFieldsUrlEncoded() {
        run("{\"method\": \"PUT\", \"url\": \"" + server.url("/form") + "\","
                + "\"body\": {\"type\": \"form\", \"fields\": {\"title\": \"{{ $input.title }}\", \"note\": \"a=b c\"}}}");

        assertThat(last().method()).isEqualTo("PUT");
        assertThat(last().headers().getFirst("Content-Type")).isEqualTo("application/x-www-form-urlencoded");
        assertThat(last().body()).isEqualTo("title=Buy+milk+%26+eggs&note=a%3Db+c");
    }

    @Test
    void sendsARawBodyWithItsContentTypeUnlessAHeaderSetsOne() {
        run("{\"method\": \"PATCH\", \"url\": \"" + server.url("/raw") + "\","
                + "\"body\": {\"type\": \"raw\", \"content\": \"<qty>{{ $input.qty }}</qty>\", \"content_type\": \"application/xml\"}}");
        assertThat(last().headers().getFirst("Content-Type")).isEqualTo("application/xml");
        assertThat(last().body()).isEqualTo("<qty>2</qty>");

        run("{\"method\": \"POST\", \"url\": \"" + server.url("/raw") + "\", \"headers\": {\"content-type\": \"text/csv\"},"
                + "\"body\": {\"type\": \"raw\", \"content\": \"a,b\"}}");
        assertThat(last().headers().get("Content-Type")).containsExactly("text/csv");
    }

    @ParameterizedTest
    @ValueSource(strings = {"GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"})
    void sendsEachMethod(String method) {
        var result = run("{\"method\": \"" + method + "\", \"url\": \"" + server.url("/m") + "\"}");

        assertThat(last().method()).isEqualTo(method);
        assertThat(result.body().get("method").asString()).isEqualTo(method);
    }

    @Test
    void sendsHeadAndReturnsNoBody() {
        server.on("/head", (ex, call) -> TestServer.reply(ex, 200, "application/json", "{\"x\": 1}"));

        var result = run("{\"method\": \"HEAD\", \"url\": \"" + server.url("/head") + "\"}");

        assertThat(last().method()).isEqualTo("HEAD");
        assertThat(result.status()).isEqualTo(200);
        assertThat(result.body()).isNull();
    }

    @Test
    void encodesQueryParametersAndAppendsThemToTheUrlsOwnQuery() {
        run("{\"url\": \"" + server.url("/q?fixed=1") + "\", \"query\": {\"q\": \"{{ $input.title }}\","
                + "\"emoji\": \"caf\u00e9 \u2615\", \"missing\": \"{{ $input.nope }}\", \"list\": \"{{ $input.tags }}\"}}");

        assertThat(last().rawQuery()).isEqualTo(
                "fixed=1&q=Buy%20milk%20%26%20eggs&emoji=caf%C3%A9%20%E2%98%95&list=%5B%22a%22%2C%22b%22%5D");
    }

    @Test
    void keepsAnIdempotencyKeyTheUserSetAndSendsUserHeaders() {
        run("{\"url\": \"" + server.url("/h") + "\", \"headers\": {\"Idempotency-Key\": \"mine-{{ $input.qty }}\","
                + "\"X-Title\": \"{{ $input.title }}\"}}");

        assertThat(last().headers().get("Idempotency-Key")).containsExactly("mine-2");
        assertThat(last().headers().getFirst("X-Title")).isEqualTo("Buy milk & eggs");
    }

    private HttpRequestNode.Result runWithCredential(CredentialSecret secret) {
        return run("{\"url\": \"" + server.url("/secure?page=1") + "\", \"credential_id\": \"cred-1\","
                + "\"headers\": {\"Authorization\": \"overridden\"}}", context().withCredential("cred-1", secret));
    }

    @Test
    void appliesABearerTokenAndKeepsItOutOfTheResult() {
        var result = runWithCredential(ApiKeySecret.bearer(TOKEN));

        assertThat(last().headers().get("Authorization")).containsExactly("Bearer " + TOKEN);
        assertThat(NodeTestSupport.toJson(result).toString()).doesNotContain(TOKEN).contains("Bearer ****");
    }

    @Test
    void appliesAnApiKeyHeader() {
        var result = runWithCredential(new ApiKeySecret(TOKEN, ApiKeySecret.Placement.HEADER, "X-Api-Key"));

        assertThat(last().headers().getFirst("X-Api-Key")).isEqualTo(TOKEN);
        assertThat(NodeTestSupport.toJson(result).toString()).doesNotContain(TOKEN);
    }

    @Test
    void appliesAnApiKeyQueryParameterAndKeepsItOutOfTheLog() {
        var context = context().withCredential("cred-1", new ApiKeySecret("k&y " + TOKEN, ApiKeySecret.Placement.QUERY, "api_key"));
        var result = run("{\"url\": \"" + server.url("/secure?page=1") + "\", \"credential_id\": \"cred-1\"}", context);

        assertThat(last().rawQuery()).isEqualTo("page=1&api_key=k%26y%20" + TOKEN);
        assertThat(NodeTestSupport.toJson(result).toString()).doesNotContain(TOKEN);
        assertThat(context.logged()).isNotEmpty().allSatisfy(line -> assertThat(line).doesNotContain(TOKEN).doesNotContain("api_key"));
    }

    @Test
    void appliesBasicAuth() {
        var result = runWithCredential(new BasicAuthSecret("ada", "p4ss:w\u00f6rd"));

        String expected = Base64.getEncoder().encodeToString("ada:p4ss:w\u00f6rd".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(last().headers().get("Authorization")).containsExactly("Basic " + expected);
        assertThat(NodeTestSupport.toJson(result).toString()).doesNotContain(expected);
    }

    @Test
    void appliesACustomHeader() {
        var result = runWithCredential(new HeaderSecret("X-Auth-Token", TOKEN));

        assertThat(last().headers().getFirst("X-Auth-Token")).isEqualTo(TOKEN);
        assertThat(NodeTestSupport.toJson(result).toString()).doesNotContain(TOKEN);
    }

    @Test
    void failsWhenTheCredentialIsMissingWithoutSending() {
        assertThatThrownBy(() -> run("{\"url\": \"" + server.url("/x") + "\", \"credential_id\": \"nope\"}"))
                .isInstanceOf(dev.automateos.engine.node.CredentialUnavailableException.class);
        assertThat(server.received()).isEmpty();
    }

    @Test
    void failsOnANon2xxStatusWithTheStatusAndABodyExcerptWithoutSecrets() {
        server.on("/missing", (ex, call) -> TestServer.reply(ex, 404, "application/json",
                "{\"error\": \"no such item\", \"echo\": \"" + TOKEN + "\"}"));
        var context = context().withCredential("cred-1", ApiKeySecret.bearer(TOKEN));

        assertThatThrownBy(() -> run("{\"url\": \"" + server.url("/missing?api_key=x") + "\", \"credential_id\": \"cred-1\"}", context))
                .isInstanceOf(HttpRequestException.class)
                .hasMessageStartingWith("GET " + server.url("/missing") + " answered 404: ")
                .hasMessageContaining("no such item").hasMessageNotContaining(TOKEN).hasMessageNotContaining("api_key")
                .extracting(e -> ((HttpRequestException) e).status(), e -> ((HttpRequestException) e).code(),
                        e -> ((HttpRequestException) e).retryable())
                .containsExactly(404, "http_status", false);
    }

    @Test
    void returnsANon2xxResponseWhenFailingIsOff() {
        server.on("/missing", (ex, call) -> TestServer.reply(ex, 404, "text/plain", "not here"));

        var result = run("{\"url\": \"" + server.url("/missing") + "\", \"options\": {\"fail_on_non_2xx\": false}}");

        assertThat(result.status()).isEqualTo(404);
        assertThat(result.body().asString()).isEqualTo("not here");
    }

    @Test
    void failsOnInvalidJsonInJsonFormatAndKeepsItAsTextInAuto() {
        server.on("/bad", (ex, call) -> TestServer.reply(ex, 200, "application/json", "{\"a\": oops"));

        assertThatThrownBy(() -> run("{\"url\": \"" + server.url("/bad") + "\", \"options\": {\"response_format\": \"json\"}}"))
                .isInstanceOf(HttpRequestException.class).hasMessageContaining("not valid JSON");
        assertThat(run("{\"url\": \"" + server.url("/bad") + "\"}").body().asString()).isEqualTo("{\"a\": oops");
    }

    @Test
    void readsTextAsTextAndJsonTextAsJsonWhenAsked() {
        server.on("/text", (ex, call) -> TestServer.reply(ex, 200, "text/plain; charset=ISO-8859-1", "[1, 2]"));

        assertThat(run("{\"url\": \"" + server.url("/text") + "\"}").body().isString()).isTrue();
        assertThat(run("{\"url\": \"" + server.url("/text") + "\", \"options\": {\"response_format\": \"json\"}}").body().isArray()).isTrue();
    }

    @Test
    void failsWhenTheResponseIsLargerThanTheLimitDeclaredOrStreamed() {
        String big = "x".repeat(5_000);
        server.on("/declared", (ex, call) -> TestServer.reply(ex, 200, "text/plain", big));
        server.on("/streamed", (ex, call) -> {
            ex.sendResponseHeaders(200, 0);
            for (int i = 0; i < 10; i++) {
                ex.getResponseBody().write(big.getBytes());
            }
        });

        for (String path : new String[] {"/declared", "/streamed"}) {
            assertThatThrownBy(() -> run("{\"url\": \"" + server.url(path) + "\", \"options\": {\"max_response_bytes\": 4096}}"))
                    .isInstanceOf(HttpRequestException.class).hasMessageContaining("larger than 4096 bytes");
        }
        assertThat(run("{\"url\": \"" + server.url("/declared") + "\", \"options\": {\"max_response_bytes\": 5000}}")
                .body().asString()).hasSize(5_000);
    }

    @Test
    void followsARedirectAndRefusesOneToTheMetadataService() {
        server.on("/moved", (ex, call) -> TestServer.reply(ex, 301, null, "", "Location", "/items"));
        server.on("/items", (ex, call) -> TestServer.reply(ex, 200, "application/json", "[]"));
        server.on("/steal", (ex, call) -> TestServer.reply(ex, 302, null, "", "Location", "http://169.254.169.254/latest/meta-data/"));

        assertThat(run("{\"url\": \"" + server.url("/moved") + "\"}").body().isArray()).isTrue();
        assertThatThrownBy(() -> run("{\"url\": \"" + server.url("/steal") + "\"}"))
                .isInstanceOf(OutboundRefusedException.class).hasMessageContaining("metadata");
    }

    @Test
    void refusesMetadataAddressesBeforeSending() {
        for (String url : new String[] {"http://169.254.169.254/latest/meta-data/", "http://[fd00:ec2::254]/",
            "http://metadata.google.internal/", "http://2852039166/", "http://[::ffff:169.254.169.254]/"}) {
            assertThatThrownBy(() -> run("{\"url\": \"" + url + "\"}")).as(url).isInstanceOf(OutboundRefusedException.class);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://127.0.0.1/file", "/relative/path", "http://user:pw@127.0.0.1/", "http://exa mple.com/", "{{ $input.nope }}"})
    void rejectsUrlsItCannotSendWithoutSending(String url) {
        assertThatThrownBy(() -> run("{\"url\": \"" + url + "\"}"))
                .isInstanceOf(HttpRequestException.class).message().doesNotContain("pw");
        assertThat(server.received()).isEmpty();
    }

    @Test
    void rejectsAHeaderWithALineBreakWithoutQuotingItsValue() {
        assertThatThrownBy(() -> run("{\"url\": \"" + server.url("/x") + "\", \"headers\": {\"X-Bad\": \"a\\r\\nInjected: yes\"}}"))
                .isInstanceOf(HttpRequestException.class).hasMessageContaining("X-Bad").hasMessageNotContaining("Injected");
        assertThatThrownBy(() -> run("{\"url\": \"" + server.url("/x") + "\", \"headers\": {\"Host\": \"other\"}}"))
                .isInstanceOf(HttpRequestException.class).hasMessageContaining("sets it itself");
        assertThat(server.received()).isEmpty();
    }

    @Test
    void describesTheBodyAsOneOfItsKindsAndRejectsConfigsOutsideThem() {
        var schema = dev.automateos.engine.node.ConfigSchema.of(HttpRequestNode.Config.class);
        var body = schema.json().at("/properties/body");

        assertThat(body.has("anyOf")).isFalse();
        assertThat(body.get("oneOf").values()).extracting(alt -> alt.at("/properties/type/const").asString())
                .containsExactly("none", "json", "form", "raw");
        assertThat(body.at("/default/type").asString()).isEqualTo("none");
        assertThat(schema.validate(NodeTestSupport.toJson(java.util.Map.of("url", "http://x/",
                "body", java.util.Map.of("type", "xml", "content", "<a/>"))))).isNotEmpty();
        assertThat(schema.validate(NodeTestSupport.toJson(java.util.Map.of("url", "http://x/",
                "body", java.util.Map.of("type", "json"))))).isNotEmpty();
        assertThat(schema.validate(NodeTestSupport.toJson(java.util.Map.of("url", "http://x/",
                "options", java.util.Map.of("retry", java.util.Map.of("max_attempts", 11)))))).isNotEmpty();
        assertThat(schema.validate(NodeTestSupport.toJson(java.util.Map.of("url", "http://x/",
                "body", java.util.Map.of("type", "raw", "content", "hi"))))).isEmpty();
    }

    @Test
    void credentialRecordsNeverPrintTheirSecrets() {
        assertThat(new ApiKeySecret(TOKEN, ApiKeySecret.Placement.HEADER, "X-Key").toString()).doesNotContain(TOKEN);
        assertThat(new BasicAuthSecret("ada", TOKEN).toString()).doesNotContain(TOKEN).contains("ada");
        assertThat(new HeaderSecret("X-Auth", TOKEN).toString()).doesNotContain(TOKEN);
        assertThatThrownBy(() -> new ApiKeySecret(TOKEN, ApiKeySecret.Placement.QUERY, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageNotContaining(TOKEN);
    }
}
