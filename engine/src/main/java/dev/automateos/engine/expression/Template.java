package dev.automateos.engine.expression;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * A config string that may contain {@code {{ expression }}} parts, rendered at run time into a
 * {@code T}. Declaring a config field as {@code Template<T>} instead of {@code String} is what makes
 * the field accept expressions: its schema is a string marked {@code "x-expression": true}, and the
 * validator checks its syntax. {@code T} is one of {@link String}, {@link Boolean}, {@link Integer},
 * {@link Long}, {@link Double} or {@link JsonNode} (any JSON).
 *
 * <p>In JSON a template is a plain string; binding finds {@code T} from the declared field type.
 */
@JsonDeserialize(using = TemplateDeserializer.class)
public final class Template<T> {

    private final String source;
    private final Class<T> type;

    private Template(String source, Class<T> type) {
        this.source = Objects.requireNonNull(source, "source");
        this.type = Objects.requireNonNull(type, "type");
    }

    public static <T> Template<T> of(String source, Class<T> type) {
        return new Template<>(source, type);
    }

    public static Template<String> string(String source) {
        return of(source, String.class);
    }

    /** The text as written in the workflow document. */
    @JsonValue
    public String source() {
        return source;
    }

    /** What a rendered value is converted to. */
    public Class<T> type() {
        return type;
    }

    /**
     * Converts a rendered JSON value to {@code T}. JSON null becomes {@code null}. A string target
     * takes any scalar's text and any structure's compact JSON; other targets need a matching JSON
     * type, because guessing (is {@code "no"} false?) hides mistakes in expressions.
     */
    public T convert(JsonNode rendered) {
        return TemplateValues.convert(rendered, type, source);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Template<?> other && source.equals(other.source) && type.equals(other.type);
    }

    @Override
    public int hashCode() {
        return Objects.hash(source, type);
    }

    @Override
    public String toString() {
        return "Template<" + type.getSimpleName() + ">[" + source + "]";
    }
}
