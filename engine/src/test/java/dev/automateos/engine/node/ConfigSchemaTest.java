package dev.automateos.engine.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.automateos.engine.json.EngineJson;
import dev.automateos.engine.workflow.WorkflowFormat;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ConfigSchemaTest {

    private final ConfigSchema schema = ConfigSchema.of(SampleConfig.class);
    private final JsonNode json = schema.json();

    @Test
    void generatesADraft202012SchemaWithSnakeCaseNamesAndNoExtraProperties() {
        assertThat(json.get("$schema").asString()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
        assertThat(json.get("properties").propertyNames()).containsExactlyInAnyOrder("title_text", "fields", "path",
                "methods", "response_mode", "retries", "condition", "anything", "options");
        assertThat(json.get("additionalProperties").booleanValue()).isFalse();
        assertThat(json.at("/properties/options/additionalProperties").booleanValue()).isFalse();
        assertThat(json.at("/properties/options/properties").propertyNames()).containsExactlyInAnyOrder("keep_input", "note");
    }

    @Test
    void requiresOnlyNotNullFields() {
        assertThat(json.get("required").values()).extracting(JsonNode::asString).containsExactly("title_text");
    }

    @Test
    void marksTemplatesAsExpressionStrings() {
        assertThat(json.at("/properties/title_text/type").asString()).isEqualTo("string");
        assertThat(json.at("/properties/title_text/x-expression").booleanValue()).isTrue();
        assertThat(json.at("/properties/condition/x-expression").booleanValue()).isTrue();
        assertThat(json.at("/properties/fields/additionalProperties/x-expression").booleanValue()).isTrue();
        assertThat(json.at("/properties/path/x-expression").isMissingNode()).isTrue();
    }

    @Test
    void honoursJakartaConstraintsAndEnumNames() {
        assertThat(json.at("/properties/path/pattern").asString()).isEqualTo("[a-z]+");
        assertThat(json.at("/properties/retries/minimum").intValue()).isEqualTo(1);
        assertThat(json.at("/properties/retries/maximum").intValue()).isEqualTo(10);
        assertThat(json.at("/properties/response_mode/enum").toString()).isEqualTo("[\"immediate\",\"when_finished\"]");
    }

    @Test
    void takesDefaultsFromTheCompactConstructor() {
        assertThat(json.at("/properties/methods/default").toString()).isEqualTo("[\"POST\"]");
        assertThat(json.at("/properties/response_mode/default").asString()).isEqualTo("immediate");
        assertThat(json.at("/properties/options/default").toString()).isEqualTo("{\"keep_input\":false}");
        assertThat(json.at("/properties/methods/items/default").isMissingNode()).isTrue();
    }

    @Test
    void copiesUiHintsAndCollapsesOptions() {
        assertThat(json.at("/properties/title_text/description").asString()).isEqualTo("What to call it");
        assertThat(json.at("/properties/title_text/title").asString()).isEqualTo("Title text");
        assertThat(json.at("/properties/title_text/x-ui-placeholder").asString()).isEqualTo("{{ $input.title }}");
        assertThat(json.at("/properties/options/properties/note/x-ui-widget").asString()).isEqualTo("textarea");
        assertThat(json.at("/properties/options/x-ui-collapsed").booleanValue()).isTrue();
    }

    @Test
    void leavesJsonNodeFieldsOpen() {
        assertThat(schema.validate(WorkflowFormat.parseJson("""
                {"title_text": "x", "anything": {"any": ["json", 1, null]}}
                """))).isEmpty();
    }

    @Test
    void reportsEveryViolationWithAPointerIntoTheConfig() {
        var violations = schema.validate(WorkflowFormat.parseJson("""
                {"fields": {"a": 1}, "path": "A", "methods": ["PUT"], "response_mode": "later",
                 "retries": 11, "options": {"keep_input": "yes", "extra": 1}}
                """));

        assertThat(violations).extracting(ConfigViolation::pointer).containsExactly("/fields/a", "/methods/0",
                "/options/extra", "/options/keep_input", "/path", "/response_mode", "/retries", "/title_text");
        assertThat(violations).extracting(ConfigViolation::pointer, ConfigViolation::message).contains(
                tuple("/title_text", "'title_text' is required."),
                tuple("/retries", "'retries': must have a maximum value of 10."));
    }

    @Test
    void bindsConfigJsonToTheRecordWithTheSameNamesAndTypedTemplates() {
        SampleConfig config = EngineJson.mapper().treeToValue(WorkflowFormat.parseJson("""
                {"title_text": "Hi {{ name }}", "condition": "{{ true }}", "fields": {"n": "{{ 1 }}"},
                 "response_mode": "when_finished", "options": {"keep_input": true}}
                """), SampleConfig.class);

        assertThat(config.titleText().source()).isEqualTo("Hi {{ name }}");
        assertThat(config.titleText().type()).isEqualTo(String.class);
        assertThat(config.condition().type()).isEqualTo(Boolean.class);
        assertThat(config.fields().get("n").type()).isEqualTo(JsonNode.class);
        assertThat(config.responseMode()).isEqualTo(SampleConfig.Mode.WHEN_FINISHED);
        assertThat(config.methods()).containsExactly(SampleConfig.Method.POST);
        assertThat(config.options().keepInput()).isTrue();
    }

    @Test
    void writesTemplatesBackAsPlainStrings() {
        SampleConfig config = EngineJson.mapper().treeToValue(
                WorkflowFormat.parseJson("{\"title_text\": \"{{ x }}\"}"), SampleConfig.class);

        assertThat(EngineJson.mapper().valueToTree(config).get("title_text").asString()).isEqualTo("{{ x }}");
    }
}
