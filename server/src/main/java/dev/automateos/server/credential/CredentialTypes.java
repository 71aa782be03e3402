package dev.automateos.server.credential;

import dev.automateos.server.web.ApiException;
import dev.automateos.server.web.FieldProblem;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.stereotype.Component;
import org.springframework.util.ClassUtils;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The catalogue of credential types, found on the classpath by their {@link CredentialType}
 * annotation. It validates incoming {@code data} against a type's schema and converts between
 * the typed records and the JSON that is encrypted at rest.
 */
@Component
public class CredentialTypes {

    static final String BASE_PACKAGE = "dev.automateos";

    /** A type with its schema. {@code schema} is shared: do not modify it. */
    public record Descriptor(String type, String name, String description, Class<? extends CredentialData> javaType,
                             ObjectNode schema) {
    }

    // Its own mapper, not the web one: the stored plaintext format must not follow API settings.
    private final JsonMapper json = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();
    private final Map<String, Descriptor> types;
    private final Map<String, DataValidator> validators;

    public CredentialTypes() {
        this(discover());
    }

    CredentialTypes(List<Class<? extends CredentialData>> classes) {
        Map<String, Descriptor> found = new TreeMap<>();
        Map<String, DataValidator> checks = new TreeMap<>();
        for (Class<? extends CredentialData> type : classes) {
            Descriptor descriptor = describe(type);
            checks.put(descriptor.type(), new DataValidator(descriptor.schema()));
            Descriptor clash = found.put(descriptor.type(), descriptor);
            if (clash != null) {
                throw new IllegalStateException("Credential type '" + descriptor.type() + "' is declared twice: by "
                        + clash.javaType().getName() + " and " + type.getName());
            }
        }
        this.types = Collections.unmodifiableMap(found);
        this.validators = Map.copyOf(checks);
    }

    public Collection<Descriptor> all() {
        return types.values();
    }

    public Optional<Descriptor> find(String type) {
        return Optional.ofNullable(type == null ? null : types.get(type));
    }

    /**
     * Checks {@code data} against the type's schema and rules and returns the typed value.
     *
     * @throws ApiException 400 with paths under {@code /data} (or {@code /type}); no message quotes a value
     */
    public CredentialData parse(String type, JsonNode data) {
        Descriptor descriptor = find(type).orElseThrow(() -> ApiException.invalidField("/type",
                "unknown_credential_type", "There is no credential type '" + type
                        + "'; GET /api/v1/credential-types lists them."));
        if (data == null || !data.isObject()) {
            throw ApiException.invalidField("/data", "invalid_type", "data must be an object with the fields of the "
                    + "credential type.");
        }
        List<FieldProblem> problems = validators.get(descriptor.type()).validate(data, "/data");
        if (!problems.isEmpty()) {
            throw ApiException.validation(problems);
        }
        CredentialData value;
        try {
            value = json.treeToValue(data, descriptor.javaType());
        } catch (JacksonException e) {
            // Jackson's message may quote the value; say only where.
            throw ApiException.invalidField("/data", "invalid_value", "data does not fit the credential type.");
        }
        List<FieldProblem> rules = value.problems().stream()
                .map(p -> new FieldProblem("/data" + p.path(), p.code(), p.message())).toList();
        if (!rules.isEmpty()) {
            throw ApiException.validation(rules);
        }
        return value;
    }

    byte[] toJson(CredentialData value) {
        return json.writeValueAsBytes(value);
    }

    CredentialData fromJson(String type, byte[] plaintext) {
        Descriptor descriptor = find(type).orElseThrow(() -> new IllegalStateException(
                "The stored credential type '" + type + "' is not known to this version."));
        return json.readValue(plaintext, descriptor.javaType());
    }

    private static Descriptor describe(Class<? extends CredentialData> type) {
        CredentialType annotation = type.getAnnotation(CredentialType.class);
        if (annotation == null || !type.isRecord()) {
            throw new IllegalStateException(type.getName() + " must be a record annotated with @CredentialType");
        }
        if (!annotation.value().matches("[a-z][a-z0-9_]{0,63}")) {
            throw new IllegalStateException("Credential type id '" + annotation.value() + "' of " + type.getName()
                    + " must be snake_case, at most 64 characters");
        }
        requireMaskedToString(type);
        ObjectNode schema = CredentialSchemas.generate(type);
        return new Descriptor(annotation.value(), annotation.name(), annotation.description(), type, schema);
    }

    /** A record's own toString prints every component, secrets included; probe that this one does not. */
    private static void requireMaskedToString(Class<? extends CredentialData> type) {
        RecordComponent[] components = type.getRecordComponents();
        Object[] probe = new Object[components.length];
        Class<?>[] signature = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            Class<?> component = components[i].getType();
            signature[i] = component;
            probe[i] = component == String.class ? "probe-" + i + "-value"
                    : component.isEnum() ? component.getEnumConstants()[0] : null;
        }
        String text;
        try {
            var constructor = type.getDeclaredConstructor(signature);
            constructor.setAccessible(true);
            text = constructor.newInstance(probe).toString();
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalStateException("Cannot check that " + type.getName() + " masks its secrets in toString()",
                    e);
        }
        for (int i = 0; i < components.length; i++) {
            if (components[i].isAnnotationPresent(Secret.class) && text.contains("probe-" + i + "-value")) {
                throw new IllegalStateException(type.getName() + " must override toString() and mask its @Secret "
                        + "component '" + components[i].getName() + "'");
            }
        }
    }

    @SuppressWarnings("unchecked")
    static List<Class<? extends CredentialData>> discover() {
        var scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(CredentialType.class));
        List<Class<? extends CredentialData>> classes = new ArrayList<>();
        for (var candidate : scanner.findCandidateComponents(BASE_PACKAGE)) {
            Class<?> type = ClassUtils.resolveClassName(candidate.getBeanClassName(), CredentialTypes.class.getClassLoader());
            if (!CredentialData.class.isAssignableFrom(type)) {
                throw new IllegalStateException(type.getName() + " is a @CredentialType but does not implement "
                        + "CredentialData");
            }
            classes.add((Class<? extends CredentialData>) type);
        }
        return classes;
    }
}
