package netlab.state;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * One lock per lab (a file lock on /run/lock/netlab/LAB.lock, held by one process at a time), so
 * that two {@code up}/{@code down} of the same lab never interleave; different labs do not wait
 * for each other. The kernel drops the lock when its holder dies, even by kill -9.
 *
 * <p>The locks are POSIX record locks (what {@link FileChannel#lock} takes on Linux): closing
 * <em>any</em> descriptor of the file drops every lock this process holds on it, so this class
 * never opens the locked file a second time except to keep that descriptor until it unlocks.
 */
public final class LabLock implements AutoCloseable {
    private static final FileAttribute<?> OWNER_ONLY = PosixFilePermissions.asFileAttribute(
            PosixFilePermissions.fromString("rwx------"));

    private final FileChannel channel;
    private final FileLock lock;
    /** The file opened again by its name, which showed it is still the lab's (see {@link #atItsPlace}). */
    private final FileChannel place;

    private LabLock(FileChannel channel, FileLock lock, FileChannel place) {
        this.channel = channel;
        this.lock = lock;
        this.place = place;
    }

    /** Takes the lab's lock, waiting up to {@code patience}; null when another holder kept it. */
    public static LabLock acquire(Path root, String lab, Duration patience) {
        try {
            long deadline = System.nanoTime() + patience.toNanos();
            Path file = root.resolve(lab + ".lock");
            FileChannel channel = open(root, file);
            while (true) {
                FileLock lock = tryLock(channel);
                if (lock != null) {
                    FileChannel place = atItsPlace(channel, file);
                    if (place != null) {
                        return new LabLock(channel, lock, place);
                    }
                    // Its last holder removed the file (closeAndRemove) while we waited: lock the
                    // one at its place now (or a new one).
                    lock.release();
                    channel.close();
                    channel = open(root, file);
                    continue;
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

    /**
     * Whether the locked file is still the one at its place, not one that its holder removed
     * while we waited on it: we write a mark into ours (this process's pid and a moment no other
     * lock of it shares) and read the file at the place through a descriptor of its own. Only a
     * holder writes into a lock file, and ours is locked by us, so the mark is there only if the
     * two are one file; that descriptor is then kept (closing it would drop the lock) and
     * returned, else closed (another file: none of our locks is on it) and null returned. A file
     * left at its place by a holder killed while removing it is thus simply the next one's.
     */
    private static FileChannel atItsPlace(FileChannel channel, Path file) throws IOException {
        byte[] mark = (ProcessHandle.current().pid() + " " + System.nanoTime() + "\n").getBytes(StandardCharsets.US_ASCII);
        channel.truncate(0).write(ByteBuffer.wrap(mark), 0);
        FileChannel place;
        try {
            place = FileChannel.open(file, StandardOpenOption.READ);
        } catch (NoSuchFileException e) {
            return null;
        }
        ByteBuffer text = ByteBuffer.allocate(mark.length + 1);
        while (text.hasRemaining() && place.read(text) > 0) {
            // Read until the end of the file, or one byte beyond the mark.
        }
        if (Arrays.equals(Arrays.copyOf(text.array(), text.position()), mark)) {
            return place;
        }
        place.close();
        return null;
    }

    /**
     * Releases the lock and removes its file, for a lab that is gone. A netlab that waits on the
     * file (it has it open) then locks a file no longer at its place, sees so, and locks the one
     * made after it instead.
     */
    public void closeAndRemove(Path root, String lab) {
        try {
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
            place.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
