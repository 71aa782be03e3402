package dev.automateos.server.credential;

import dev.automateos.server.auth.AuthenticatedUser;
import dev.automateos.server.web.Page;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/credentials}: metadata in and out; secret values only ever go in. */
@RestController
@RequestMapping("/api/v1/credentials")
class CredentialController {

    private final CredentialService service;

    CredentialController(CredentialService service) {
        this.service = service;
    }

    @GetMapping
    Page<Credential> list(@AuthenticationPrincipal AuthenticatedUser me,
                          @RequestParam(required = false) Integer limit,
                          @RequestParam(required = false) String cursor,
                          @RequestParam(required = false) String type,
                          @RequestParam(required = false) String name,
                          @RequestParam(name = "owner_id", required = false) UUID ownerId) {
        return service.list(me, limit, cursor, type, name, ownerId);
    }

    @PostMapping
    ResponseEntity<Credential> create(@AuthenticationPrincipal AuthenticatedUser me,
                                      @Valid @RequestBody CredentialRequests.Create request) {
        Credential created = service.create(me, request);
        return ResponseEntity.created(URI.create("/api/v1/credentials/" + created.id())).body(created);
    }

    @GetMapping("/{id}")
    Credential get(@AuthenticationPrincipal AuthenticatedUser me, @PathVariable UUID id) {
        return service.get(me, id);
    }

    @PutMapping("/{id}")
    Credential update(@AuthenticationPrincipal AuthenticatedUser me, @PathVariable UUID id,
                      @Valid @RequestBody CredentialRequests.Update request) {
        return service.update(me, id, request);
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@AuthenticationPrincipal AuthenticatedUser me, @PathVariable UUID id) {
        service.delete(me, id);
        return ResponseEntity.noContent().build();
    }
}
