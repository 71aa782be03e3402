package dev.automateos.server.workflow;

import dev.automateos.engine.node.NodeCatalog;
import dev.automateos.engine.workflow.WorkflowValidator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The node catalog (discovered once at start-up) and the validator built on it, for every feature. */
@Configuration(proxyBeanMethods = false)
class WorkflowCatalogConfig {

    @Bean
    NodeCatalog nodeCatalog() {
        return NodeCatalog.discover();
    }

    @Bean
    WorkflowValidator workflowValidator(NodeCatalog catalog) {
        return new WorkflowValidator(catalog);
    }
}
