package dev.automateos.server.execution;

import dev.automateos.engine.credential.ApiKeySecret;
import dev.automateos.engine.credential.BasicAuthSecret;
import dev.automateos.engine.credential.HeaderSecret;
import dev.automateos.engine.execution.NodeServices;
import dev.automateos.engine.http.GuardedHttpClient;
import dev.automateos.engine.node.CredentialSecret;
import dev.automateos.engine.node.CredentialUnavailableException;
import dev.automateos.engine.node.OutboundHttp;
import dev.automateos.server.credential.ApiKeyCredential;
import dev.automateos.server.credential.BasicAuthCredential;
import dev.automateos.server.credential.CredentialData;
import dev.automateos.server.credential.CredentialVault;
import dev.automateos.server.credential.CustomHeaderCredential;
import dev.automateos.server.workflow.WorkflowStore;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The outside world of nodes: the shared guarded HTTP client, and the vault's credentials of the
 * workflow's owner mapped to the engine's secret types. Messages name credentials, never values.
 */
@Component
class VaultNodeServices implements NodeServices {

    private final GuardedHttpClient http;
    private final CredentialVault vault;
    private final WorkflowStore workflows;

    VaultNodeServices(GuardedHttpClient http, CredentialVault vault, WorkflowStore workflows) {
        this.http = http;
        this.vault = vault;
        this.workflows = workflows;
    }

    @Override
    public OutboundHttp http() {
        return http;
    }

    @Override
    public <T extends CredentialSecret> T credential(UUID workflowId, String credentialId, Class<T> kind) {
        UUID id = parse(credentialId);
        UUID owner = workflows.find(workflowId).map(w -> w.ownerId())
                .orElseThrow(() -> unavailable(credentialId, "its workflow no longer exists"));
        CredentialData data;
        try {
            data = vault.resolve(id, owner);
        } catch (dev.automateos.server.credential.CredentialUnavailableException e) {
            throw new CredentialUnavailableException(e.getMessage());
        }
        CredentialSecret secret = switch (data) {
            case ApiKeyCredential a -> new ApiKeySecret(a.token(),
                    ApiKeySecret.Placement.valueOf(a.placement().name()), a.name());
            case BasicAuthCredential b -> new BasicAuthSecret(b.username(), b.password());
            case CustomHeaderCredential c -> new HeaderSecret(c.headerName(), c.headerValue());
            default -> throw unavailable(credentialId, "its type cannot be used by HTTP nodes");
        };
        if (!kind.isInstance(secret)) {
            throw unavailable(credentialId, "it is of another type than this node needs");
        }
        return kind.cast(secret);
    }

    private static UUID parse(String credentialId) {
        try {
            return UUID.fromString(credentialId);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw unavailable(credentialId, "that is not a credential id");
        }
    }

    private static CredentialUnavailableException unavailable(String credentialId, String why) {
        return new CredentialUnavailableException("Credential '" + credentialId + "' cannot be used: " + why + ".");
    }
}
