package dev.automateos.server.credential;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** HTTP Basic authentication (RFC 7617). */
@CredentialType(value = "basic_auth", name = "Basic auth",
        description = "A username and password, sent as HTTP Basic authentication.")
public record BasicAuthCredential(
        // RFC 7617: the user-id cannot contain a colon, which separates it from the password.
        @NotBlank @Size(max = 256) @Pattern(regexp = "^[^:\\r\\n]*$")
        @JsonPropertyDescription("The user name. It cannot contain a colon.")
        String username,
        @Secret @NotNull @Size(max = 4096) @Pattern(regexp = "^[^\\r\\n]*$")
        @JsonPropertyDescription("The password.")
        String password) implements CredentialData {

    @Override
    public String toString() {
        return "BasicAuthCredential[username=" + username + ", password=****]";
    }
}
