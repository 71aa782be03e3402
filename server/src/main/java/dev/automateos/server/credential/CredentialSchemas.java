package dev.automateos.server.credential;

import com.github.victools.jsonschema.generator.Option;
import com.github.victools.jsonschema.generator.OptionPreset;
import com.github.victools.jsonschema.generator.SchemaGenerator;
import com.github.victools.jsonschema.generator.SchemaGeneratorConfigBuilder;
import com.github.victools.jsonschema.generator.SchemaVersion;
import com.github.victools.jsonschema.module.jackson.JacksonModule;
import com.github.victools.jsonschema.module.jackson.JacksonOption;
import com.github.victools.jsonschema.module.jakarta.validation.JakartaValidationModule;
import com.github.victools.jsonschema.module.jakarta.validation.JakartaValidationOption;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Generates the JSON Schema of a credential record: snake_case names, no additional properties,
 * required fields from {@code @NotNull}/{@code @NotBlank}, and {@link Secret} fields marked
 * {@code writeOnly} with {@code format: password}.
 */
final class CredentialSchemas {

    private static final SchemaGenerator GENERATOR = new SchemaGenerator(config());

    private CredentialSchemas() {
    }

    static ObjectNode generate(Class<?> type) {
        return GENERATOR.generateSchema(type);
    }

    private static com.github.victools.jsonschema.generator.SchemaGeneratorConfig config() {
        JsonMapper mapper = JsonMapper.builder().propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE).build();
        var builder = new SchemaGeneratorConfigBuilder(mapper, SchemaVersion.DRAFT_2020_12, OptionPreset.PLAIN_JSON)
                .with(Option.FORBIDDEN_ADDITIONAL_PROPERTIES_BY_DEFAULT, Option.FLATTENED_ENUMS)
                .with(new JacksonModule(JacksonOption.FLATTENED_ENUMS_FROM_JSONPROPERTY))
                .with(new JakartaValidationModule(JakartaValidationOption.NOT_NULLABLE_FIELD_IS_REQUIRED,
                        JakartaValidationOption.INCLUDE_PATTERN_EXPRESSIONS));
        // Declaration order is form order: the record author puts the important field first.
        builder.forTypesInGeneral().withPropertySorter((first, second) -> 0);
        builder.forFields().withPropertyNameOverrideResolver(field -> snakeCase(field.getDeclaredName()));
        builder.forFields().withInstanceAttributeOverride((node, field, context) -> {
            if (field.getAnnotationConsideringFieldAndGetter(Secret.class) != null) {
                node.put("writeOnly", true);
                node.put("format", "password");
            }
        });
        return builder.build();
    }

    static String snakeCase(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase();
    }
}
