package dev.automateos.server.credential;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import tools.jackson.databind.JsonNode;

/** Request bodies of the credential endpoints. {@code data} is checked against the type's schema, not here. */
final class CredentialRequests {

    private CredentialRequests() {
    }

    record Create(@NotBlank @Size(max = 100) String name, @NotBlank @Size(max = 64) String type, @NotNull JsonNode data) {
        @Override
        public String toString() {
            return "Create[name=" + name + ", type=" + type + ", data=****]";
        }
    }

    /** {@code data} absent keeps the stored secret; present, it replaces it wholly. */
    record Update(@NotBlank @Size(max = 100) String name, JsonNode data) {
        @Override
        public String toString() {
            return "Update[name=" + name + ", data=" + (data == null ? "unchanged" : "****") + "]";
        }
    }
}
