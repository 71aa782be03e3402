package dev.automateos.nodes.flow;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.automateos.engine.node.Ui;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * Conditions joined by {@code and} (all must hold) or {@code or} (one is enough). Entries may be
 * groups themselves, at most {@link #MAX_HEIGHT} levels deep in all.
 */
public record ConditionGroup(
        @Ui(description = "'and': every condition must hold. 'or': one is enough.") Combinator combinator,
        @NotNull @Size(min = 1, max = 50) List<Rule> conditions) implements Rule, Criteria {

    /** Levels of groups, the outermost included. */
    public static final int MAX_HEIGHT = 5;

    public enum Combinator {
        @JsonProperty("and") AND,
        @JsonProperty("or") OR
    }

    public ConditionGroup {
        combinator = combinator == null ? Combinator.AND : combinator;
        conditions = conditions == null ? null : List.copyOf(conditions);
        if (conditions != null && 1 + conditions.stream().mapToInt(Rule::height).max().orElse(0) > MAX_HEIGHT) {
            throw new IllegalArgumentException("Condition groups may be nested at most " + MAX_HEIGHT + " levels deep.");
        }
    }

    @Override
    public int height() {
        return 1 + conditions.stream().mapToInt(Rule::height).max().orElse(0);
    }
}
