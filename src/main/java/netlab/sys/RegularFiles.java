package netlab.sys;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Reading a file someone else may have put in place (a user's lab record, read by root's
 * {@code ls --all-users}): only a regular file, never through a symbolic link, never waiting on a
 * FIFO or a device, never more than a limit. The file is opened with O_NOFOLLOW|O_NONBLOCK first;
 * what is checked and read is then that open file (through /proc/self/fd), not the path again.
 */
public final class RegularFiles {
    private static final int O_NONBLOCK = 04000;
    private static final int O_NOFOLLOW = 0400000;

    private RegularFiles() {}

    /** The file's bytes; IOException when it is missing, not a regular file, a link, or longer than {@code maxBytes}. */
    public static byte[] read(Path file, int maxBytes) throws IOException {
        return read(file, maxBytes, O_NOFOLLOW);
    }

    /**
     * As {@link #read(Path, int)}, through symbolic links: for a file an operator puts in place
     * through links (a Kubernetes ConfigMap's volume is links into a directory it swaps).
     */
    public static byte[] readThroughLinks(Path file, int maxBytes) throws IOException {
        return read(file, maxBytes, 0);
    }

    private static byte[] read(Path file, int maxBytes, int flags) throws IOException {
        int fd;
        try {
            fd = Syscall.open(file.toString(), Syscall.O_RDONLY | O_NONBLOCK | flags | Syscall.O_CLOEXEC, 0);
        } catch (SyscallException e) {
            if (e.errno() == Errno.ENOENT) {
                throw new java.nio.file.NoSuchFileException(file.toString());
            }
            throw new IOException(file + ": " + SyscallException.describe(e.errnoValue()), e);
        }
        try {
            Path open = Path.of("/proc/self/fd", Integer.toString(fd));
            if (!Files.readAttributes(open, BasicFileAttributes.class).isRegularFile()) {
                throw new IOException(file + " is not a regular file");
            }
            try (InputStream in = Files.newInputStream(open)) {
                byte[] bytes = in.readNBytes(maxBytes + 1);
                if (bytes.length > maxBytes) {
                    throw new IOException(file + " is longer than " + maxBytes + " bytes");
                }
                return bytes;
            }
        } finally {
            Syscall.closeQuietly(fd);
        }
    }
}
