package dev.automateos.engine.workflow;

import java.util.ArrayList;
import java.util.List;

/** Collects problems in the order they are found. Not thread-safe: one per validation. */
final class Problems {

    private final List<ValidationProblem> found = new ArrayList<>();

    void add(String path, String code, String message) {
        found.add(new ValidationProblem(path, code, message));
    }

    List<ValidationProblem> toList() {
        return List.copyOf(found);
    }
}
