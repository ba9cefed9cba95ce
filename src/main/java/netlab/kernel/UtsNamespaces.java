package netlab.kernel;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import netlab.error.InterruptedWaitException;
import netlab.sys.Errno;
import netlab.sys.Syscall;
import netlab.sys.SyscallException;

/**
 * Nodes' own UTS namespaces, each holding the node's name as its host name and kept alive by a
 * bind mount on a file, as {@code unshare --uts=FILE hostname NAME} leaves one. A UTS namespace,
 * like a network one, belongs to a thread: a worker's {@code unshare(CLONE_NEWUTS)} moves it into
 * a new one, it names it and binds it, and goes on to the next; the workers end with the batch,
 * so no thread of the JVM keeps a node's name.
 */
public final class UtsNamespaces {
    private static final String THREAD_SELF_UTS = "/proc/thread-self/ns/uts";

    private UtsNamespaces() {}

    /**
     * Makes one UTS namespace per entry of {@code hostnames} (bind-mount file -> host name) on at
     * most {@code workers} threads. Each file is created first (it must not exist). The first
     * failure stops the batch and is thrown; the files made so far stay, for {@link #removeAll}.
     */
    public static void createAll(Map<Path, String> hostnames, int workers) {
        List<Map.Entry<Path, String>> entries = List.copyOf(hostnames.entrySet());
        AtomicInteger next = new AtomicInteger();
        List<CompletableFuture<Void>> done = new ArrayList<>();
        for (int w = 0; w < Math.min(workers, entries.size()); w++) {
            CompletableFuture<Void> finished = new CompletableFuture<>();
            done.add(finished);
            Thread.ofPlatform().name("netlab-uts-" + w).daemon(true).start(() -> {
                try {
                    for (int i = next.getAndIncrement(); i < entries.size(); i = next.getAndIncrement()) {
                        create(entries.get(i).getKey(), entries.get(i).getValue());
                    }
                    finished.complete(null);
                } catch (Throwable t) {
                    next.set(entries.size()); // the others stop at their next entry
                    finished.completeExceptionally(t);
                }
            });
        }
        RuntimeException first = null;
        for (CompletableFuture<Void> worker : done) {
            try {
                Answers.await(worker);
            } catch (InterruptedWaitException e) {
                throw e;
            } catch (RuntimeException e) {
                first = first == null ? e : first;
            }
        }
        if (first != null) {
            throw first;
        }
    }

    /** On the calling worker thread: a new UTS namespace named {@code hostname}, bound at {@code file}. */
    private static void create(Path file, String hostname) {
        Syscall.unshare(Syscall.CLONE_NEWUTS);
        Syscall.sethostname(hostname);
        Syscall.close(Syscall.open(file.toString(), Syscall.O_CREAT | Syscall.O_EXCL | Syscall.O_CLOEXEC, 0444));
        try {
            Syscall.mount(THREAD_SELF_UTS, file.toString(), null, Syscall.MS_BIND, null);
        } catch (SyscallException e) {
            throw new SyscallException("bind the UTS namespace of " + hostname + " at " + file, e.errnoValue());
        }
    }

    /** Moves the calling thread into the UTS namespace bound at {@code file}. */
    public static void join(Path file) {
        int fd = Syscall.open(file.toString(), Syscall.O_RDONLY | Syscall.O_CLOEXEC, 0);
        try {
            Syscall.setns(fd, Syscall.CLONE_NEWUTS);
        } finally {
            Syscall.close(fd);
        }
    }

    /**
     * Unmounts and deletes every file in {@code directory} (a lab's own: all of it is the lab's),
     * then the directory. A file with nothing mounted on it (made, not yet bound, when netlab was
     * killed) is deleted too. What is gone already is done.
     */
    public static void removeAll(Path directory) {
        List<Path> files;
        try (Stream<Path> entries = Files.list(directory)) {
            files = entries.toList();
        } catch (NoSuchFileException e) {
            return;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + directory, e);
        }
        for (Path file : files) {
            try {
                Syscall.umount2(file.toString(), Syscall.MNT_DETACH | Syscall.UMOUNT_NOFOLLOW);
            } catch (SyscallException e) {
                if (e.errno() != Errno.EINVAL && e.errno() != Errno.ENOENT) { // EINVAL: nothing mounted there
                    throw e;
                }
            }
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot delete " + file, e);
            }
        }
        try {
            Files.deleteIfExists(directory);
        } catch (DirectoryNotEmptyException e) {
            throw new UncheckedIOException("something new appeared in " + directory + " while it was emptied", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + directory, e);
        }
    }
}
