package netlab.executor;

import netlab.plan.Operation;

/**
 * A step of {@code up} failed: names the statement it came from ({@code lan.topo:9:3}), the step
 * as a command, and the kernel's reason.
 */
public final class OperationFailedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient Operation operation;

    public OperationFailedException(Operation operation, RuntimeException cause) {
        super(operation.source() + ": " + operation.render() + ": " + cause.getMessage(), cause);
        this.operation = operation;
    }

    public Operation operation() {
        return operation;
    }
}
