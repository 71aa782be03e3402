package dev.automateos.server.credential;

import dev.automateos.server.web.FieldProblem;
import java.util.List;

/**
 * The decrypted value of a credential. Each credential type is one record implementing this
 * interface and annotated with {@link CredentialType}; its components are the fields of the
 * type (snake_case on the wire), constrained with jakarta.validation annotations that become
 * its JSON Schema.
 *
 * <p>Contract for implementations: a record; secret components annotated with {@link Secret};
 * {@code toString} overridden so that no secret value can ever reach a log ({@link CredentialTypes}
 * refuses to start otherwise).
 */
public interface CredentialData {

    /**
     * Rules that the schema does not express, such as a field required only with a certain value
     * of another. Paths are JSON Pointers into the data object ({@code /name}). Messages must not
     * quote any value.
     */
    default List<FieldProblem> problems() {
        return List.of();
    }
}
