package netlab.kernel;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import netlab.sys.Syscall;

/**
 * An open handle on a network namespace: a named one under /run/netns, or the host's (the
 * namespace netlab was started in). Holds a descriptor, so the namespace cannot vanish while
 * the handle is open, and knows the namespace's identity (its nsfs inode).
 */
public final class NetNamespace implements AutoCloseable {
    private static final String HOST = "the host namespace";

    private final String name;
    private final int fd;
    private final long inode;
    private boolean closed;

    private NetNamespace(String name, int fd, long inode) {
        this.name = name;
        this.fd = fd;
        this.inode = inode;
    }

    /** The namespace this process runs in (its main thread's, which netlab never moves). */
    public static NetNamespace host() {
        return open(null, Path.of("/proc/self/ns/net"));
    }

    /**
     * A new network namespace with no name under /run/netns, held only by this handle (its name
     * is for messages): it goes when the handle and every socket opened in it are closed. For
     * trying what the kernel can make without touching any namespace in use.
     */
    public static NetNamespace throwaway() {
        return InNamespace.onNewThread("netlab-netns-throwaway", () -> {
            Syscall.unshare(Syscall.CLONE_NEWNET);
            return open("a throwaway namespace", Path.of("/proc/thread-self/ns/net"));
        });
    }

    static NetNamespace open(String name, Path path) {
        int fd = Syscall.open(path.toString(), Syscall.O_RDONLY | Syscall.O_CLOEXEC, 0);
        try {
            return new NetNamespace(name, fd, inodeOf(path));
        } catch (RuntimeException e) {
            Syscall.closeQuietly(fd);
            throw e;
        }
    }

    static long inodeOf(Path path) {
        try {
            return ((Number) Files.getAttribute(path, "unix:ino")).longValue();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot stat " + path, e);
        }
    }

    /** The name under /run/netns, or null for the host namespace. */
    public String name() {
        return name;
    }

    public boolean isHost() {
        return name == null;
    }

    /** "ns1", or "the host namespace": for messages. */
    public String describe() {
        return name == null ? HOST : name;
    }

    /** The namespace's identity: the inode of its nsfs file, stable for its whole life. */
    public long inode() {
        return inode;
    }

    public int fd() {
        return fd;
    }

    /** Runs {@code task} on a platform thread inside this namespace (see {@link InNamespace}). */
    public <T> T call(Callable<T> task) {
        return InNamespace.call(fd, "netlab-netns-" + (name == null ? "host" : name), task);
    }

    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            Syscall.close(fd);
        }
    }

    @Override
    public String toString() {
        return describe() + " (inode " + inode + ")";
    }
}
