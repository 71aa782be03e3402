package dev.automateos.server.webhook;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.automateos.server.credential.CredentialData;
import dev.automateos.server.credential.CredentialType;
import dev.automateos.server.credential.Secret;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The shared secret a sender signs webhook bodies with (GitHub's webhook secret, Stripe's whsec_...). */
@CredentialType(value = "webhook_secret", name = "Webhook signing secret",
        description = "The shared secret a service signs its webhook calls with, such as a GitHub webhook secret "
                + "or a Stripe endpoint signing secret (whsec_...). Used to check HMAC signatures.")
public record WebhookSecretCredential(
        @Secret @NotBlank @Size(max = 4096)
        @JsonPropertyDescription("The secret exactly as the sending service shows it, prefix included.")
        String secret) implements CredentialData {

    @Override
    public String toString() {
        return "WebhookSecretCredential[secret=****]";
    }
}
