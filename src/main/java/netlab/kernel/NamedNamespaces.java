package netlab.kernel;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;
import java.util.stream.Stream;
import netlab.sys.Errno;
import netlab.sys.Syscall;
import netlab.sys.SyscallException;

/**
 * Named network namespaces, made exactly as {@code ip netns add} makes them, so iproute2 and
 * netlab see each other's: an empty file /run/netns/NAME with the namespace bind-mounted on it,
 * and /run/netns a shared mount so that the binds show in other mount namespaces.
 */
public final class NamedNamespaces {
    public static final Path RUN_DIR = Path.of("/run/netns");

    private NamedNamespaces() {}

    public static Path pathOf(String name) {
        return RUN_DIR.resolve(NamespaceNames.require(name));
    }

    /** Equivalent to: {@code ip netns add NAME}. Returns an open handle on the new namespace. */
    public static NetNamespace create(String name) {
        Path path = pathOf(name);
        prepareRunDir();
        // unshare moves only the calling thread: a throwaway platform thread takes the new
        // namespace; the caller's thread never moves.
        return InNamespace.onNewThread("netlab-netns-add-" + name, () -> createHere(name, path));
    }

    /**
     * Makes the namespace {@code name} at {@code path} and leaves the calling thread inside it:
     * only for a platform thread that may change namespace (and that {@link #prepareRunDir} ran
     * before). The file is pinned to the thread's own namespace (/proc/thread-self); /proc/self
     * would name the main thread's.
     */
    static NetNamespace createHere(String name, Path path) {
        try {
            Syscall.close(Syscall.open(path.toString(), Syscall.O_RDONLY | Syscall.O_CREAT | Syscall.O_EXCL, 0));
        } catch (SyscallException e) {
            if (e.errno() == Errno.EEXIST) {
                throw new KernelException("create namespace " + name, e.errnoValue(), "it already exists");
            }
            throw e;
        }
        try {
            Syscall.unshare(Syscall.CLONE_NEWNET);
            Syscall.mount("/proc/thread-self/ns/net", path.toString(), "none", Syscall.MS_BIND, null);
            return NetNamespace.open(name, path);
        } catch (RuntimeException e) {
            unmountAndUnlinkQuietly(path);
            throw e;
        }
    }

    /** Equivalent to: {@code ip netns del NAME}. The kernel frees the namespace once unused. */
    public static void delete(String name) {
        Path path = pathOf(name);
        try {
            Syscall.umount2(path.toString(), Syscall.MNT_DETACH);
        } catch (SyscallException e) {
            if (e.errno() != Errno.EINVAL) { // EINVAL: not a mount point (a stale file); remove it anyway
                throw e;
            }
        }
        Syscall.unlink(path.toString());
    }

    /** Opens an existing namespace by name, netlab's or iproute2's. */
    public static NetNamespace open(String name) {
        return NetNamespace.open(name, pathOf(name));
    }

    /** Equivalent to: {@code ip netns list} (names only, sorted). */
    public static List<String> list() {
        try (Stream<Path> files = Files.list(RUN_DIR)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + RUN_DIR, e);
        }
    }

    /**
     * The identity (nsfs inode) of the namespace named {@code name}, from one stat of its file;
     * empty if there is no such file. A file that is not a mount point gives its own inode.
     */
    public static OptionalLong inode(String name) {
        try {
            return OptionalLong.of(NetNamespace.inodeOf(pathOf(name)));
        } catch (UncheckedIOException e) {
            if (e.getCause() instanceof NoSuchFileException) {
                return OptionalLong.empty();
            }
            throw e;
        }
    }

    public static boolean exists(String name) {
        return Files.exists(pathOf(name));
    }

    /** As iproute2: /run/netns exists and is a shared mount (bind-mounted onto itself if need be). */
    static void prepareRunDir() {
        try {
            Syscall.mkdir(RUN_DIR.toString(), 0755);
        } catch (SyscallException e) {
            if (e.errno() != Errno.EEXIST) {
                throw e;
            }
        }
        try {
            Syscall.mount("", RUN_DIR.toString(), "none", Syscall.MS_SHARED | Syscall.MS_REC, null);
        } catch (SyscallException e) {
            if (e.errno() != Errno.EINVAL) {
                throw e;
            }
            // Not a mount point yet.
            Syscall.mount(RUN_DIR.toString(), RUN_DIR.toString(), "none", Syscall.MS_BIND | Syscall.MS_REC, null);
            Syscall.mount("", RUN_DIR.toString(), "none", Syscall.MS_SHARED | Syscall.MS_REC, null);
        }
    }

    /** After a failed creation: whatever part of the namespace's file exists goes. */
    private static void unmountAndUnlinkQuietly(Path path) {
        try {
            Syscall.umount2(path.toString(), Syscall.MNT_DETACH);
        } catch (SyscallException ignored) {
            // Not mounted yet: the usual case.
        }
        try {
            Syscall.unlink(path.toString());
        } catch (SyscallException ignored) {
            // Reporting the failure that brought us here matters more.
        }
    }
}
