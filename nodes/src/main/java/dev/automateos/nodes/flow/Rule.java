package dev.automateos.nodes.flow;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/** One entry of a condition group: a single condition or a nested group, told apart by their fields. */
@JsonTypeInfo(use = JsonTypeInfo.Id.DEDUCTION)
@JsonSubTypes({@JsonSubTypes.Type(Condition.class), @JsonSubTypes.Type(ConditionGroup.class)})
public sealed interface Rule permits Condition, ConditionGroup {

    /** Levels of groups in this rule: 0 for a condition, 1 for a group of conditions, ... */
    int height();
}
