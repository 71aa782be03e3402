package dev.automateos.server.credential;

import dev.automateos.server.web.Page;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** {@code /api/v1/credential-types}: what a credential can be, with the schema that drives its form. */
@RestController
class CredentialTypeController {

    record TypeView(String type, String name, String description, JsonNode schema) {
    }

    private final CredentialTypes types;

    CredentialTypeController(CredentialTypes types) {
        this.types = types;
    }

    /** A handful of types, so one page always holds them all. */
    @GetMapping("/api/v1/credential-types")
    Page<TypeView> list() {
        return new Page<>(types.all().stream()
                .map(d -> new TypeView(d.type(), d.name(), d.description(), d.schema())).toList(), null);
    }
}
