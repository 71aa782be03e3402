package dev.automateos.server.schedule;

import dev.automateos.engine.json.EngineJson;
import dev.automateos.nodes.trigger.ScheduleTimes;
import dev.automateos.nodes.trigger.ScheduleTrigger;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/** Reads the schedule trigger's config out of a workflow document, or out of a schedule row. */
final class ScheduleConfigs {

    static final String TYPE = "trigger.schedule";

    private ScheduleConfigs() {
    }

    /** Whether the document's trigger is a schedule trigger of any version. */
    static boolean isSchedule(JsonNode definition) {
        return TYPE.equals(definition.path("trigger").path("type").asString(null));
    }

    /**
     * The config, or empty when the trigger is not {@code trigger.schedule@1}, or its config no longer
     * binds or describes a schedule (the node type changed under a saved document; such a workflow
     * has no schedule until it is saved again).
     */
    static Optional<ScheduleTrigger.Config> of(JsonNode definition) {
        JsonNode trigger = definition.path("trigger");
        if (!isSchedule(definition) || trigger.path("version").asInt() != 1) {
            return Optional.empty();
        }
        JsonNode config = trigger.path("config");
        return bind(config.isObject() ? config : EngineJson.mapper().createObjectNode());
    }

    /** The config stored in a schedule row. */
    static Optional<ScheduleTrigger.Config> parse(String json) {
        try {
            return bind(EngineJson.mapper().readTree(json));
        } catch (JacksonException e) {
            return Optional.empty();
        }
    }

    static String json(ScheduleTrigger.Config config) {
        return EngineJson.mapper().writeValueAsString(config);
    }

    private static Optional<ScheduleTrigger.Config> bind(JsonNode config) {
        try {
            ScheduleTrigger.Config bound = EngineJson.mapper().treeToValue(config, ScheduleTrigger.Config.class);
            return ScheduleTimes.problems(bound).isEmpty() ? Optional.of(bound) : Optional.empty();
        } catch (JacksonException e) {
            return Optional.empty();
        }
    }
}
