package dev.automateos.server.credential;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** One secret HTTP header, for services with their own authentication scheme. */
@CredentialType(value = "custom_header", name = "Custom header",
        description = "One secret HTTP header, for services that authenticate with a header of their own.")
public record CustomHeaderCredential(
        @NotBlank @Size(max = 256) @Pattern(regexp = Tokens.HTTP_TOKEN)
        @JsonPropertyDescription("The header name, e.g. X-Auth-Token.")
        String headerName,
        @Secret @NotBlank @Size(max = 8192) @Pattern(regexp = "^[^\\r\\n]*$")
        @JsonPropertyDescription("The header value.")
        String headerValue) implements CredentialData {

    @Override
    public String toString() {
        return "CustomHeaderCredential[headerName=" + headerName + ", headerValue=****]";
    }
}
