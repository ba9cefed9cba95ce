package netlab.executor;

import netlab.error.FailureKind;
import netlab.error.NetlabException;
import netlab.plan.Operation;

/**
 * A step of {@code up} failed: names the statement it came from ({@code lan.topo:9:3}), the step
 * as a command, and the kernel's reason. Its kind is its cause's (a refusal, or EPERM when the
 * kernel says netlab may not); a cause that names no kind was the kernel's doing too.
 */
public final class OperationFailedException extends NetlabException {
    private static final long serialVersionUID = 1L;

    private final transient Operation operation;

    public OperationFailedException(Operation operation, RuntimeException cause) {
        super(operation.source() + ": " + operation.render() + ": " + cause.getMessage(), cause);
        this.operation = operation;
    }

    public Operation operation() {
        return operation;
    }

    @Override
    public FailureKind kind() {
        return getCause() instanceof NetlabException cause ? cause.kind() : FailureKind.KERNEL;
    }
}
