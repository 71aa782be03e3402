package dev.automateos.engine.node;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.automateos.engine.expression.Template;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** A config record using every feature the schema generator supports. */
record SampleConfig(
        @NotNull @Ui(description = "What to call it", placeholder = "{{ $input.title }}") Template<String> titleText,
        Map<String, Template<JsonNode>> fields,
        @Pattern(regexp = "[a-z]+") String path,
        List<Method> methods,
        Mode responseMode,
        @Min(1) @Max(10) Integer retries,
        Template<Boolean> condition,
        JsonNode anything,
        Options options) {

    SampleConfig {
        methods = methods == null ? List.of(Method.POST) : methods;
        responseMode = responseMode == null ? Mode.IMMEDIATE : responseMode;
        options = options == null ? new Options(false, null) : options;
    }

    enum Method { GET, POST }

    enum Mode {
        @JsonProperty("immediate") IMMEDIATE,
        @JsonProperty("when_finished") WHEN_FINISHED
    }

    record Options(boolean keepInput, @Ui(widget = Ui.Widget.TEXTAREA) String note) {}
}
