package netlab.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import netlab.testing.NetlabRunner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A lab's lock file can be removed with the lab (held labs, docs/rootless.md) without ever
 * letting two netlabs hold the lab at once: a netlab that waited on the removed file locks the
 * new one instead of the unlinked old one, so a third netlab finds the lab busy; removals and
 * re-acquisitions follow each other any number of times and leave no file; and a file left at
 * its place by a netlab killed while it removed it is locked by the next netlab at once
 * (before, one that said "removed" kept every later netlab looking forever, never timing out).
 */
class LabLockRemovalTest {
    private static final String LAB = "lan";
    private static final Duration SHORT = Duration.ofSeconds(20);

    @TempDir
    Path root;

    private Process other;

    @AfterEach
    void endTheOtherNetlab() throws Exception {
        if (other != null) {
            other.destroyForcibly();
            other.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void aWaiterOnTheRemovedFileLocksTheNewOneAndTheLabStaysExclusive() throws Exception {
        Path file = root.resolve(LAB + ".lock");
        LabLock first = LabLock.acquire(root, LAB, Duration.ZERO);
        assertThat(first).isNotNull();

        other = new ProcessBuilder(NetlabRunner.javaCommand(LockHolderMain.class, root.toString(), LAB, "30000"))
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        BufferedReader otherSays = new BufferedReader(new InputStreamReader(other.getInputStream(), StandardCharsets.UTF_8));
        awaitOpen(other.pid(), file);

        first.closeAndRemove(root, LAB);

        assertThat(line(otherSays)).isEqualTo("locked");
        assertThat(Files.readString(file)).as("the file at its place").startsWith(other.pid() + " ");
        assertThat(LabLock.acquire(root, LAB, Duration.ZERO)).as("the lab is the other netlab's alone").isNull();

        try (Writer tell = new java.io.OutputStreamWriter(other.getOutputStream(), StandardCharsets.UTF_8)) {
            tell.write("remove\n");
        }
        assertThat(line(otherSays)).isEqualTo("removed");
        assertThat(other.waitFor(SHORT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        assertThat(entries(root)).as("files left after the second removal").isZero();

        LabLock third = LabLock.acquire(root, LAB, Duration.ZERO);
        assertThat(third).isNotNull();
        third.closeAndRemove(root, LAB);

        assertThat(entries(root)).as("files left after the third removal").isZero();
    }

    @Test
    void removalsAndAcquisitionsInARowBetweenThreadsLeaveNothing() throws Exception {
        LabLock held = LabLock.acquire(root, LAB, Duration.ZERO);
        for (int round = 0; round < 3; round++) {
            CompletableFuture<LabLock> waiter = CompletableFuture.supplyAsync(() -> LabLock.acquire(root, LAB, SHORT));
            awaitOpen(ProcessHandle.current().pid(), root.resolve(LAB + ".lock"), 2);

            held.closeAndRemove(root, LAB);

            held = waiter.get(SHORT.toSeconds(), TimeUnit.SECONDS);
            assertThat(held).as("round %d", round).isNotNull();
            assertThat(LabLock.acquire(root, LAB, Duration.ZERO)).as("round %d: a third acquirer", round).isNull();
        }
        held.closeAndRemove(root, LAB);

        assertThat(entries(root)).isZero();
    }

    @Test
    void aFileLeftByANetlabKilledWhileRemovingItIsTheNextNetlabsAtOnce() throws Exception {
        // A holder killed in closeAndRemove before its unlink leaves its file at its place,
        // locked by no one, saying what it last wrote: its own mark, or "removed" (what netlab
        // wrote there before it unlinked, up to this commit).
        for (String left : new String[] {"4242 123456789\n", "removed\n"}) {
            Files.writeString(root.resolve(LAB + ".lock"), left);

            LabLock lock = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> LabLock.acquire(root, LAB, Duration.ofSeconds(1)));

            assertThat(lock).as(left).isNotNull();
            assertThat(Files.readString(root.resolve(LAB + ".lock"))).as(left).startsWith(ProcessHandle.current().pid() + " ");
            lock.closeAndRemove(root, LAB);
            assertThat(entries(root)).as(left).isZero();
        }
    }

    /** Waits until process {@code pid} has {@code count} descriptors open on the file at {@code file}. */
    private static void awaitOpen(long pid, Path file, int count) throws Exception {
        long deadline = System.nanoTime() + SHORT.toNanos();
        while (openDescriptors(pid, file) < count) {
            assertThat(System.nanoTime()).as("process %d never opened %s", pid, file).isLessThan(deadline);
            Thread.sleep(5);
        }
    }

    private static void awaitOpen(long pid, Path file) throws Exception {
        awaitOpen(pid, file, 1);
    }

    private static int openDescriptors(long pid, Path file) throws IOException {
        int open = 0;
        try (DirectoryStream<Path> descriptors = Files.newDirectoryStream(Path.of("/proc/" + pid + "/fd"))) {
            for (Path descriptor : descriptors) {
                try {
                    if (Files.readSymbolicLink(descriptor).equals(file)) {
                        open++;
                    }
                } catch (IOException e) {
                    // Closed meanwhile.
                }
            }
        }
        return open;
    }

    private static String line(BufferedReader reader) throws Exception {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return reader.readLine();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).get(SHORT.toSeconds(), TimeUnit.SECONDS);
    }

    private static long entries(Path directory) throws IOException {
        try (var files = Files.list(directory)) {
            return files.count();
        }
    }
}
