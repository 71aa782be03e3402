package testfixtures.credential;

import dev.automateos.server.credential.CredentialData;
import dev.automateos.server.credential.CredentialType;
import dev.automateos.server.credential.Secret;

/**
 * Credential types that must be refused. They live outside {@code dev.automateos} on purpose:
 * the real classpath scan would otherwise find them and refuse to start every test server.
 */
public final class BrokenCredentialTypes {

    private BrokenCredentialTypes() {
    }

    /** Not annotated with @CredentialType. */
    public record Unannotated(@Secret String password) implements CredentialData {
        @Override
        public String toString() {
            return "Unannotated[****]";
        }
    }

    @CredentialType(value = "api_key", name = "Duplicate", description = "Clashes with the real api_key.")
    public record Clash(String token) implements CredentialData {
        @Override
        public String toString() {
            return "Clash[****]";
        }
    }

    @CredentialType(value = "leaky", name = "Leaky", description = "Forgets to mask its secret.")
    public record Leaky(@Secret String password) implements CredentialData {
    }
}
