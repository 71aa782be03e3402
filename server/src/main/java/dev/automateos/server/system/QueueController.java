package dev.automateos.server.system;

import dev.automateos.server.queue.QueueStatus;
import dev.automateos.server.queue.QueueStatusService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The work queue's figures, for admins (the security layer restricts /api/v1/system/**). */
@RestController
@RequestMapping("/api/v1/system")
@Tag(name = "System")
class QueueController {

    private final QueueStatusService status;

    QueueController(QueueStatusService status) {
        this.status = status;
    }

    @GetMapping("/queue")
    @Operation(summary = "Queue depth per lane, oldest waiting item, workers and throughput over the last minute")
    QueueStatus queue() {
        return status.status();
    }
}
