package dev.automateos.server.credential;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.automateos.server.web.FieldProblem;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/** An API key or bearer token, sent in a header, in a query parameter, or as {@code Authorization: Bearer}. */
@CredentialType(value = "api_key", name = "API key",
        description = "An API key or bearer token, sent in a request header, a query parameter, "
                + "or as 'Authorization: Bearer <token>'.")
public record ApiKeyCredential(
        @Secret @NotBlank @Size(max = 8192)
        @JsonPropertyDescription("The key or token.")
        String token,
        @NotNull
        @JsonPropertyDescription("Where the key is sent: a header, a query parameter, or 'Authorization: Bearer'.")
        Placement placement,
        @Size(min = 1, max = 256) @Pattern(regexp = Tokens.HTTP_TOKEN)
        @JsonPropertyDescription("The header or query parameter that carries the key, e.g. X-API-Key. "
                + "Required for header and query placement; leave it out for bearer.")
        String name) implements CredentialData {

    /** Where the key goes in a request. */
    public enum Placement {
        @JsonProperty("header") HEADER,
        @JsonProperty("query") QUERY,
        @JsonProperty("bearer") BEARER
    }

    @Override
    public List<FieldProblem> problems() {
        if (placement != Placement.BEARER && name == null) {
            return List.of(new FieldProblem("/name", "required",
                    "name is required when placement is header or query."));
        }
        if (placement == Placement.BEARER && name != null) {
            return List.of(new FieldProblem("/name", "not_allowed",
                    "name is not used with bearer placement (the header is always Authorization); leave it out."));
        }
        return List.of();
    }

    @Override
    public String toString() {
        return "ApiKeyCredential[token=****, placement=" + placement + ", name=" + name + "]";
    }
}
