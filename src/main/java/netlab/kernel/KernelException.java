package netlab.kernel;

import netlab.sys.Errno;
import netlab.sys.SyscallException;

/** The kernel refused a netlink request; carries the errno it answered with. */
public final class KernelException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int errnoValue;

    public KernelException(int errnoValue) {
        super("the kernel answered " + SyscallException.describe(errnoValue));
        this.errnoValue = errnoValue;
    }

    public Errno errno() {
        return Errno.of(errnoValue);
    }
}
