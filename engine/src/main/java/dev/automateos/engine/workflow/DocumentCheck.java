package dev.automateos.engine.workflow;

import static dev.automateos.engine.workflow.ValidationCodes.INVALID_VALUE;
import static dev.automateos.engine.workflow.ValidationCodes.TOO_MANY;
import static dev.automateos.engine.workflow.ValidationCodes.UNSUPPORTED_SCHEMA_VERSION;
import static dev.automateos.engine.workflow.ValidationCodes.WRONG_TYPE;

import dev.automateos.engine.json.JsonPointers;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/** Checks the workflow's own fields: schema_version, name, description, tags, settings and vars. */
final class DocumentCheck {

    static final Set<String> TOP_LEVEL = Set.of("schema_version", "name", "description", "tags", "trigger", "nodes",
            "connections", "settings", "vars");
    private static final Set<String> SETTINGS = Set.of("timezone", "timeout_seconds", "max_concurrency", "priority");
    private static final List<String> PRIORITIES = List.of("critical", "high", "medium", "low");

    private DocumentCheck() {}

    static void check(JsonNode document, Problems problems) {
        ObjectReader doc = new ObjectReader(document, "", problems);
        doc.allowOnly(TOP_LEVEL, "a workflow");
        schemaVersion(doc, problems);
        doc.text("name", true, WorkflowLimits.MAX_WORKFLOW_NAME);
        doc.string("description", false);
        if (document.path("description").isString()
                && document.get("description").stringValue().length() > WorkflowLimits.MAX_WORKFLOW_DESCRIPTION) {
            problems.add("/description", ValidationCodes.TOO_LONG,
                    "'description' may have at most " + WorkflowLimits.MAX_WORKFLOW_DESCRIPTION + " characters.");
        }
        tags(doc.arrayField("tags", false), problems);
        settings(doc.objectField("settings", false), problems);
        doc.objectField("vars", false);
    }

    private static void schemaVersion(ObjectReader doc, Problems problems) {
        JsonNode value = doc.present("schema_version", true);
        if (value == null) {
            return;
        }
        if (!value.isIntegralNumber()) {
            problems.add("/schema_version", WRONG_TYPE, "'schema_version' must be a whole number; use "
                    + WorkflowLimits.SCHEMA_VERSION + ".");
        } else if (value.longValue() != WorkflowLimits.SCHEMA_VERSION) {
            problems.add("/schema_version", UNSUPPORTED_SCHEMA_VERSION, "schema_version " + value
                    + " is not supported; this server reads schema_version " + WorkflowLimits.SCHEMA_VERSION + ".");
        }
    }

    private static void tags(JsonNode tags, Problems problems) {
        if (tags == null) {
            return;
        }
        if (tags.size() > WorkflowLimits.MAX_TAGS) {
            problems.add("/tags", TOO_MANY, "A workflow may have at most " + WorkflowLimits.MAX_TAGS + " tags, not "
                    + tags.size() + ".");
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < tags.size(); i++) {
            JsonNode tag = tags.get(i);
            String pointer = JsonPointers.append("/tags", i);
            if (!tag.isString()) {
                problems.add(pointer, WRONG_TYPE, "Each tag must be a string.");
            } else if (tag.stringValue().isBlank() || tag.stringValue().length() > WorkflowLimits.MAX_TAG) {
                problems.add(pointer, INVALID_VALUE, "A tag must have 1 to " + WorkflowLimits.MAX_TAG
                        + " characters and not be blank.");
            } else if (!seen.add(tag.stringValue())) {
                problems.add(pointer, INVALID_VALUE, "Tag '" + tag.stringValue() + "' is listed twice.");
            }
        }
    }

    private static void settings(JsonNode settings, Problems problems) {
        if (settings == null) {
            return;
        }
        ObjectReader reader = new ObjectReader(settings, "/settings", problems);
        reader.allowOnly(SETTINGS, "settings");
        String timezone = reader.string("timezone", false);
        if (timezone != null && !isZone(timezone)) {
            problems.add("/settings/timezone", INVALID_VALUE, "'" + timezone
                    + "' is not a known time zone; use an IANA name such as 'Europe/Berlin' or 'UTC'.");
        }
        reader.integer("timeout_seconds", false, 1, WorkflowLimits.MAX_TIMEOUT_SECONDS);
        reader.integer("max_concurrency", false, 1, WorkflowLimits.MAX_CONCURRENCY);
        String priority = reader.string("priority", false);
        if (priority != null && !PRIORITIES.contains(priority)) {
            problems.add("/settings/priority", INVALID_VALUE, "'priority' must be one of "
                    + String.join(", ", PRIORITIES) + ".");
        }
    }

    private static boolean isZone(String zone) {
        try {
            ZoneId.of(zone);
            return true;
        } catch (DateTimeException e) {
            return false;
        }
    }
}
