package dev.automateos.server.dashboard;

import java.util.List;

/** Activity of the requested workflows the caller may see, in the order asked; others are left out. */
record WorkflowActivityList(List<WorkflowActivity> items) {
}
