package netlab.executor.held;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import netlab.state.ProcessStamp;
import netlab.sys.Errno;
import netlab.sys.Syscall;
import netlab.sys.SyscallException;

/** Killing a recorded process, and only that one: never a later process that got its pid. */
final class Signals {
    private Signals() {}

    /**
     * SIGKILL to the process, if it is still the recorded one. The pidfd pins the process first;
     * checked after it is open, the stamp then proves that the pidfd's process is the recorded one.
     */
    static void kill(ProcessStamp stamp) {
        int pidfd;
        try {
            pidfd = Syscall.pidfdOpen(stamp.pid());
        } catch (SyscallException e) {
            if (e.errno() == Errno.ESRCH) {
                return;
            }
            throw e;
        }
        try {
            if (stamp.isAlive()) {
                Syscall.pidfdSendSignal(pidfd, Syscall.SIGKILL);
            }
        } catch (SyscallException e) {
            if (e.errno() != Errno.ESRCH) {
                throw e;
            }
        } finally {
            Syscall.closeQuietly(pidfd);
        }
    }

    /** Waits until none of the processes runs (a zombie has ended); false if one outlived {@code patience}. */
    static boolean awaitGone(Iterable<ProcessStamp> stamps, Duration patience) {
        long deadline = System.nanoTime() + patience.toNanos();
        for (ProcessStamp stamp : stamps) {
            while (stamp.isAlive()) {
                if (System.nanoTime() > deadline) {
                    return false;
                }
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(2));
            }
        }
        return true;
    }
}
