package netlab.executor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import netlab.error.FailureKind;
import netlab.error.NetlabException;
import netlab.sys.Errno;
import netlab.sys.Syscall;
import netlab.sys.SyscallException;
import netlab.topology.Lab;

/**
 * The lab's descriptors fit in this process's open-file limit ({@code ulimit -n}). Until it
 * returns, up holds a descriptor of each namespace it makes and its rtnetlink socket, and an
 * nf_tables socket in each node with NAT (measured: 200 bare nodes need a limit above 420, 200
 * with NAT one above 620). A lab that needs more used to fail half-way with "Too many open files"
 * (EMFILE), as a Java exception (exit 1), and roll back; it is now refused before any change, and
 * if the descriptors still run out (another limit, the system's), the failure says so in one line.
 */
final class OpenFiles {
    static final int PER_NAMESPACE = 2;
    static final int PER_NODE_WITH_NAT = 1;
    /** For what up opens besides: the state file, /proc/sys files, the host's sockets. */
    static final int MARGIN = 32;

    private OpenFiles() {}

    /** Refuses a lab that cannot fit, before any change. */
    static void check(Lab lab) {
        long limit = Syscall.openFileLimit();
        long needed = openNow() + needs(lab);
        if (needed > limit) {
            throw new Exhausted("lab " + lab.name() + " needs about " + needed + " open files (" + PER_NAMESPACE
                    + " for each of its " + lab.namespaces().size() + " nodes, " + PER_NODE_WITH_NAT
                    + " more for each with NAT, and what netlab holds), but this "
                    + "process may open " + limit + " (ulimit -n): raise the limit, e.g. ulimit -n " + needed, null);
        }
    }

    /**
     * {@code failure} itself, or when it ran out of descriptors, a one-line failure that says so
     * (with the limit and the hint) and what became of the lab.
     */
    static RuntimeException explain(Lab lab, RuntimeException failure) {
        if (!ranOut(failure)) {
            return failure;
        }
        String after = failure.getSuppressed().length == 0 ? "what it made is removed again"
                : "not all it made could be removed: netlab down " + lab.name();
        return new Exhausted("lab " + lab.name() + " ran out of open files (this process may open "
                + Syscall.openFileLimit() + "; the system's limit is fs.file-max); " + after + ". Raise the limit, "
                + "e.g. ulimit -n " + (openNow() + needs(lab)), failure);
    }

    /** Descriptors the lab's namespaces need while up builds it. */
    static long needs(Lab lab) {
        long nat = lab.namespaces().stream().filter(node -> !node.nat().isEmpty()).count();
        return (long) PER_NAMESPACE * lab.namespaces().size() + PER_NODE_WITH_NAT * nat + MARGIN;
    }

    /** EMFILE or ENFILE anywhere in the causes, whoever met it: a system call, Java's files, Netty. */
    static boolean ranOut(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SyscallException e && (e.errno() == Errno.EMFILE || e.errno() == Errno.ENFILE)) {
                return true;
            }
            // strerror's text for both, as Java's files (FileSystemException) and Netty report it.
            if (cause.getMessage() != null && cause.getMessage().contains("Too many open files")) {
                return true;
            }
        }
        return false;
    }

    private static long openNow() {
        try (Stream<Path> open = Files.list(Path.of("/proc/self/fd"))) {
            return open.count();
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** Too few descriptors: as a kernel refusal (exit 4), which it is, or would have been. */
    static final class Exhausted extends NetlabException {
        private static final long serialVersionUID = 1L;

        Exhausted(String message, Throwable cause) {
            super(message, cause);
        }

        @Override
        public FailureKind kind() {
            return FailureKind.KERNEL;
        }
    }
}
