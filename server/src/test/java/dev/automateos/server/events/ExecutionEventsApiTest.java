package dev.automateos.server.events;

import static org.assertj.core.api.Assertions.assertThat;

import dev.automateos.server.auth.Role;
import dev.automateos.server.support.ApiTest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The SSE endpoints against the real server, read with the JDK HttpClient like any SSE client. */
class ExecutionEventsApiTest extends ApiTest {

    private static final String THREE_NODES = """
            [{"id": "set", "type": "transform.set", "version": 1, "name": "Set",
              "config": {"fields": {"who": "{{ $trigger.body.name }}"}}},
             {"id": "done", "type": "core.noop", "version": 1, "name": "Done", "config": {}}]""";
    private static final String CHAIN = "[{\"from\": \"trigger\", \"to\": \"set\"}, {\"from\": \"set\", \"to\": \"done\"}]";

    private TestUser owner;

    @BeforeEach
    void owner() {
        owner = newUser(Role.USER);
    }

    @Test
    void aRunStreamsStartedAndFinishedForEveryStepThenExecutionFinishedInOrder() throws Exception {
        String workflowId = workflow(owner, THREE_NODES, CHAIN);

        try (SseClient stream = SseClient.open(port, "/api/v1/workflows/" + workflowId + "/events", owner.token())) {
            assertThat(stream.status).isEqualTo(200);
            assertThat(stream.contentType).startsWith("text/event-stream");
            String executionId = run(owner, workflowId);
            List<SseClient.Event> events = stream.until("execution_finished");

            assertThat(events).extracting(e -> e.name() + " " + e.data().path("node_id").asString(""))
                    .containsExactly("step_started trigger", "step_finished trigger", "step_started set",
                            "step_finished set", "step_started done", "step_finished done", "execution_finished ");
            assertThat(events).allSatisfy(e -> {
                assertThat(e.data().path("execution_id").asString()).isEqualTo(executionId);
                assertThat(e.data().path("workflow_id").asString()).isEqualTo(workflowId);
                assertThat(e.data().has("output")).as("no step data in events").isFalse();
                assertThat(e.data().has("input")).isFalse();
            });
            JsonNode setStarted = events.get(2).data();
            assertThat(setStarted.path("node_name").asString()).isEqualTo("Set");
            assertThat(setStarted.path("step_id").asString()).isEqualTo("set");
            assertThat(setStarted.path("attempt").asInt()).isEqualTo(1);
            assertThat(setStarted.path("at").asString()).isNotBlank();
            assertThat(events.get(3).data().path("status").asString()).isEqualTo("succeeded");
            assertThat(events.get(3).data().path("duration_ms").isNumber()).isTrue();
            JsonNode finished = events.get(6).data();
            assertThat(finished.path("status").asString()).isEqualTo("succeeded");
            assertThat(finished.path("duration_ms").isNumber()).isTrue();
            assertThat(finished.has("error")).isFalse();
        }
    }

    @Test
    void aFailedStepCarriesItsErrorAndTheExecutionFinishesFailed() throws Exception {
        String workflowId = workflow(owner, """
                [{"id": "set", "type": "transform.set", "version": 1, "name": "Broken set",
                  "config": {"fields": {"x": "{{ $input.body.amount + 'x' }}"}}}]""",
                "[{\"from\": \"trigger\", \"to\": \"set\"}]");

        try (SseClient stream = SseClient.open(port, "/api/v1/workflows/" + workflowId + "/events", owner.token())) {
            run(owner, workflowId);
            List<SseClient.Event> events = stream.until("execution_finished");

            JsonNode failedStep = events.get(events.size() - 2).data();
            assertThat(events.get(events.size() - 2).name()).isEqualTo("step_finished");
            assertThat(failedStep.path("status").asString()).isEqualTo("failed");
            assertThat(failedStep.path("error").path("code").asString()).isEqualTo("expression_failed");
            assertThat(failedStep.path("error").path("message").asString()).contains("Broken set");
            JsonNode finished = events.getLast().data();
            assertThat(finished.path("status").asString()).isEqualTo("failed");
            assertThat(finished.path("error").path("code").asString()).isEqualTo("expression_failed");
        }
    }

    @Test
    void theExecutionStreamFollowsAWaitingRunAndEndsWhenItFinishes() throws Exception {
        String workflowId = workflow(owner, """
                [{"id": "pause", "type": "core.wait", "version": 1, "name": "Pause", "config": {"duration": "1"}}]""",
                "[{\"from\": \"trigger\", \"to\": \"pause\"}]");
        String executionId = run(owner, workflowId);

        try (SseClient stream = SseClient.open(port, "/api/v1/executions/" + executionId + "/events",
                owner.token())) {
            List<SseClient.Event> events = stream.until("execution_finished");

            assertThat(events).extracting(SseClient.Event::name).contains("step_finished");
            assertThat(events.stream().filter(e -> e.name().equals("step_finished")).toList().getLast().data()
                    .path("node_name").asString()).isEqualTo("Pause");
            assertThat(events.getLast().data().path("status").asString()).isEqualTo("succeeded");
            assertThat(stream.endsWithin(5)).as("the execution stream closes after execution_finished").isTrue();
        }
    }

    @Test
    void aFinishedExecutionSendsExecutionFinishedAtOnceAndCloses() throws Exception {
        String workflowId = workflow(owner, THREE_NODES, CHAIN);
        String executionId = http.post("/api/v1/workflows/" + workflowId + "/run?wait=true&timeout=20s")
                .token(owner.token()).send().expectStatus(200).json().path("id").asString();

        try (SseClient stream = SseClient.open(port, "/api/v1/executions/" + executionId + "/events",
                owner.token())) {
            SseClient.Event event = stream.next(5);

            assertThat(event).isNotNull();
            assertThat(event.name()).isEqualTo("execution_finished");
            assertThat(event.data().path("status").asString()).isEqualTo("succeeded");
            assertThat(event.data().path("execution_id").asString()).isEqualTo(executionId);
            assertThat(stream.endsWithin(5)).isTrue();
        }
    }

    @Test
    void anotherUsersStreamsAnswerNotFoundBeforeAnythingIsStreamed() throws Exception {
        String workflowId = workflow(owner, THREE_NODES, CHAIN);
        String executionId = http.post("/api/v1/workflows/" + workflowId + "/run?wait=true&timeout=20s")
                .token(owner.token()).send().expectStatus(200).json().path("id").asString();
        TestUser stranger = newUser(Role.USER);

        try (var execution = SseClient.open(port, "/api/v1/executions/" + executionId + "/events", stranger.token());
             var workflow = SseClient.open(port, "/api/v1/workflows/" + workflowId + "/events", stranger.token());
             var missing = SseClient.open(port, "/api/v1/executions/" + UUID.randomUUID() + "/events",
                     owner.token())) {
            for (SseClient answer : List.of(execution, workflow, missing)) {
                assertThat(answer.status).isEqualTo(404);
                assertThat(answer.contentType).contains("problem+json");
                assertThat(TestHttp.parse(answer.body).path("code").asString()).isEqualTo("not_found");
            }
        }
    }

    @Test
    void anObserverCanFollowAnotherUsersWorkflow() throws Exception {
        String workflowId = workflow(owner, THREE_NODES, CHAIN);
        TestUser observer = newUser(Role.OBSERVER);

        try (SseClient stream = SseClient.open(port, "/api/v1/workflows/" + workflowId + "/events",
                observer.token())) {
            assertThat(stream.status).isEqualTo(200);
            String executionId = run(owner, workflowId);
            List<SseClient.Event> events = stream.until("execution_finished");

            assertThat(events.getLast().data().path("execution_id").asString()).isEqualTo(executionId);
        }
    }

    @Test
    void theUsersStreamCarriesEveryOwnWorkflowsEventsAndNoneOfAnotherUsers() throws Exception {
        String mine = workflow(owner, THREE_NODES, CHAIN);
        String alsoMine = workflow(owner, THREE_NODES, CHAIN);
        TestUser stranger = newUser(Role.USER);
        String theirs = workflow(stranger, THREE_NODES, CHAIN);

        try (SseClient stream = SseClient.open(port, "/api/v1/events", owner.token())) {
            assertThat(stream.status).isEqualTo(200);
            // Finished before ours start, so its events were published while the stream was open.
            http.post("/api/v1/workflows/" + theirs + "/run?wait=true&timeout=20s").token(stranger.token())
                    .body("{\"input\": {}}").send().expectStatus(200);
            String first = run(owner, mine);
            String second = run(owner, alsoMine);
            List<SseClient.Event> events = new ArrayList<>();
            Set<String> finished = new HashSet<>();
            while (finished.size() < 2) {
                List<SseClient.Event> upToFinish = stream.until("execution_finished");
                events.addAll(upToFinish);
                finished.add(upToFinish.getLast().data().path("execution_id").asString());
            }

            assertThat(events).extracting(e -> e.data().path("workflow_id").asString())
                    .doesNotContain(theirs).contains(mine, alsoMine);
            assertThat(events).extracting(e -> e.data().path("execution_id").asString())
                    .containsOnly(first, second);
        }
    }

    @Test
    void anObserversStreamCarriesEveryUsersEvents() throws Exception {
        String workflowId = workflow(owner, THREE_NODES, CHAIN);
        TestUser observer = newUser(Role.OBSERVER);

        try (SseClient stream = SseClient.open(port, "/api/v1/events", observer.token())) {
            assertThat(stream.status).isEqualTo(200);
            String executionId = run(owner, workflowId);
            List<SseClient.Event> events = stream.until("execution_finished");

            assertThat(events).extracting(e -> e.data().path("execution_id").asString()).contains(executionId);
        }
    }

    @Test
    void aStreamWithoutATokenIsRefused() throws Exception {
        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port
                + "/api/v1/workflows/" + UUID.randomUUID() + "/events")).GET().build();
        var response = java.net.http.HttpClient.newHttpClient().send(request,
                java.net.http.HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(401);
    }

    private String run(TestUser user, String workflowId) {
        return http.post("/api/v1/workflows/" + workflowId + "/run").token(user.token())
                .body("{\"input\": {\"name\": \"Ada\"}}").send().expectStatus(202).json().path("id").asString();
    }

    private String workflow(TestUser user, String nodes, String connections) {
        String doc = """
                {"schema_version": 1, "name": "events %s", "trigger": {"id": "trigger", "type": "trigger.manual",
                 "version": 1, "name": "Manual", "config": {}}, "nodes": %s, "connections": %s}"""
                .formatted(System.nanoTime(), nodes, connections);
        return http.post("/api/v1/workflows").token(user.token()).body(doc).send().expectStatus(201).json()
                .path("id").asString();
    }

    private static final class TestHttp {
        static JsonNode parse(String text) {
            return dev.automateos.server.support.TestHttp.parse(text);
        }
    }
}
