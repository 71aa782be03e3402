package dev.automateos.engine.execution;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.automateos.engine.expression.Template;
import dev.automateos.engine.node.CredentialUnavailableException;
import dev.automateos.engine.node.NodeCatalog;
import dev.automateos.engine.node.NodeContext;
import dev.automateos.engine.node.NodeSpec;
import dev.automateos.engine.node.NodeType;
import dev.automateos.engine.node.OutboundRefusedException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/** Small node types for the execution tests; the engine cannot see the real ones in {@code nodes}. */
final class ExecutionTestNodes {

    private ExecutionTestNodes() {}

    static NodeCatalog catalog() {
        return NodeCatalog.of(List.of(new Start(), new Act(), new Branch(), new Filter(), new Pause()));
    }

    /** {@code test.start@1}: a trigger passing its payload on. */
    static final class Start implements NodeType<Start.Config, JsonNode> {
        record Config() {}

        @Override
        public NodeSpec spec() {
            return NodeSpec.trigger("test.start", 1, "Start", "Starts a test workflow.");
        }

        @Override
        public Class<Config> configType() {
            return Config.class;
        }

        @Override
        public JsonNode execute(Config config, NodeContext context) {
            return context.input();
        }
    }

    /** {@code test.act@1}: renders {@code value} (or passes the input on), logs, or throws as {@code fail} says. */
    static final class Act implements NodeType<Act.Config, JsonNode> {
        record Config(Template<JsonNode> value, String fail, String log) {}

        @Override
        public NodeSpec spec() {
            return NodeSpec.action("test.act", 1, "Act", "Does what the test says.", "core");
        }

        @Override
        public Class<Config> configType() {
            return Config.class;
        }

        @Override
        public JsonNode execute(Config config, NodeContext context) {
            if (config.log() != null) {
                context.log(config.log());
            }
            if (config.fail() != null) {
                switch (config.fail()) {
                    case "io" -> throw new UncheckedIOException(new IOException("connection reset"));
                    case "refused" -> throw new OutboundRefusedException("169.254.169.254 is a cloud metadata address");
                    case "credential" -> context.credential("cred-1", dev.automateos.engine.node.CredentialSecret.class);
                    case "overflow" -> throw new StackOverflowError();
                    case "rate_limited" -> throw dev.automateos.engine.node.NodeFailure.retryable("rate_limited",
                            "the remote API said slow down");
                    case "rejected" -> throw dev.automateos.engine.node.NodeFailure.permanent("rejected",
                            "the remote API refused the record");
                    case "key" -> {
                        return context.render(Template.of("{{ \"" + context.idempotencyKey() + "\" }}", JsonNode.class));
                    }
                    default -> throw new IllegalStateException(config.fail());
                }
            }
            return config.value() == null ? context.input() : context.render(config.value());
        }
    }

    /** {@code test.branch@1}: outputs {@code yes} and {@code no} by a condition. */
    static final class Branch implements NodeType<Branch.Config, Branch.Result> {
        record Config(Template<Boolean> condition) {}

        record Result(@JsonIgnore boolean yes, @JsonValue JsonNode data) {}

        @Override
        public NodeSpec spec() {
            return NodeSpec.action("test.branch", 1, "Branch", "Picks a way.", "flow").withOutputs("yes", "no");
        }

        @Override
        public Class<Config> configType() {
            return Config.class;
        }

        @Override
        public Result execute(Config config, NodeContext context) {
            return new Result(Boolean.TRUE.equals(context.render(config.condition())), context.input());
        }

        @Override
        public String outputFor(Result result) {
            return result.yes() ? "yes" : "no";
        }
    }

    /** {@code test.filter@1}: ends the branch, filtered, unless {@code keep}. */
    static final class Filter implements NodeType<Filter.Config, Filter.Result> {
        record Config(Template<Boolean> keep) {}

        record Result(@JsonIgnore boolean keep, @JsonValue JsonNode data) {}

        @Override
        public NodeSpec spec() {
            return NodeSpec.action("test.filter", 1, "Filter", "Keeps or drops.", "flow");
        }

        @Override
        public Class<Config> configType() {
            return Config.class;
        }

        @Override
        public Result execute(Config config, NodeContext context) {
            return new Result(Boolean.TRUE.equals(context.render(config.keep())), context.input());
        }

        @Override
        public boolean filtered(Result result) {
            return !result.keep();
        }
    }

    /** {@code test.pause@1}: suspends for {@code seconds}. */
    static final class Pause implements NodeType<Pause.Config, Pause.Result> {
        record Config(Integer seconds) {}

        record Result(@JsonIgnore Instant until, @JsonValue JsonNode data) {}

        @Override
        public NodeSpec spec() {
            return NodeSpec.action("test.pause", 1, "Pause", "Waits.", "core");
        }

        @Override
        public Class<Config> configType() {
            return Config.class;
        }

        @Override
        public Result execute(Config config, NodeContext context) {
            return new Result(context.clock().instant().plusSeconds(config.seconds()), context.input());
        }

        @Override
        public Optional<Instant> suspendUntil(Result result) {
            return Optional.of(result.until());
        }
    }
}
