package dev.automateos.server.workflow;

import dev.automateos.server.web.FieldProblem;
import java.util.List;

/** The answer of {@code POST /api/v1/workflows/validate}: the same problems a save would refuse with. */
record ValidationResult(boolean valid, List<FieldProblem> errors) {
}
