package dev.automateos.nodes.flow;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How a condition compares {@code left} with {@code right}. Unary operators take no {@code right}. */
public enum Operator {
    @JsonProperty("equals") EQUALS(false),
    @JsonProperty("not_equals") NOT_EQUALS(false),
    @JsonProperty("contains") CONTAINS(false),
    @JsonProperty("not_contains") NOT_CONTAINS(false),
    @JsonProperty("starts_with") STARTS_WITH(false),
    @JsonProperty("ends_with") ENDS_WITH(false),
    @JsonProperty("greater_than") GREATER_THAN(false),
    @JsonProperty("greater_or_equal") GREATER_OR_EQUAL(false),
    @JsonProperty("less_than") LESS_THAN(false),
    @JsonProperty("less_or_equal") LESS_OR_EQUAL(false),
    @JsonProperty("exists") EXISTS(true),
    @JsonProperty("not_exists") NOT_EXISTS(true),
    @JsonProperty("is_empty") IS_EMPTY(true),
    @JsonProperty("is_not_empty") IS_NOT_EMPTY(true),
    @JsonProperty("matches_regex") MATCHES_REGEX(false);

    private final boolean unary;

    Operator(boolean unary) {
        this.unary = unary;
    }

    public boolean unary() {
        return unary;
    }

    /** The name used in configs, e.g. {@code greater_than}. */
    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
