package dev.automateos.engine.expression;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.BeanProperty;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ValueDeserializer;

/** Binds a JSON string to a {@link Template}, taking {@code T} from the declared type ({@code Template<Boolean>}). */
final class TemplateDeserializer extends ValueDeserializer<Template<?>> {

    private final Class<?> valueType;

    TemplateDeserializer() {
        this(String.class);
    }

    private TemplateDeserializer(Class<?> valueType) {
        this.valueType = valueType;
    }

    @Override
    public ValueDeserializer<?> createContextual(DeserializationContext ctxt, BeanProperty property) {
        JavaType type = ctxt.getContextualType();
        if (type == null && property != null) {
            type = property.getType();
        }
        JavaType parameter = type == null ? null : type.containedType(0);
        Class<?> raw = parameter == null ? String.class : parameter.getRawClass();
        if (JsonNode.class.isAssignableFrom(raw) || raw == Object.class) {
            raw = JsonNode.class;
        }
        if (!TemplateValues.SUPPORTED.contains(raw)) {
            throw new IllegalArgumentException("Template<" + raw.getSimpleName() + "> is not supported; use one of "
                    + TemplateValues.SUPPORTED);
        }
        return new TemplateDeserializer(raw);
    }

    @Override
    public Template<?> deserialize(JsonParser p, DeserializationContext ctxt) {
        if (p.currentToken() != JsonToken.VALUE_STRING) {
            return (Template<?>) ctxt.handleUnexpectedToken(Template.class, p);
        }
        return Template.of(p.getString(), valueType);
    }
}
