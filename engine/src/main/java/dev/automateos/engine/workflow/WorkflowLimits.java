package dev.automateos.engine.workflow;

import java.util.regex.Pattern;

/** The limits and patterns of the workflow format, in one place so the docs can mirror them. */
final class WorkflowLimits {

    static final int SCHEMA_VERSION = 1;
    static final Pattern NODE_ID = Pattern.compile("[a-z][a-z0-9_-]{0,62}");
    static final int MAX_NODES = 500;
    static final int MAX_CONNECTIONS = 2_000;
    static final int MAX_WORKFLOW_NAME = 200;
    static final int MAX_NODE_NAME = 100;
    static final int MAX_WORKFLOW_DESCRIPTION = 10_000;
    static final int MAX_NODE_DESCRIPTION = 2_000;
    static final int MAX_TAGS = 20;
    static final int MAX_TAG = 50;
    static final int MAX_TIMEOUT_SECONDS = 86_400;
    static final int MAX_CONCURRENCY = 1_000;

    private WorkflowLimits() {}
}
