package dev.automateos.server.auth;

import dev.automateos.server.web.Page;
import dev.automateos.server.web.PageRequest;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Personal API keys under {@code /api/v1/api-keys}, always the caller's own (even for admins),
 * and the service-account keys admins manage under {@code /api/v1/users/{id}/api-keys} (the
 * security layer lets only admins reach that path).
 */
@RestController
class ApiKeyController {

    private final ApiKeyService keys;

    ApiKeyController(ApiKeyService keys) {
        this.keys = keys;
    }

    @GetMapping("/api/v1/api-keys")
    Page<ApiKeyView> list(@AuthenticationPrincipal AuthenticatedUser me, @RequestParam(required = false) Integer limit,
                          @RequestParam(required = false) String cursor) {
        return keys.list(me.id(), PageRequest.of(limit, cursor, 2));
    }

    @PostMapping("/api/v1/api-keys")
    @ResponseStatus(HttpStatus.CREATED)
    ApiKeyView create(@AuthenticationPrincipal AuthenticatedUser me, @RequestBody ApiKeyService.CreateRequest body) {
        return keys.createOwn(me, body);
    }

    @DeleteMapping("/api/v1/api-keys/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void revoke(@AuthenticationPrincipal AuthenticatedUser me, @PathVariable UUID id) {
        keys.revoke(me.id(), id);
    }

    @GetMapping("/api/v1/users/{userId}/api-keys")
    Page<ApiKeyView> listForUser(@PathVariable UUID userId, @RequestParam(required = false) Integer limit,
                                 @RequestParam(required = false) String cursor) {
        return keys.list(userId, PageRequest.of(limit, cursor, 2));
    }

    @PostMapping("/api/v1/users/{userId}/api-keys")
    @ResponseStatus(HttpStatus.CREATED)
    ApiKeyView createForUser(@PathVariable UUID userId, @RequestBody ApiKeyService.CreateRequest body) {
        return keys.createForServiceAccount(userId, body);
    }

    @DeleteMapping("/api/v1/users/{userId}/api-keys/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void revokeForUser(@PathVariable UUID userId, @PathVariable UUID id) {
        keys.revoke(userId, id);
    }
}
