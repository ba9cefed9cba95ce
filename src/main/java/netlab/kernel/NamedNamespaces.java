package netlab.kernel;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
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
    // The file type bits of st_mode (<sys/stat.h>).
    private static final int S_IFMT = 0170000;
    private static final int S_IFREG = 0100000;
    private static final int S_IFDIR = 0040000;
    private static final int S_IFLNK = 0120000;

    private NamedNamespaces() {}

    public static Path pathOf(String name) {
        return RUN_DIR.resolve(NamespaceNames.require(name));
    }

    /**
     * Equivalent to: {@code ip netns add NAME}. Returns an open handle on the new namespace. As
     * in a batch, the namespace is made first and named once it exists.
     */
    public static NetNamespace create(String name) {
        Path path = pathOf(name);
        prepareRunDir();
        // unshare moves only the calling thread: a throwaway platform thread takes the new
        // namespace; the caller's thread never moves.
        NetNamespace made = InNamespace.onNewThread("netlab-netns-add-" + name, () -> createUnnamedHere(name));
        try {
            bind(path, made);
        } catch (RuntimeException e) {
            made.close();
            throw e;
        }
        return made;
    }

    /**
     * Makes a new namespace, with no name yet, held by the returned handle, and leaves the
     * calling thread inside it: only for a platform thread that may change namespace. The handle
     * is opened through /proc/thread-self: /proc/self would name the main thread's namespace.
     */
    static NetNamespace createUnnamedHere(String name) {
        Syscall.unshare(Syscall.CLONE_NEWNET);
        return NetNamespace.open(name, Path.of("/proc/thread-self/ns/net"));
    }

    /**
     * Gives {@code namespace}, made unnamed, its name: the file /run/netns/NAME made exclusively
     * (a name someone else holds fails with EEXIST and stays theirs) and the namespace
     * bind-mounted on it through its descriptor, as {@code ip netns attach} mounts a process's.
     * Only for callers that ran {@link #prepareRunDir} before.
     */
    static void bind(Path path, NetNamespace namespace) {
        try {
            Syscall.close(Syscall.open(path.toString(), Syscall.O_RDONLY | Syscall.O_CREAT | Syscall.O_EXCL, 0));
        } catch (SyscallException e) {
            if (e.errno() == Errno.EEXIST) {
                throw new KernelException("create namespace " + namespace.describe(), e.errnoValue(), "it already exists");
            }
            throw e;
        }
        try {
            Syscall.mount("/proc/self/fd/" + namespace.fd(), path.toString(), "none", Syscall.MS_BIND, null);
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

    /**
     * What is at /run/netns/NAME now. Something is mounted there when the file's device is not
     * /run/netns's own (a namespace's mount is on nsfs), or, on the same device, when the mount
     * table lists the path (a bind mount of a file of the same file system). Links are not
     * followed: a symbolic link there is nobody's namespace file.
     */
    public static NamespacePresence presence(String name) {
        Path path = pathOf(name);
        Map<String, Object> file;
        try {
            file = Files.readAttributes(path, "unix:dev,ino,size,mode", LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return new NamespacePresence.Absent();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot stat " + path, e);
        }
        long inode = ((Number) file.get("ino")).longValue();
        if (!file.get("dev").equals(runDirDevice()) || MountPoints.isMountPoint(path)) {
            return new NamespacePresence.Mounted(inode);
        }
        int type = (Integer) file.get("mode") & S_IFMT;
        if (type != S_IFREG) {
            return new NamespacePresence.Other(type == S_IFLNK ? "a symbolic link" : type == S_IFDIR ? "a directory"
                    : "not a regular file");
        }
        return ((Number) file.get("size")).longValue() == 0 ? new NamespacePresence.EmptyFile()
                : new NamespacePresence.Other("a file with content");
    }

    /**
     * Unlinks the empty file at /run/netns/NAME that {@link #presence} found with nothing mounted
     * on it (it is no namespace). Equivalent to: {@code rm /run/netns/NAME}.
     */
    public static void removeEmptyFile(String name) {
        Syscall.unlink(pathOf(name).toString());
    }

    private static Object runDirDevice() {
        try {
            return Files.getAttribute(RUN_DIR, "unix:dev", LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot stat " + RUN_DIR, e);
        }
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
