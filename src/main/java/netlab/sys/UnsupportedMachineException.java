package netlab.sys;

import netlab.error.FailureKind;
import netlab.error.NetlabException;

/**
 * netlab cannot make system calls on this machine: it knows the system call numbers of x86_64
 * only. Thrown by the first system call, before anything is changed; reported as the kernel's
 * kind of failure (exit 4), with the machine's architecture, not as a bug of netlab's.
 */
public final class UnsupportedMachineException extends NetlabException {
    private static final long serialVersionUID = 1L;

    UnsupportedMachineException(String architecture) {
        super("this machine is " + architecture + ": netlab knows the system calls of x86_64 (amd64) only");
    }

    @Override
    public FailureKind kind() {
        return FailureKind.KERNEL;
    }
}
