package dev.automateos.engine.node;

/** An outbound request to an address the guard does not allow (e.g. a cloud metadata service). */
public class OutboundRefusedException extends RuntimeException {

    public OutboundRefusedException(String message) {
        super(message);
    }
}
