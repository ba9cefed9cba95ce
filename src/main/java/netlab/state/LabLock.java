package netlab.state;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * One lock per lab (a file lock on /run/lock/netlab/LAB.lock, held by one process at a time), so
 * that two {@code up}/{@code down} of the same lab never interleave; different labs do not wait
 * for each other. The kernel drops the lock when its holder dies, even by kill -9.
 */
public final class LabLock implements AutoCloseable {
    private final FileChannel channel;
    private final FileLock lock;

    private LabLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** Takes the lab's lock, waiting up to {@code patience}; null when another holder kept it. */
    public static LabLock acquire(Path root, String lab, Duration patience) {
        try {
            long deadline = System.nanoTime() + patience.toNanos();
            Path file = root.resolve(lab + ".lock");
            FileChannel channel = open(root, file);
            while (true) {
                FileLock lock = tryLock(channel);
                if (lock != null && wasRemoved(channel)) {
                    // Its last holder removed the file (closeAndRemove) while we waited: lock the new one.
                    lock.release();
                    channel.close();
                    channel = open(root, file);
                    continue;
                }
                if (lock != null) {
                    channel.truncate(0).write(java.nio.ByteBuffer.wrap(
                            (ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII)));
                    return new LabLock(channel, lock);
                }
                if (System.nanoTime() > deadline) {
                    channel.close();
                    return null;
                }
                // The holder is another netlab: it will be done soon, poll gently.
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot lock lab " + lab + " in " + root, e);
        }
    }

    private static FileChannel open(Path root, Path file) throws IOException {
        Files.createDirectories(root, OWNER_ONLY);
        return FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.READ);
    }

    private static final java.nio.file.attribute.FileAttribute<?> OWNER_ONLY =
            java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                    java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));

    private static boolean wasRemoved(FileChannel channel) throws IOException {
        java.nio.ByteBuffer start = java.nio.ByteBuffer.allocate(REMOVED.length);
        channel.read(start, 0);
        return java.util.Arrays.equals(start.array(), REMOVED);
    }

    /** What closeAndRemove leaves in the file it unlinks, for a process that waited on it. */
    private static final byte[] REMOVED = "removed\n".getBytes(StandardCharsets.US_ASCII);

    /**
     * Releases the lock and removes its file, for a lab that is gone: the file is marked first,
     * so that a netlab waiting on it (with the old file open) knows to lock a new one instead.
     */
    public void closeAndRemove(Path root, String lab) {
        try {
            channel.truncate(0).write(java.nio.ByteBuffer.wrap(REMOVED), 0);
            Files.deleteIfExists(root.resolve(lab + ".lock"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            close();
        }
    }

    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            return null; // held by this very process (another thread)
        }
    }

    @Override
    public void close() {
        if (!channel.isOpen()) {
            return; // closed and removed already
        }
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
