package dev.automateos.testkit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.automateos.engine.execution.ExecutionMachine;
import dev.automateos.engine.execution.ExecutionPlan;
import dev.automateos.engine.execution.ExecutionState;
import dev.automateos.engine.execution.ExecutionStatus;
import dev.automateos.engine.execution.Jitter;
import dev.automateos.engine.execution.NodeServices;
import dev.automateos.engine.execution.Step;
import dev.automateos.engine.execution.StepRunner;
import dev.automateos.engine.execution.StepStatus;
import dev.automateos.engine.json.EngineJson;
import dev.automateos.engine.node.CredentialSecret;
import dev.automateos.engine.node.CredentialUnavailableException;
import dev.automateos.engine.node.NodeCatalog;
import dev.automateos.engine.node.NodeTypeDescriptor;
import dev.automateos.engine.node.OutboundHttp;
import dev.automateos.engine.workflow.WorkflowFormat;
import dev.automateos.testkit.ManualClock;
import dev.automateos.testkit.execution.InMemoryExecutionDriver;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/**
 * The node conformance run: every node type's example workflow (shipped in the nodes module under
 * {@code examples/}) runs through the real node types, step runner and state machine, once per
 * case in its run fixture ({@code example-runs/<type>@<version>.json} here). A node type without a
 * fixture fails, so a new node type cannot ship an example nobody ran.
 *
 * <p>A case holds the trigger {@code payload} as the server stores it, optional scripted
 * {@code http} exchanges (the node's requests are checked, nothing reaches the network), an
 * optional clock {@code advance} for waits, and what to {@code expect}.
 */
class ExampleWorkflowsRunTest {

    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    static Stream<Arguments> cases() {
        List<Arguments> all = new ArrayList<>();
        for (NodeTypeDescriptor type : NodeCatalog.discover().all()) {
            String key = type.type() + "@" + type.version();
            JsonNode fixture = read("/example-runs/" + key + ".json");
            assertThat(fixture).as("example-runs/%s.json exists", key).isNotNull();
            assertThat(fixture.path("cases").size()).as("cases in example-runs/%s.json", key).isPositive();
            for (JsonNode runCase : fixture.path("cases")) {
                all.add(Arguments.of(key, runCase.path("name").asString(), runCase));
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("cases")
    void runsTheExampleWorkflow(String key, String name, JsonNode runCase) {
        JsonNode workflow = read("/examples/" + key + ".json");
        ManualClock clock = new ManualClock(T0);
        StubHttp http = new StubHttp(exchanges(runCase.path("http")));
        var plan = ExecutionPlan.compile(workflow, NodeCatalog.discover());
        var driver = new InMemoryExecutionDriver(new ExecutionMachine(plan, Jitter.hashed(), null, 1),
                new StepRunner(clock, services(http)), clock);

        ExecutionState first = driver.submit(ExecutionState.queued(UUID.randomUUID(), UUID.randomUUID(), 1,
                runCase.path("payload"), clock.instant()));
        JsonNode expect = runCase.path("expect");
        if (runCase.has("advance")) {
            assertThat(first.status()).as("before the clock moves").isEqualTo(ExecutionStatus.WAITING);
        }
        ExecutionState state = runCase.has("advance")
                ? driver.advance(Duration.parse(runCase.path("advance").asString())) : first;

        assertThat(http.problems()).as("HTTP exchanges").isEmpty();
        assertThat(state.status().name().toLowerCase()).as(describe(state)).isEqualTo(expect.path("status").asString());
        assertThat(driver.runOrder()).isEqualTo(strings(expect.path("run_order")));
        for (String filtered : strings(expect.path("filtered"))) {
            assertThat(state.step(filtered).map(Step::status)).contains(StepStatus.FILTERED);
        }
        if (expect.has("result")) {
            assertThat(state.result()).as(String.valueOf(state.result())).isEqualTo(expect.path("result"));
        }
        expect.path("result_at").properties().forEach(entry ->
                assertThat(state.result().at(entry.getKey())).as("result at %s in %s", entry.getKey(), state.result())
                        .isEqualTo(entry.getValue()));
        if (expect.has("error_code")) {
            var error = driver.completion().orElseThrow().error();
            assertThat(error.code()).isEqualTo(expect.path("error_code").asString());
            assertThat(error.message()).contains(expect.path("error_message_contains").asString(""));
        }
    }

    private static NodeServices services(OutboundHttp http) {
        return new NodeServices() {
            @Override
            public OutboundHttp http() {
                return http;
            }

            @Override
            public <T extends CredentialSecret> T credential(UUID workflowId, String credentialId, Class<T> kind) {
                throw new CredentialUnavailableException("Examples use no credentials (asked for " + credentialId + ").");
            }
        };
    }

    private static List<StubHttp.Exchange> exchanges(JsonNode script) {
        List<StubHttp.Exchange> exchanges = new ArrayList<>();
        for (JsonNode e : script) {
            exchanges.add(new StubHttp.Exchange(e.path("method").asString(), e.path("url").asString(),
                    e.has("request_body") ? e.get("request_body") : null, e.path("status").asInt(), e.path("body")));
        }
        return exchanges;
    }

    private static String describe(ExecutionState state) {
        return EngineJson.mapper().writeValueAsString(state.steps().stream()
                .map(s -> s.id() + ":" + s.status() + (s.error() == null ? "" : " " + s.error().message())).toList());
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asString()));
        return values;
    }

    private static JsonNode read(String resource) {
        try (InputStream in = ExampleWorkflowsRunTest.class.getResourceAsStream(resource)) {
            return in == null ? null : WorkflowFormat.parseJson(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
