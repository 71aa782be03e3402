package dev.automateos.engine.node;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ConfigSchemaTest {

    @Test
    void printsSchema() {
        System.out.println(dev.automateos.engine.workflow.WorkflowFormat.toJson(ConfigSchema.of(SampleConfig.class).json()));
        assertThat(true).isTrue();
    }
}
