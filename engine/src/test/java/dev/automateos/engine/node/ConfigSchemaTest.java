package dev.automateos.engine.node;

import static org.assertj.core.api.Assertions.assertThat;

import dev.automateos.engine.workflow.WorkflowFormat;
import org.junit.jupiter.api.Test;

class ConfigSchemaTest {

    @Test
    void printsSchema() {
        ConfigSchema schema = ConfigSchema.of(SampleConfig.class);
        schema.validate(WorkflowFormat.parseJson("""
            {"title_text": 5, "fields": {"a": 1}, "path": "A", "methods": ["PUT"], "response_mode": "later",
             "retries": 11, "anything": [1], "options": {"keep_input": "yes", "extra": 1}}
            """)).forEach(System.out::println);
        assertThat(true).isTrue();
    }
}
