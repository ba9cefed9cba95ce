package netlab.kernel;

import java.util.Optional;
import netlab.error.FailureKind;
import netlab.error.NetlabException;
import netlab.netlink.ErrorPayload;
import netlab.sys.Errno;
import netlab.sys.SyscallException;

/**
 * The kernel refused something netlab asked: what was attempted in the user's words, the errno
 * by name and the kernel's own explanation (extended ACK) when it gave one, e.g.
 * {@code create veth eth0 in ns1: EEXIST (File exists): kernel says "..."}.
 */
public final class KernelException extends NetlabException {
    private static final long serialVersionUID = 1L;

    private final String operation;
    private final int errnoValue;
    private final String kernelMessage;

    public KernelException(String operation, int errnoValue, String kernelMessage) {
        super(operation + ": " + reason(errnoValue, kernelMessage));
        this.operation = operation;
        this.errnoValue = errnoValue;
        this.kernelMessage = kernelMessage;
    }

    private static String reason(int errnoValue, String kernelMessage) {
        return SyscallException.describe(errnoValue) + (kernelMessage == null ? "" : ": kernel says \"" + kernelMessage + "\"");
    }

    static KernelException of(String operation, ErrorPayload error) {
        return new KernelException(operation, error.errno(), error.message().orElse(null));
    }

    @Override
    public FailureKind kind() {
        return FailureKind.KERNEL;
    }

    /** The refusal without the operation: {@code EEXIST (File exists): kernel says "..."}. */
    public String reason() {
        return reason(errnoValue, kernelMessage);
    }

    public String operation() {
        return operation;
    }

    public Errno errno() {
        return Errno.of(errnoValue);
    }

    public int errnoValue() {
        return errnoValue;
    }

    /** The extended-ACK text, e.g. "mtu less than device minimum". */
    public Optional<String> kernelMessage() {
        return Optional.ofNullable(kernelMessage);
    }
}
