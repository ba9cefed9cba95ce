package netlab.sys;

import netlab.error.FailureKind;
import netlab.error.NetlabException;

/**
 * A system call failed: names the call, the errno by its symbolic name and the C library's text,
 * e.g. {@code bind: EADDRINUSE (Address already in use)}.
 *
 * <p>The text is made when the message is first asked for: many of these are caught and never
 * shown (a file that is not there yet), and linking {@code strerror} costs ~10 ms of a command's
 * start (docs/startup.md).
 */
public final class SyscallException extends NetlabException {
    private static final long serialVersionUID = 1L;

    private final String call;
    private final Errno errno;
    private final int errnoValue;
    private String message;

    public SyscallException(String call, int errnoValue) {
        super(null);
        this.call = call;
        this.errno = Errno.of(errnoValue);
        this.errnoValue = errnoValue;
    }

    @Override
    public synchronized String getMessage() {
        if (message == null) {
            message = call + ": " + describe(errnoValue);
        }
        return message;
    }

    /** "EEXIST (File exists)", or "errno 250 (Unknown error 250)" for a value we cannot name. */
    public static String describe(int errnoValue) {
        Errno errno = Errno.of(errnoValue);
        String name = errno == Errno.UNKNOWN ? "errno " + errnoValue : errno.name();
        return name + " (" + Libc.strerror(errnoValue) + ")";
    }

    /** EPERM and EACCES: netlab lacks a privilege; anything else: the kernel refused. */
    @Override
    public FailureKind kind() {
        return errno == Errno.EPERM || errno == Errno.EACCES ? FailureKind.NOT_PERMITTED : FailureKind.KERNEL;
    }

    public String call() {
        return call;
    }

    public Errno errno() {
        return errno;
    }

    public int errnoValue() {
        return errnoValue;
    }

    /** The C library's text for the errno, e.g. "Network is unreachable". */
    public String errnoText() {
        return Libc.strerror(errnoValue);
    }
}
