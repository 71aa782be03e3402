package dev.automateos.server.user;

import dev.automateos.server.auth.AuthenticatedUser;
import dev.automateos.server.auth.UserView;
import dev.automateos.server.user.UserRequests.CreateUserRequest;
import dev.automateos.server.user.UserRequests.UpdateUserRequest;
import dev.automateos.server.web.Page;
import dev.automateos.server.web.PageRequest;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** User administration; the security layer lets only admins reach {@code /api/v1/users/**}. */
@RestController
@RequestMapping("/api/v1/users")
class UserController {

    private final UserAdminService service;

    UserController(UserAdminService service) {
        this.service = service;
    }

    @GetMapping
    Page<UserView> list(@RequestParam(required = false) Integer limit, @RequestParam(required = false) String cursor,
                        @RequestParam(required = false) String role, @RequestParam(required = false) String q) {
        return service.list(role, q, PageRequest.of(limit, cursor, 2)).map(UserView::of);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    UserView create(@RequestBody CreateUserRequest body) {
        return UserView.of(service.create(body));
    }

    @GetMapping("/{id}")
    UserView get(@PathVariable UUID id) {
        return UserView.of(service.get(id));
    }

    @PatchMapping("/{id}")
    UserView update(@AuthenticationPrincipal AuthenticatedUser me, @PathVariable UUID id,
                    @RequestBody UpdateUserRequest body) {
        return UserView.of(service.update(me, id, body));
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@AuthenticationPrincipal AuthenticatedUser me, @PathVariable UUID id) {
        service.delete(me, id);
    }
}
