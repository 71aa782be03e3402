package dev.automateos.server.events;

class InProcessEventBusTest extends EventBusContract {

    @Override
    protected EventBus newBus() {
        return new InProcessEventBus(buffer());
    }

    @Override
    protected int buffer() {
        return 8;
    }
}
