package netlab.labs;

import static netlab.labs.LabRun.netlab;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import netlab.cli.Main;
import netlab.testing.KernelTest;
import netlab.testing.KernelTraces;
import netlab.testing.NetlabRunner;
import netlab.testing.NetlabRunner.Run;
import netlab.testing.Shell;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code netlab test FILE} is the exercise cycle: up, check, down; and down happens after a
 * pass, after a failure, and after Ctrl-C while it checks or while it brings the lab up.
 * {@code --keep} leaves the lab up, and {@code netlab test LAB} on a lab that is up only checks.
 */
@KernelTest
class TestCycleLeavesNothingTest {
    /** a answers no echo (a silent holder): b's !reaches waits out its whole time, never cut short by an error. */
    private static final String LAB = """
            lab cycle
            node a
              link eth0 to b:eth0 address 10.70.0.1/24
              expect reaches b:eth0 ttl 64
              sysctl net.ipv4.icmp_echo_ignore_all=1
            node b
              address eth0 10.70.0.2/24
              expect !reaches 10.70.0.1
            """;

    @TempDir
    Path dir;

    @Test
    void aFailedExpectationStillTakesTheLabDown() throws IOException {
        Path file = write("cycle.topo", LAB.replace("ttl 64", "ttl 63"));
        KernelTraces before = KernelTraces.names();

        Run test = netlab("test", file.toString());

        assertThat(test.exitCode()).isEqualTo(1);
        assertThat(test.out()).contains("FAIL  " + file + ":4").contains("reply with ttl 64, expected 63")
                .contains("1 of 2 expectations passed, 1 failed");
        assertThat(test.err()).endsWith("netlab: lab cycle is down\n");
        assertThat(KernelTraces.names()).isEqualTo(before);
    }

    @Test
    void keepLeavesTheLabUpAndTestOfALabThatIsUpOnlyChecks() throws IOException {
        Path file = write("cycle.topo", LAB);
        KernelTraces before = KernelTraces.names();

        Run kept = netlab("test", file.toString(), "--keep");
        assertThat(kept.exitCode()).as(kept.err()).isZero();
        assertThat(kept.err()).contains("lab cycle stays up (--keep)");
        assertThat(Shell.check("ip", "netns", "list")).contains("a").contains("b");

        Run again = netlab("test", "cycle");
        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(again.err()).isEmpty();
        assertThat(again.out()).contains("2 of 2 expectations passed");
        Run byFile = netlab("test", file.toString());
        assertThat(byFile.exitCode()).isZero();
        assertThat(Shell.check("ip", "netns", "list")).as("still up").contains("a");

        Path copy = write("elsewhere/cycle.topo", LAB);
        Run other = netlab("test", copy.toString());
        assertThat(other.exitCode()).isEqualTo(6);
        assertThat(other.err()).contains("lab cycle is up from " + file.toAbsolutePath().normalize() + ", not from " + copy);

        assertThat(netlab("down", "cycle").exitCode()).isZero();
        assertThat(KernelTraces.names()).isEqualTo(before);
    }

    @Test
    void ctrlCWhileCheckingTakesTheLabDownAndExits130() throws Exception {
        signalWhileChecking("INT");
    }

    @Test
    void sigtermWhileCheckingDoesTheSame() throws Exception {
        signalWhileChecking("TERM");
    }

    private void signalWhileChecking(String signal) throws Exception {
        Path file = write("cycle.topo", LAB.replace("!reaches 10.70.0.1", "!reaches 10.70.0.1 within 20s"));
        KernelTraces before = KernelTraces.names();
        Process test = start("test", file.toString());
        BufferedReader err = new BufferedReader(new InputStreamReader(test.getErrorStream(), StandardCharsets.UTF_8));

        assertThat(err.readLine()).startsWith("netlab: lab cycle is up (").endsWith("); checking 2 expectations");
        Shell.check("kill", "-" + signal, Long.toString(test.pid()));

        assertThat(test.waitFor(15, TimeUnit.SECONDS)).as("netlab test ended well before the 20 s check").isTrue();
        assertThat(test.exitValue()).isEqualTo(130);
        assertThat(err.readLine()).isEqualTo("netlab: interrupted; taking lab cycle down first");
        assertThat(err.readLine()).isEqualTo("netlab: lab cycle is down");
        assertThat(new String(test.getInputStream().readAllBytes(), StandardCharsets.UTF_8)).as("no report").isEmpty();
        assertThat(KernelTraces.names()).isEqualTo(before);
    }

    /** test LAB reads the file the lab came up from; edited since, it says so and checks the lab as it runs. */
    @Test
    void aFileEditedAfterUpIsSaidToBe() throws IOException {
        Path file = write("cycle.topo", LAB);
        assertThat(netlab("test", file.toString(), "--keep").exitCode()).isZero();
        try {
            Files.setLastModifiedTime(file, java.nio.file.attribute.FileTime.from(java.time.Instant.now().plusSeconds(60)));

            Run test = netlab("test", "cycle");

            assertThat(test.exitCode()).isZero();
            assertThat(test.err()).startsWith("netlab: " + file.toAbsolutePath().normalize()
                    + " changed after lab cycle came up (");
        } finally {
            assertThat(netlab("down", "cycle").exitCode()).isZero();
        }
    }

    @Test
    void ctrlCWhileTheLabComesUpLetsUpFinishThenTakesItDown() throws Exception {
        StringBuilder star = new StringBuilder("lab cycle\nhost\n  bridge brc 10.71.0.254/16\n");
        for (int i = 1; i <= 80; i++) {
            star.append("node n").append(i).append("\n  link eth0 to brc address 10.71.0.").append(i).append("/16\n");
        }
        star.append("  expect reaches 10.71.0.254\n");
        Path file = write("cycle.topo", star.toString());
        KernelTraces before = KernelTraces.names();
        Process test = start("test", file.toString());

        Path record = Path.of("/run/netlab/cycle/state");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!Files.exists(record) && System.nanoTime() < deadline) {
            // A short park, not a spin: up needs this machine's two cores more than the test does.
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
        }
        assertThat(record).as("up began its change").exists();
        Shell.check("kill", "-INT", Long.toString(test.pid()));

        assertThat(test.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String err = new String(test.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(test.exitValue()).as(err).isEqualTo(130);
        assertThat(err).contains("netlab: interrupted; taking lab cycle down first").endsWith("netlab: lab cycle is down\n");
        // Caught before the checks began: the up line says nothing of checking.
        assertThat(err).containsPattern("netlab: lab cycle is up \\(\\d+ ms\\)\n").doesNotContain("checking");
        assertThat(KernelTraces.names()).isEqualTo(before);
    }

    private Process start(String... args) throws IOException {
        return new ProcessBuilder(NetlabRunner.javaCommand(Main.class, args)).start();
    }

    private Path write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text);
    }
}
