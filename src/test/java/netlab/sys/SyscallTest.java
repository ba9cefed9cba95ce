package netlab.sys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The calls through syscall(2): their arguments arrive, results come back, errno becomes a message. */
class SyscallTest {
    private static final int AF_UNIX = 1;
    private static final int SOCK_DGRAM = 2;
    private static final int SOCK_CLOEXEC = 0x80000;

    @TempDir
    Path directory;

    @Test
    void aFailedCallNamesItselfTheErrnoAndItsText() {
        assertThatThrownBy(() -> Syscall.open("/no/such/file", Syscall.O_RDONLY, 0))
                .isInstanceOfSatisfying(SyscallException.class, e -> assertThat(e.errno()).isEqualTo(Errno.ENOENT))
                .hasMessage("open /no/such/file: ENOENT (No such file or directory)");
    }

    @Test
    void pathsReachTheKernel() {
        String made = directory.resolve("made").toString();
        Syscall.mkdir(made, 0755);
        assertThat(Path.of(made)).isDirectory();
        assertThatThrownBy(() -> Syscall.mkdir(made, 0755)).hasMessage("mkdir " + made + ": EEXIST (File exists)");

        String file = directory.resolve("file").toString();
        Syscall.close(Syscall.open(file, Syscall.O_RDONLY | Syscall.O_CREAT | Syscall.O_EXCL | Syscall.O_CLOEXEC, 0644));
        assertThat(Path.of(file)).isRegularFile();
        Syscall.unlink(file);
        assertThat(Files.exists(Path.of(file))).isFalse();
    }

    @Test
    void descriptorsComeBackAndClose() {
        int[] pair = Syscall.socketpair(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
        assertThat(pair[0]).isNotEqualTo(pair[1]).isGreaterThan(2);
        assertThat(pair[1]).isGreaterThan(2);
        Syscall.close(pair[0]);
        Syscall.close(pair[1]);
        assertThatThrownBy(() -> Syscall.close(pair[0]))
                .isInstanceOfSatisfying(SyscallException.class, e -> assertThat(e.errno()).isEqualTo(Errno.EBADF));
    }

    @Test
    void unblockingSignalsLeavesTheThreadWithNoneBlocked() throws Exception {
        AtomicReference<String> blocked = new AtomicReference<>();
        // A throwaway thread: the call changes the calling thread's mask only.
        Thread thread = Thread.ofPlatform().start(() -> {
            Syscall.unblockAllSignals();
            try {
                blocked.set(Files.readAllLines(Path.of("/proc/thread-self/status")).stream()
                        .filter(line -> line.startsWith("SigBlk:")).findFirst().orElseThrow());
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        thread.join();
        assertThat(blocked.get()).isEqualTo("SigBlk:\t0000000000000000");
    }
}
