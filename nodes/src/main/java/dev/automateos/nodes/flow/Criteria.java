package dev.automateos.nodes.flow;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * What a flow node decides on: either a group of conditions or one boolean expression. In JSON the
 * two are told apart by their fields ({@code combinator}/{@code conditions} or {@code expression});
 * in the schema they are alternatives.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.DEDUCTION)
@JsonSubTypes({@JsonSubTypes.Type(ConditionGroup.class), @JsonSubTypes.Type(BooleanExpression.class)})
public sealed interface Criteria permits ConditionGroup, BooleanExpression {}
