package dev.automateos.engine.workflow;

import static dev.automateos.engine.workflow.ValidationCodes.CYCLE;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds cycles with Tarjan's strongly connected components: each component with more than one node
 * (or a node connected to itself) is reported once, at its first connection, naming one concrete
 * cycle through it.
 */
final class CycleCheck {

    /** A well-formed connection: both ends exist. */
    record Edge(String from, String to, String pointer) {}

    private final Problems problems;
    private final Map<String, List<Edge>> outgoing = new LinkedHashMap<>();
    private final Map<String, Integer> index = new HashMap<>();
    private final Map<String, Integer> lowLink = new HashMap<>();
    private final List<String> stack = new ArrayList<>();
    private final Set<String> onStack = new LinkedHashSet<>();
    private int counter;

    CycleCheck(Problems problems) {
        this.problems = problems;
    }

    void check(List<Edge> edges) {
        for (Edge edge : edges) {
            outgoing.computeIfAbsent(edge.from(), k -> new ArrayList<>()).add(edge);
            outgoing.computeIfAbsent(edge.to(), k -> new ArrayList<>());
        }
        List<Set<String>> components = new ArrayList<>();
        for (String node : outgoing.keySet()) {
            if (!index.containsKey(node)) {
                strongConnect(node, components);
            }
        }
        for (Set<String> component : components) {
            report(component, edges);
        }
    }

    /** Recursion depth is bounded by the node limit (500). */
    private void strongConnect(String node, List<Set<String>> components) {
        index.put(node, counter);
        lowLink.put(node, counter++);
        stack.add(node);
        onStack.add(node);
        for (Edge edge : outgoing.get(node)) {
            if (!index.containsKey(edge.to())) {
                strongConnect(edge.to(), components);
                lowLink.put(node, Math.min(lowLink.get(node), lowLink.get(edge.to())));
            } else if (onStack.contains(edge.to())) {
                lowLink.put(node, Math.min(lowLink.get(node), index.get(edge.to())));
            }
        }
        if (lowLink.get(node).equals(index.get(node))) {
            Set<String> component = new LinkedHashSet<>();
            String member;
            do {
                member = stack.removeLast();
                onStack.remove(member);
                component.add(member);
            } while (!member.equals(node));
            components.add(component);
        }
    }

    private void report(Set<String> component, List<Edge> edges) {
        List<Edge> inside = edges.stream()
                .filter(e -> component.contains(e.from()) && component.contains(e.to())).toList();
        if (inside.isEmpty()) {
            return;
        }
        List<String> cycle = walk(inside.getFirst().from(), inside);
        String members = component.size() > cycle.size() - 1 ? " (nodes involved: " + String.join(", ", component) + ")" : "";
        problems.add(inside.getFirst().pointer(), CYCLE, "These connections form a cycle: " + String.join(" -> ", cycle)
                + members + ". A workflow must not loop back; remove one of these connections.");
    }

    /** Follows edges inside the component until a node repeats; every member has an edge inside, so this ends. */
    private static List<String> walk(String start, List<Edge> inside) {
        List<String> path = new ArrayList<>();
        String current = start;
        while (!path.contains(current)) {
            path.add(current);
            String from = current;
            current = inside.stream().filter(e -> e.from().equals(from)).findFirst().orElseThrow().to();
        }
        List<String> cycle = new ArrayList<>(path.subList(path.indexOf(current), path.size()));
        cycle.add(current);
        return cycle;
    }
}
