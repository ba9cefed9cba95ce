package netlab.executor.step;

import netlab.error.FailureKind;
import netlab.error.NetlabException;
import netlab.kernel.KernelException;

/**
 * A step of {@code up} failed: names the statement it came from ({@code lan.topo:9:3}), the step
 * as its command, and the reason. Its kind is its cause's (a refusal, or EPERM when the kernel
 * says netlab may not); a cause that names no kind was the kernel's doing too.
 */
public final class StepFailedException extends NetlabException {
    private static final long serialVersionUID = 1L;

    private final transient Step step;

    public StepFailedException(Step step, RuntimeException cause) {
        super(step.operation().source() + ": " + step.command() + ": " + reason(step, cause), cause);
        this.step = step;
    }

    /** The kernel's refusal of the step's own request already names the step: not twice. */
    private static String reason(Step step, RuntimeException cause) {
        return cause instanceof KernelException refusal && refusal.operation().equals(step.command())
                ? refusal.reason() : cause.getMessage();
    }

    public Step step() {
        return step;
    }

    @Override
    public FailureKind kind() {
        return getCause() instanceof NetlabException cause ? cause.kind() : FailureKind.KERNEL;
    }
}
