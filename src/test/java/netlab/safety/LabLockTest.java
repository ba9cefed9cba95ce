package netlab.safety;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import netlab.cli.ExitCodes;
import netlab.state.LabLock;
import netlab.state.StateStore;
import netlab.testing.KernelTraces;
import netlab.testing.KernelTest;
import netlab.testing.NetlabRunner.Run;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * While another process holds a lab's lock, {@code up} and {@code down} of that lab wait about
 * 5 s, then give up with exit 6 ("is busy") and change nothing; once it is released they work.
 */
@KernelTest
class LabLockTest {
    @AfterEach
    void removeLabsLeftUp() {
        Netlab.removeLabsLeftUp();
    }

    @TempDir
    Path directory;

    @Test
    void upAndDownWaitForTheHolderThenGiveUp() throws Exception {
        assertThat(Netlab.run("ls").out()).isEqualTo("no lab is up\n");
        KernelTraces before = KernelTraces.take();

        try (LabLock held = StateStore.system().lock("lan", Duration.ZERO)) {
            assertThat(held).as("the lock is free").isNotNull();
            Child up = child("up", Netlab.LAN);
            assertBusy(up);
            assertThat(KernelTraces.take()).isEqualTo(before);
            assertThat(Netlab.run("ls").out()).isEqualTo("no lab is up\n");
        }

        Run up = Netlab.run("up", Netlab.LAN);
        assertThat(up.exitCode()).as(up.err()).isEqualTo(ExitCodes.OK);
        // A lab just up still settles (IPv6 link-local addresses, operstates): compare names.
        KernelTraces upState = KernelTraces.names();

        try (LabLock held = StateStore.system().lock("lan", Duration.ZERO)) {
            assertThat(held).as("up released the lock").isNotNull();
            Child down = child("down", "lan");
            assertBusy(down);
            assertThat(KernelTraces.names()).isEqualTo(upState);
            assertThat(Netlab.run("ls").out()).containsPattern("(?m)^lan +up ");
        }

        Run down = Netlab.run("down", "lan");
        assertThat(down.exitCode()).as(down.err()).isEqualTo(ExitCodes.OK);
        assertThat(KernelTraces.take()).isEqualTo(before);
    }

    private record Child(int exitCode, String err, long millis) {}

    private Child child(String... args) throws Exception {
        Path out = directory.resolve("out");
        Path err = directory.resolve("err");
        long started = System.nanoTime();
        Process process = Netlab.start(out, err, args);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        assertThat(Files.readString(out)).isEmpty();
        return new Child(process.exitValue(), Files.readString(err), millis);
    }

    private static void assertBusy(Child child) {
        assertThat(child.exitCode()).as(child.err()).isEqualTo(ExitCodes.LAB_STATE);
        assertThat(child.err()).startsWith("netlab: lab lan is busy").contains("waited 5 s");
        assertThat(child.millis()).as("it waited for the holder").isGreaterThanOrEqualTo(5000);
    }
}
