package dev.automateos.testkit.queue;

import dev.automateos.testkit.ManualClock;
import dev.automateos.engine.queue.InMemoryWorkQueue;
import dev.automateos.engine.queue.WorkQueue;

class InMemoryWorkQueueTest extends WorkQueueContract {

    @Override
    protected WorkQueue createQueue(ManualClock clock) {
        return new InMemoryWorkQueue(clock);
    }
}
