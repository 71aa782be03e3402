package dev.automateos.server.workflow;

import jakarta.validation.constraints.NotNull;

/** The body of {@code PATCH /api/v1/workflows/{id}}: only the activation state can change this way. */
record ActivationRequest(@NotNull Boolean active) {
}
