package dev.automateos.server.credential;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.automateos.server.web.ApiException;
import dev.automateos.server.web.FieldProblem;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import testfixtures.credential.BrokenCredentialTypes;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class CredentialTypesTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final CredentialTypes types = new CredentialTypes();

    private static JsonNode json(Object value) {
        return JSON.valueToTree(value);
    }

    private List<FieldProblem> problems(String type, Object data) {
        try {
            types.parse(type, json(data));
        } catch (ApiException e) {
            assertThat(e.code()).isEqualTo("validation_failed");
            return e.errors();
        }
        throw new AssertionError("expected a validation failure for " + data);
    }

    @Test
    void discoversEveryAnnotatedTypeOnTheClasspath() {
        assertThat(types.all()).extracting(CredentialTypes.Descriptor::type)
                .contains("api_key", "basic_auth", "custom_header").doesNotHaveDuplicates();
        assertThat(types.all()).allSatisfy(d -> {
            assertThat(d.name()).isNotBlank();
            assertThat(d.description()).isNotBlank();
            assertThat(d.schema().path("type").asString()).isEqualTo("object");
            assertThat(d.schema().path("additionalProperties").asBoolean(true)).as(d.type()).isFalse();
        });
    }

    @Test
    void schemaUsesSnakeCaseNamesRequiredFieldsAndMarksOnlySecretsWriteOnly() {
        JsonNode schema = types.find("custom_header").orElseThrow().schema();
        assertThat(schema.path("properties").propertyNames()).containsExactlyInAnyOrder("header_name", "header_value");
        assertThat(schema.path("required").valueStream().map(JsonNode::asString))
                .containsExactlyInAnyOrder("header_name", "header_value");
        JsonNode value = schema.path("properties").path("header_value");
        assertThat(value.path("writeOnly").asBoolean()).isTrue();
        assertThat(value.path("format").asString()).isEqualTo("password");
        assertThat(schema.path("properties").path("header_name").has("writeOnly")).isFalse();
    }

    @Test
    void apiKeySchemaListsPlacementsAndRequiresOnlyTokenAndPlacement() {
        JsonNode schema = types.find("api_key").orElseThrow().schema();
        assertThat(schema.path("properties").propertyNames()).as("declaration order, for forms")
                .containsExactly("token", "placement", "name");
        assertThat(schema.path("properties").path("placement").path("enum").valueStream().map(JsonNode::asString))
                .containsExactly("header", "query", "bearer");
        assertThat(schema.path("required").valueStream().map(JsonNode::asString))
                .containsExactlyInAnyOrder("token", "placement");
        assertThat(schema.path("properties").path("token").path("writeOnly").asBoolean()).isTrue();
        JsonNode basic = types.find("basic_auth").orElseThrow().schema();
        assertThat(basic.path("properties").path("password").path("format").asString()).isEqualTo("password");
        assertThat(basic.path("properties").path("username").has("format")).isFalse();
    }

    @Test
    void parsesValidDataIntoTheTypedRecord() {
        CredentialData value = types.parse("api_key",
                json(Map.of("token", "sk-123", "placement", "header", "name", "X-API-Key")));
        assertThat(value).isEqualTo(new ApiKeyCredential("sk-123", ApiKeyCredential.Placement.HEADER, "X-API-Key"));
        assertThat(types.fromJson("api_key", types.toJson(value))).isEqualTo(value);
    }

    @Test
    void reportsEveryProblemAtItsDataPathWithoutQuotingTheValue() {
        var errors = problems("basic_auth", Map.of("password", 12345, "extra", "s3cr3t-extra"));
        assertThat(errors).extracting(FieldProblem::path)
                .contains("/data/username", "/data/password", "/data/extra");
        assertThat(errors).filteredOn(p -> p.path().equals("/data/username")).extracting(FieldProblem::code)
                .containsExactly("required");
        assertThat(errors).filteredOn(p -> p.path().equals("/data/extra")).extracting(FieldProblem::code)
                .containsExactly("unknown_field");
        assertThat(errors.toString()).doesNotContain("12345").doesNotContain("s3cr3t-extra");
    }

    @Test
    void patternAndLengthMessagesNeverEchoTheSecret() {
        String secret = "line-one-secret\r\nInjected: header";
        var errors = problems("custom_header", Map.of("header_name", "X Bad Name", "header_value", secret));
        assertThat(errors).extracting(FieldProblem::path).contains("/data/header_name", "/data/header_value");
        assertThat(errors).extracting(FieldProblem::code).contains("invalid_format");
        assertThat(errors.toString()).doesNotContain("line-one-secret").doesNotContain("X Bad Name");
        var tooLong = problems("api_key", Map.of("token", "x".repeat(9000), "placement", "bearer"));
        assertThat(tooLong).extracting(FieldProblem::code).containsExactly("too_long");
    }

    @Test
    void enforcesApiKeyRulesTheSchemaCannotExpress() {
        assertThat(problems("api_key", Map.of("token", "t", "placement", "query")))
                .containsExactly(new FieldProblem("/data/name", "required",
                        "name is required when placement is header or query."));
        assertThat(problems("api_key", Map.of("token", "t", "placement", "bearer", "name", "X")))
                .extracting(FieldProblem::path, FieldProblem::code).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("/data/name", "not_allowed"));
        assertThat(problems("api_key", Map.of("token", "t", "placement", "cookie")))
                .extracting(FieldProblem::path, FieldProblem::code).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("/data/placement", "invalid_value"));
    }

    @Test
    void unknownTypeIsReportedAtTypeAndNonObjectDataAtData() {
        assertThatThrownBy(() -> types.parse("oauth9", json(Map.of())))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.errors())
                        .extracting(FieldProblem::path, FieldProblem::code).containsExactly(
                                org.assertj.core.groups.Tuple.tuple("/type", "unknown_credential_type")));
        assertThatThrownBy(() -> types.parse("basic_auth", json("a-string-secret")))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.errors()).extracting(FieldProblem::path).containsExactly("/data");
                    assertThat(e.getMessage()).doesNotContain("a-string-secret");
                });
    }

    @Test
    void toStringOfEveryTypeMasksItsSecrets() {
        assertThat(new ApiKeyCredential("sk-abc", ApiKeyCredential.Placement.BEARER, null).toString())
                .doesNotContain("sk-abc");
        assertThat(new BasicAuthCredential("ann", "hunter2").toString()).doesNotContain("hunter2").contains("ann");
        assertThat(new CustomHeaderCredential("X-Token", "tok-9").toString()).doesNotContain("tok-9");
    }

    @Test
    void refusesTypesThatWouldLeakOrClash() {
        assertThatThrownBy(() -> new CredentialTypes(List.of(BrokenCredentialTypes.Unannotated.class)))
                .hasMessageContaining("@CredentialType");
        assertThatThrownBy(() -> new CredentialTypes(List.of(ApiKeyCredential.class, BrokenCredentialTypes.Clash.class)))
                .hasMessageContaining("declared twice");
    }

    @Test
    void refusesATypeThatKeepsTheGeneratedToString() {
        assertThatThrownBy(() -> new CredentialTypes(List.of(BrokenCredentialTypes.Leaky.class)))
                .hasMessageContaining("must override toString()");
    }
}
