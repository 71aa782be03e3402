package dev.automateos.server.webhook;

import dev.automateos.server.auth.AuthenticatedUser;
import java.util.UUID;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** A workflow's webhook URLs, and rotating their secret token. Scopes are checked by the security config. */
@RestController
@RequestMapping("/api/v1/workflows/{id}/webhook")
class WebhookInfoController {

    private final WebhookInfoService service;

    WebhookInfoController(WebhookInfoService service) {
        this.service = service;
    }

    @GetMapping
    WebhookInfo get(@AuthenticationPrincipal AuthenticatedUser me, @PathVariable UUID id) {
        return service.get(me, id);
    }

    @PostMapping("/rotate")
    WebhookInfo rotate(@AuthenticationPrincipal AuthenticatedUser me, @PathVariable UUID id) {
        return service.rotate(me, id);
    }
}
