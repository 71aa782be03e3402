package dev.automateos.server.webhook;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.media.StringSchema;
import java.util.List;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Describes the webhook URLs in the OpenAPI document: {@link WebhookServlet} serves them outside
 * Spring MVC, so springdoc cannot see them. The full story is in docs/webhooks.md.
 */
@Configuration(proxyBeanMethods = false)
class WebhookOpenApi {

    @Bean
    OpenApiCustomizer webhookPaths() {
        return api -> {
            api.path("/webhook/{token}", item("Call a workflow's webhook (live: the workflow must be active).",
                    List.of(pathParameter("token", "The workflow's webhook token, from GET /api/v1/workflows/{id}/webhook."))));
            api.path("/webhook-test/{token}", item("Run the workflow's current version through its webhook, active or not.",
                    List.of(pathParameter("token", "The workflow's webhook token."))));
            api.path("/webhook/u/{username}/{path}", item("Call a workflow's webhook by its owner's custom path.",
                    List.of(pathParameter("username", "The workflow owner's username (any case)."),
                            pathParameter("path", "The custom path; may hold several segments."))));
        };
    }

    private static PathItem item(String summary, List<Parameter> parameters) {
        PathItem item = new PathItem().parameters(parameters);
        for (PathItem.HttpMethod method : List.of(PathItem.HttpMethod.GET, PathItem.HttpMethod.POST,
                PathItem.HttpMethod.PUT, PathItem.HttpMethod.PATCH, PathItem.HttpMethod.DELETE)) {
            item.operation(method, new Operation().summary(summary).addTagsItem("webhooks")
                    .description("Accepts JSON, form and raw bodies up to the body size limit. The trigger's config "
                            + "decides the methods, the authentication and the response mode.")
                    .security(List.of()).responses(responses()));
        }
        return item;
    }

    private static Parameter pathParameter(String name, String description) {
        return new Parameter().in("path").name(name).required(true).description(description).schema(new StringSchema());
    }

    private static ApiResponses responses() {
        return new ApiResponses()
                .addApiResponse("200", new ApiResponse().description("when_finished: the run's result, or what a Respond node set"))
                .addApiResponse("202", new ApiResponse().description("immediate (or a run past the sync timeout): "
                        + "execution_id and status_url"))
                .addApiResponse("204", new ApiResponse().description("when_finished: the run succeeded with no output"))
                .addApiResponse("400", new ApiResponse().description("invalid Idempotency-Key or body"))
                .addApiResponse("401", new ApiResponse().description("the webhook's authentication failed; nothing started"))
                .addApiResponse("404", new ApiResponse().description("unknown, inactive or malformed address"))
                .addApiResponse("405", new ApiResponse().description("method not accepted by this webhook (see Allow)"))
                .addApiResponse("413", new ApiResponse().description("body larger than the limit"))
                .addApiResponse("502", new ApiResponse().description("when_finished: the run failed"))
                .addApiResponse("503", new ApiResponse().description("storage unavailable; retry after Retry-After"));
    }
}
