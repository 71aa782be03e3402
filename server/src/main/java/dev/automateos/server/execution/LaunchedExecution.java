package dev.automateos.server.execution;

import java.util.UUID;

/** The execution a launch created, or the earlier one when the idempotency key was used. */
public record LaunchedExecution(UUID executionId, boolean duplicate) {}
