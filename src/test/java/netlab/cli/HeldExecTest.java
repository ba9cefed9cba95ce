package netlab.cli;

import static netlab.cli.Cli.LAN;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import netlab.testing.KernelTraces;
import netlab.testing.KernelTest;
import netlab.testing.NetlabRunner;
import netlab.testing.Shell;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * exec in a held lab (a contained copy, up --name) is what exec is on the machine: netlab
 * replaces itself with nsenter, nsenter with netlab inside the holder, that netlab with the
 * program, all in one process; so the program's exit status, its standard streams and the signals
 * sent to "netlab" are the program's own.
 */
@KernelTest
class HeldExecTest {
    private static final String LAB = "hx";
    private static KernelTraces before;

    @BeforeAll
    static void upCopy() {
        before = KernelTraces.take();
        Shell.Result up = Cli.childJvm("up", LAN, "--name", LAB);
        assertThat(up.exitCode()).as(up.stderr()).isZero();
    }

    @AfterAll
    static void downCopy() {
        Shell.Result down = Cli.childJvm("down", LAB);
        assertThat(down.exitCode()).as(down.stderr()).isZero();
        assertThat(KernelTraces.take()).isEqualTo(before);
    }

    @Test
    void theExitStatusAndStandardErrorAreTheProgramsOwn() {
        Shell.Result run = Cli.childJvm("exec", LAB + ":ns1", "sh", "-c", "echo out; echo err >&2; exit 7");

        assertThat(run.exitCode()).isEqualTo(7);
        assertThat(run.stdout()).isEqualTo("out\n");
        assertThat(run.stderr()).isEqualTo("err\n");
    }

    @Test
    void standardInputReachesTheProgram() throws Exception {
        Process cat = start("exec", LAB + ":ns1", "cat");
        try (var in = cat.getOutputStream()) {
            in.write("through the holder\n".getBytes(StandardCharsets.UTF_8));
        }
        String out = new String(cat.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(cat.waitFor(20, TimeUnit.SECONDS)).isTrue();
        assertThat(out).isEqualTo("through the holder\n");
        assertThat(cat.exitValue()).isZero();
    }

    @Test
    void theProgramRunsInTheCopysNodeAsTheSameProcessThatSignalsReach() throws Exception {
        Process sleep = start("exec", LAB + ":ns1", "sleep", "100");
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            Path comm = Path.of("/proc", Long.toString(sleep.pid()), "comm");
            while (!Files.readString(comm).strip().equals("sleep")) {
                assertThat(System.nanoTime()).as("the exec'd process became sleep").isLessThan(deadline);
                Thread.sleep(10);
            }
            // The very process started as netlab is now the program, in the copy's ns1 (not the
            // sandbox's namespace): SIGTERM to it is SIGTERM to the program.
            assertThat(Files.readSymbolicLink(Path.of("/proc", Long.toString(sleep.pid()), "ns/net")))
                    .isNotEqualTo(Files.readSymbolicLink(Path.of("/proc/self/ns/net")));
            sleep.destroy();

            assertThat(sleep.waitFor(20, TimeUnit.SECONDS)).isTrue();
            assertThat(sleep.exitValue()).isEqualTo(128 + 15);
        } finally {
            sleep.destroyForcibly();
        }
    }

    private static Process start(String... args) throws IOException {
        List<String> command = new ArrayList<>(NetlabRunner.javaCommand(Main.class, args));
        return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    }
}
