package dev.automateos.server.webhook;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code webhook_endpoints} table, and the read-only lookups a request needs in the workflow
 * tables (one join: endpoint and workflow row), so a call costs one small query; the version's
 * document comes from {@link WebhookVersions}, parsed once per version.
 */
@Repository
class JdbcWebhookStore {

    private static final String ENDPOINT = "select workflow_id, owner_id, token_path, custom_path from webhook_endpoints";
    private static final String WORKFLOW = "select w.id, w.owner_id, w.active, w.current_version from workflows w ";
    private static final String TARGET = "select w.id, w.owner_id, w.active, w.current_version "
            + "from webhook_endpoints e join workflows w on w.id = e.workflow_id ";

    private final JdbcClient jdbc;

    JdbcWebhookStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<WebhookEndpoint> find(UUID workflowId) {
        return jdbc.sql(ENDPOINT + " where workflow_id = ?").param(workflowId).query(this::endpoint).optional();
    }

    /** The workflow (other than {@code except}) of this owner that already uses {@code customPath}. */
    Optional<UUID> customPathOwner(UUID ownerId, String customPath, UUID except) {
        return jdbc.sql("select workflow_id from webhook_endpoints where owner_id = ? and custom_path = ? "
                        + "and workflow_id <> ?")
                .params(ownerId, customPath, except).query(UUID.class).optional();
    }

    void insert(WebhookEndpoint endpoint, Instant at) {
        jdbc.sql("insert into webhook_endpoints (workflow_id, owner_id, token_path, custom_path, created_at) "
                        + "values (?, ?, ?, ?, ?)")
                .params(endpoint.workflowId(), endpoint.ownerId(), endpoint.tokenPath(), endpoint.customPath(),
                        Timestamp.from(at))
                .update();
    }

    void setCustomPath(UUID workflowId, String customPath) {
        jdbc.sql("update webhook_endpoints set custom_path = ? where workflow_id = ?")
                .params(customPath, workflowId).update();
    }

    boolean rotate(UUID workflowId, String tokenPath, Instant at) {
        return jdbc.sql("update webhook_endpoints set token_path = ?, rotated_at = ? where workflow_id = ?")
                .params(tokenPath, Timestamp.from(at), workflowId).update() > 0;
    }

    /** A workflow and its current version, whether or not it has an endpoint yet. */
    Optional<WebhookTarget> workflow(UUID workflowId) {
        return jdbc.sql(WORKFLOW + "where w.id = ?").param(workflowId).query(this::target).optional();
    }

    Optional<WebhookTarget> byToken(String tokenPath) {
        return jdbc.sql(TARGET + "where e.token_path = ?").param(tokenPath).query(this::target).optional();
    }

    /** Usernames are stored lower-cased, so the URL's user part matches whatever case was typed. */
    Optional<WebhookTarget> byCustomPath(String username, String customPath) {
        return jdbc.sql(TARGET + "join users u on u.id = e.owner_id where u.username = ? and e.custom_path = ?")
                .params(username, customPath).query(this::target).optional();
    }

    private WebhookEndpoint endpoint(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new WebhookEndpoint(rs.getObject("workflow_id", UUID.class), rs.getObject("owner_id", UUID.class),
                rs.getString("token_path"), rs.getString("custom_path"));
    }

    private WebhookTarget target(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new WebhookTarget(rs.getObject("id", UUID.class), rs.getObject("owner_id", UUID.class),
                rs.getBoolean("active"), rs.getInt("current_version"));
    }
}
