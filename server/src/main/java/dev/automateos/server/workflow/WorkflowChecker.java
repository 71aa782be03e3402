package dev.automateos.server.workflow;

import dev.automateos.engine.workflow.WorkflowValidator;
import dev.automateos.server.web.ApiException;
import dev.automateos.server.web.FieldProblem;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Decides whether a document may be saved: the engine's validator, plus the limits of the
 * columns the list reads (name, description, tags, trigger type). The engine checks the same
 * today; the server repeats it with the engine's codes so that a change to the format rules can
 * never turn a long name into a database error instead of a 422 naming {@code /name}.
 */
@Component
class WorkflowChecker {

    static final int MAX_NAME = 200;
    static final int MAX_DESCRIPTION = 10_000;
    static final int MAX_TAGS = 20;
    static final int MAX_TAG = 50;
    static final int MAX_TYPE = 100;

    private final WorkflowValidator validator;

    WorkflowChecker(WorkflowValidator validator) {
        this.validator = validator;
    }

    /** Every problem in {@code doc}, the engine's first; empty when it may be saved. */
    List<FieldProblem> problems(JsonNode doc) {
        List<FieldProblem> problems = new ArrayList<>();
        validator.validate(doc).forEach(p -> problems.add(new FieldProblem(p.path(), p.code(), p.message())));
        var reported = new HashSet<String>();
        problems.forEach(p -> reported.add(p.path()));
        // Only what the engine has not already said about the same place.
        storageProblems(doc).stream().filter(p -> !reported.contains(p.path())).forEach(problems::add);
        return problems;
    }

    /** The document ready to store, or a 422 {@code workflow_invalid} listing every problem. */
    WorkflowDocument requireValid(JsonNode doc) {
        List<FieldProblem> problems = problems(doc);
        if (!problems.isEmpty()) {
            throw invalid(problems);
        }
        return WorkflowDocument.of(doc);
    }

    static ApiException invalid(List<FieldProblem> problems) {
        String summary = problems.size() == 1 ? "The workflow is invalid: " + problems.getFirst().message()
                : "The workflow has " + problems.size() + " problems; see errors[].";
        return new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, "workflow_invalid", summary, problems);
    }

    private static List<FieldProblem> storageProblems(JsonNode doc) {
        List<FieldProblem> problems = new ArrayList<>();
        if (!doc.isObject()) {
            problems.add(new FieldProblem("", "invalid_document", "A workflow document must be a JSON/YAML object."));
            return problems;
        }
        text(doc.path("name"), "/name", MAX_NAME, true, problems);
        if (!doc.path("description").isNull()) {
            text(doc.path("description"), "/description", MAX_DESCRIPTION, false, problems);
        }
        tags(doc.path("tags"), problems);
        if (!doc.path("trigger").isObject()) {
            problems.add(new FieldProblem("/trigger", "missing_trigger", "A workflow needs a trigger object."));
        } else {
            text(doc.path("trigger").path("type"), "/trigger/type", MAX_TYPE, true, problems);
        }
        return problems;
    }

    private static void tags(JsonNode tags, List<FieldProblem> problems) {
        if (tags.isMissingNode() || tags.isNull()) {
            return;
        }
        if (!tags.isArray()) {
            problems.add(new FieldProblem("/tags", "wrong_type", "tags must be an array of strings."));
            return;
        }
        if (tags.size() > MAX_TAGS) {
            problems.add(new FieldProblem("/tags", "too_many", "A workflow has at most " + MAX_TAGS + " tags."));
        }
        var seen = new HashSet<String>();
        for (int i = 0; i < tags.size(); i++) {
            String path = "/tags/" + i;
            text(tags.get(i), path, MAX_TAG, true, problems);
            if (tags.get(i).isString() && !seen.add(tags.get(i).asString())) {
                problems.add(new FieldProblem(path, "invalid_value", "The tag '" + tags.get(i).asString()
                        + "' is listed twice."));
            }
        }
    }

    private static void text(JsonNode value, String path, int max, boolean required, List<FieldProblem> problems) {
        if (value.isMissingNode() || value.isNull()) {
            if (required) {
                problems.add(new FieldProblem(path, "missing_field", "This field is required."));
            }
        } else if (!value.isString()) {
            problems.add(new FieldProblem(path, "wrong_type", "Expected a string."));
        } else if (required && value.asString().isBlank()) {
            problems.add(new FieldProblem(path, "invalid_value", "This field must not be blank."));
        } else if (value.asString().length() > max) {
            problems.add(new FieldProblem(path, "too_long", "At most " + max + " characters are allowed."));
        }
    }
}
