package dev.automateos.server.web;

import dev.automateos.server.cli.VersionProvider;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI document's header and its two ways to authenticate. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfig {

    @Bean
    OpenAPI automateOsOpenApi() {
        return new OpenAPI()
                .info(new Info().title("AutomateOS API").version(VersionProvider.version())
                        .description("Self-hosted automation hub. Errors are RFC 9457 problem+json with a stable "
                                + "`code`, `errors[]` and `request_id`; lists paginate with `limit` and `cursor`.")
                        )
                .components(new Components()
                        .addSecuritySchemes("bearer", new SecurityScheme().type(SecurityScheme.Type.HTTP)
                                .scheme("bearer").bearerFormat("JWT or aos_ API key")
                                .description("An access token from POST /api/v1/auth/token, or a personal API key."))
                        .addSecuritySchemes("apiKey", new SecurityScheme().type(SecurityScheme.Type.APIKEY)
                                .in(SecurityScheme.In.HEADER).name("X-API-Key")))
                .addSecurityItem(new SecurityRequirement().addList("bearer"))
                .addSecurityItem(new SecurityRequirement().addList("apiKey"));
    }

    @Bean
    OpenApiCustomizer wireNames() {
        return new OpenApiWireNames();
    }
}
