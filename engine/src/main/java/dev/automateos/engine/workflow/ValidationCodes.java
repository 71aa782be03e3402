package dev.automateos.engine.workflow;

/** The stable codes of {@link ValidationProblem}; their meaning is documented in {@code docs/workflow-format.md}. */
public final class ValidationCodes {

    public static final String INVALID_DOCUMENT = "invalid_document";
    public static final String MISSING_FIELD = "missing_field";
    public static final String WRONG_TYPE = "wrong_type";
    public static final String UNKNOWN_FIELD = "unknown_field";
    public static final String INVALID_VALUE = "invalid_value";
    public static final String TOO_LONG = "too_long";
    public static final String TOO_MANY = "too_many";
    public static final String UNSUPPORTED_SCHEMA_VERSION = "unsupported_schema_version";
    public static final String INVALID_ID = "invalid_id";
    public static final String DUPLICATE_ID = "duplicate_id";
    public static final String DUPLICATE_NAME = "duplicate_name";
    public static final String MISSING_TRIGGER = "missing_trigger";
    public static final String MULTIPLE_TRIGGERS = "multiple_triggers";
    public static final String NOT_A_TRIGGER = "not_a_trigger";
    public static final String UNKNOWN_NODE_TYPE = "unknown_node_type";
    public static final String UNKNOWN_NODE_VERSION = "unknown_node_version";
    public static final String INVALID_CONFIG = "invalid_config";
    public static final String EXPRESSION_SYNTAX = "expression_syntax";
    public static final String DANGLING_CONNECTION = "dangling_connection";
    public static final String INVALID_OUTPUT = "invalid_output";
    public static final String CONNECTION_INTO_TRIGGER = "connection_into_trigger";
    public static final String DUPLICATE_CONNECTION = "duplicate_connection";
    public static final String CYCLE = "cycle";

    private ValidationCodes() {}
}
