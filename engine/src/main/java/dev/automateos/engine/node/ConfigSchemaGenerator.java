package dev.automateos.engine.node;

import com.github.victools.jsonschema.generator.CustomDefinition;
import com.github.victools.jsonschema.generator.FieldScope;
import com.github.victools.jsonschema.generator.Option;
import com.github.victools.jsonschema.generator.OptionPreset;
import com.github.victools.jsonschema.generator.SchemaGenerator;
import com.github.victools.jsonschema.generator.SchemaGeneratorConfigBuilder;
import com.github.victools.jsonschema.generator.SchemaVersion;
import com.github.victools.jsonschema.module.jackson.JacksonModule;
import com.github.victools.jsonschema.module.jackson.JacksonOption;
import com.github.victools.jsonschema.module.jakarta.validation.JakartaValidationModule;
import com.github.victools.jsonschema.module.jakarta.validation.JakartaValidationOption;
import dev.automateos.engine.expression.Template;
import dev.automateos.engine.json.EngineJson;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Generates a config record's JSON Schema (Draft 2020-12): snake_case names, no additional
 * properties, jakarta constraints, {@code @NotNull}-style fields required, defaults taken from the
 * record's compact constructor (see {@link ConfigDefaults}), templates as strings marked
 * {@code "x-expression": true}, and {@link Ui} hints.
 */
final class ConfigSchemaGenerator {

    private static final SchemaGenerator GENERATOR = new SchemaGenerator(builder().build());

    private ConfigSchemaGenerator() {}

    static ObjectNode generate(Class<? extends Record> configType) {
        ObjectNode schema = GENERATOR.generateSchema(configType);
        // Defaults are attached as POJO nodes; a write/read turns the schema into a plain JSON tree.
        ObjectNode json = (ObjectNode) EngineJson.mapper().readTree(EngineJson.mapper().writeValueAsString(schema));
        DiscriminatedUnions.toOneOf(json);
        return json;
    }

    private static SchemaGeneratorConfigBuilder builder() {
        SchemaGeneratorConfigBuilder builder = new SchemaGeneratorConfigBuilder(
                EngineJson.mapper(), SchemaVersion.DRAFT_2020_12, OptionPreset.PLAIN_JSON)
                .with(Option.FLATTENED_ENUMS)
                .with(new JacksonModule(JacksonOption.FLATTENED_ENUMS_FROM_JSONPROPERTY))
                .with(new JakartaValidationModule(JakartaValidationOption.NOT_NULLABLE_FIELD_IS_REQUIRED,
                        JakartaValidationOption.INCLUDE_PATTERN_EXPRESSIONS));
        builder.forTypesInGeneral().withCustomDefinitionProvider((type, context) -> {
            if (type.isInstanceOf(Template.class)) {
                ObjectNode schema = context.getGeneratorConfig().createObjectNode();
                schema.put("type", "string").put("x-expression", true);
                return new CustomDefinition(schema, CustomDefinition.DefinitionType.INLINE,
                        CustomDefinition.AttributeInclusion.YES);
            }
            if (type.isInstanceOf(JsonNode.class)) {
                // Any JSON value.
                return new CustomDefinition(context.getGeneratorConfig().createObjectNode(),
                        CustomDefinition.DefinitionType.INLINE, CustomDefinition.AttributeInclusion.YES);
            }
            return null;
        });
        // Records are closed; JsonNode fields ("any JSON") and maps stay open.
        builder.forTypesInGeneral().withAdditionalPropertiesResolver(scope -> {
            if (scope.getType().isInstanceOf(Map.class)) {
                return scope.getTypeParameterFor(Map.class, 1);
            }
            return scope.getType().getErasedType().isRecord() ? Void.class : null;
        });
        // Container items get the member's resolvers too; the hints belong on the member only.
        builder.forFields()
                .withPropertyNameOverrideResolver(field -> snakeCase(field.getDeclaredName()))
                .withTitleResolver(field -> field.isFakeContainerItemScope() ? null : title(field))
                .withDescriptionResolver(field -> field.isFakeContainerItemScope() ? null : description(field))
                .withDefaultResolver(field -> field.isFakeContainerItemScope() ? null : ConfigDefaults.of(field))
                .withInstanceAttributeOverride((node, field, context) -> {
                    if (!field.isFakeContainerItemScope()) {
                        uiHints(node, field);
                    }
                });
        return builder;
    }

    private static String title(FieldScope field) {
        Ui ui = ui(field);
        if (ui != null && !ui.title().isBlank()) {
            return ui.title();
        }
        String words = field.getDeclaredName().replaceAll("([a-z0-9])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    /** The name Jackson's SNAKE_CASE strategy gives the field, so the schema and the binding agree. */
    static String snakeCase(String name) {
        return EngineJson.mapper().serializationConfig().getPropertyNamingStrategy().nameForField(null, null, name);
    }

    private static String description(FieldScope field) {
        Ui ui = ui(field);
        return ui == null ? null : blankToNull(ui.description());
    }

    private static void uiHints(ObjectNode node, FieldScope field) {
        Ui ui = ui(field);
        if (ui != null && ui.widget() != Ui.Widget.DEFAULT) {
            node.put("x-ui-widget", ui.widget().name().toLowerCase(Locale.ROOT));
        }
        if (ui != null && !ui.placeholder().isBlank()) {
            node.put("x-ui-placeholder", ui.placeholder());
        }
        // Optional knobs live in a nested record named Options, which the form shows collapsed.
        if (field.getType() != null && field.getType().getErasedType().getSimpleName().equals("Options")) {
            node.put("x-ui-collapsed", true);
        }
    }

    private static Ui ui(FieldScope field) {
        return field.getAnnotationConsideringFieldAndGetter(Ui.class);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
