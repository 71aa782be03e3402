package dev.automateos.server.user;

import dev.automateos.server.auth.JdbcUserStore;
import dev.automateos.server.auth.Role;
import dev.automateos.server.auth.User;
import dev.automateos.server.store.SqlDialect;
import dev.automateos.server.web.ApiException;
import dev.automateos.server.web.Page;
import dev.automateos.server.web.PageRequest;
import java.sql.Timestamp;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The admin's view of the {@code users} table: filtered listing and the admin-row lock. */
@Repository
class JdbcUserDirectory {

    private final JdbcClient jdbc;
    private final SqlDialect dialect;

    JdbcUserDirectory(JdbcClient jdbc, SqlDialect dialect) {
        this.jdbc = jdbc;
        this.dialect = dialect;
    }

    /** Newest first; {@code q} matches a part of the username or email, ignoring case. */
    Page<User> list(Role role, String q, PageRequest page) {
        StringBuilder sql = new StringBuilder("select " + JdbcUserStore.COLUMNS + " from users where 1 = 1");
        List<Object> params = new ArrayList<>();
        if (role != null) {
            sql.append(" and role = ?");
            params.add(role.wireName());
        }
        if (q != null && !q.isBlank()) {
            sql.append(" and (").append(dialect.containsIgnoreCase("username")).append(" or ")
                    .append(dialect.containsIgnoreCase("email")).append(')');
            String pattern = SqlDialect.containsPattern(q.trim());
            params.add(pattern);
            params.add(pattern);
        }
        if (!page.first()) {
            sql.append(" and (created_at, id) < (?, ?)");
            params.add(Timestamp.from(cursorTime(page)));
            params.add(cursorId(page));
        }
        sql.append(" order by created_at desc, id desc fetch first ").append(page.fetchSize()).append(" rows only");
        List<User> rows = jdbc.sql(sql.toString()).params(params).query(JdbcUserStore::map).list();
        return Page.fromOverfetch(rows, page.limit(),
                u -> PageRequest.encode(u.createdAt().toString(), u.id().toString()));
    }

    /**
     * Locks the rows of all enabled admins until the transaction ends and returns their ids.
     * Changes that could remove an admin take this lock first, so two of them cannot each
     * believe another admin remains.
     */
    List<UUID> lockActiveAdmins() {
        return jdbc.sql("select id from users where role = ? and enabled = true for update")
                .param(Role.ADMIN.wireName()).query(UUID.class).list();
    }

    private static Instant cursorTime(PageRequest page) {
        try {
            return Instant.parse(page.after().get(0));
        } catch (DateTimeException e) {
            throw badCursor();
        }
    }

    private static UUID cursorId(PageRequest page) {
        try {
            return UUID.fromString(page.after().get(1));
        } catch (IllegalArgumentException e) {
            throw badCursor();
        }
    }

    private static ApiException badCursor() {
        return ApiException.invalidField("cursor", "invalid_cursor",
                "The cursor is not valid; use the next_cursor value of the previous page as it is.");
    }
}
