package dev.automateos.engine.execution;

import dev.automateos.engine.node.CredentialSecret;
import dev.automateos.engine.node.OutboundHttp;
import java.util.UUID;

/**
 * What the step runner needs from the server to give nodes their outside world. The server
 * implements it (outbound guard, credential vault); tests pass fakes.
 */
public interface NodeServices {

    /** The guarded HTTP client nodes use ({@link dev.automateos.engine.node.NodeContext#http()}). */
    OutboundHttp http();

    /**
     * A credential of the owner of {@code workflowId}, decrypted, of the expected kind. Throws
     * {@link dev.automateos.engine.node.CredentialUnavailableException} when it does not exist,
     * belongs to someone else, or is of another kind.
     */
    <T extends CredentialSecret> T credential(UUID workflowId, String credentialId, Class<T> kind);

    /** No HTTP and no credentials: for workflows of pure data nodes, and tests. */
    static NodeServices none() {
        return new NodeServices() {
            @Override
            public OutboundHttp http() {
                return request -> {
                    throw new dev.automateos.engine.node.OutboundRefusedException("This runner allows no outbound HTTP.");
                };
            }

            @Override
            public <T extends CredentialSecret> T credential(UUID workflowId, String credentialId, Class<T> kind) {
                throw new dev.automateos.engine.node.CredentialUnavailableException(
                        "This runner has no credentials (asked for " + credentialId + ").");
            }
        };
    }
}
