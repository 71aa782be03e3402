package dev.automateos.server.cli;

import java.io.PrintWriter;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What one client command works with: the API client for the logged-in session, the output
 * mode, prompts and paging. Built lazily, so {@code --help} never reads the config file.
 */
final class ClientContext {

    private final CliEnvironment env;
    private final ClientOptions options;
    private ApiClient api;

    ClientContext(CliEnvironment env, ClientOptions options) {
        this.env = env;
        this.options = options;
    }

    ApiClient api() {
        if (api == null) {
            api = open();
        }
        return api;
    }

    private ApiClient open() {
        String envKey = env.variable(CliEnvironment.API_KEY_VARIABLE);
        Optional<CliConfig> stored = new ConfigStore(env.configDir()).load();
        String url = Urls.resolve(options.url, env.variable(CliEnvironment.URL_VARIABLE),
                stored.map(CliConfig::url).orElse(null));
        if (envKey != null) {
            return new ApiClient(url, Session.apiKey(envKey));
        }
        CliConfig config = stored.filter(CliConfig::loggedIn).orElseThrow(CliException::notLoggedIn);
        return new ApiClient(url, Session.stored(new ConfigStore(env.configDir()), config));
    }

    boolean json() {
        return options.output == ClientOptions.Output.JSON;
    }

    PrintWriter out() {
        return env.out();
    }

    Terminal terminal() {
        return env.terminal();
    }

    CliEnvironment env() {
        return env;
    }

    void printJson(JsonNode node) {
        env.out().println(Json.pretty(node));
        env.out().flush();
    }

    void warn(String message) {
        env.err().println("warning: " + message);
        env.err().flush();
    }

    /** Asks before something destructive; without a terminal only {@code --yes} may confirm. */
    void confirm(String question, boolean yes) {
        if (yes) {
            return;
        }
        if (!env.terminal().interactive()) {
            throw CliException.usage(question.replaceAll("\\?$", "") + ": not confirmed. Pass --yes to confirm "
                    + "without a prompt.");
        }
        String answer = env.terminal().readLine(question + " [y/N] ");
        if (answer == null || !(answer.trim().equalsIgnoreCase("y") || answer.trim().equalsIgnoreCase("yes"))) {
            throw new CliException(ExitCodes.FAILURE, "Cancelled.");
        }
    }

    /**
     * GETs a list endpoint: one page, or with {@code --all} every page, returned as one
     * {@code {items, next_cursor}} object. Without --all a remaining cursor is named on stderr.
     */
    ObjectNode list(String path, Map<String, Object> filters, Paging paging) {
        ObjectNode page = Json.object();
        ArrayNode items = page.putArray("items");
        String cursor = paging.cursor;
        do {
            Urls.Query query = Urls.query();
            filters.forEach(query::add);
            query.add("limit", paging.limit).add("cursor", cursor);
            JsonNode answer = api().get(path + query).json();
            answer.path("items").forEach(items::add);
            cursor = answer.path("next_cursor").isString() ? answer.path("next_cursor").asString() : null;
        } while (paging.all && cursor != null);
        page.put("next_cursor", cursor);
        if (cursor != null && !json()) {
            env.err().println("More items: run again with --all, or with --cursor " + cursor);
            env.err().flush();
        }
        return page;
    }

    /** Prints the table, or {@code emptyMessage} when it has no rows. */
    void printTable(Table table, String emptyMessage) {
        if (table.isEmpty()) {
            env.out().println(emptyMessage);
            env.out().flush();
        } else {
            table.print(env.out());
        }
    }

    /** Prints one object as aligned {@code key: value} lines, nested objects flattened with dots. */
    void printFields(JsonNode object) {
        Map<String, String> fields = new java.util.LinkedHashMap<>();
        flatten("", object, fields);
        Table.printFields(env.out(), fields);
    }

    private static void flatten(String prefix, JsonNode node, Map<String, String> into) {
        if (node.isObject() && (prefix.isEmpty() || !node.isEmpty())) {
            node.properties().forEach(e -> flatten(prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey(),
                    e.getValue(), into));
        } else {
            into.put(prefix, Json.text(node));
        }
    }
}
