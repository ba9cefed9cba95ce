package netlab.junit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import netlab.api.LabNode;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * An ordinary user's test JVM (uid 65534, through setpriv): started plainly, a class that needs
 * a lab fails with netlab's one-line reason (never skipped) and nothing changes; started in the
 * user-namespace sandbox (src/test/sandbox/bin/java, which adds --user --map-root-user for a
 * user who is not root), the same class brings lan up, talks across it, and passes.
 */
class WithoutRootTest {
    private static final String RUN = "netlab.junit.without-root";
    private static final int USER = 65534;

    @Test
    void aPlainJvmFailsTheClassWithTheReasonAndChangesNothing() throws Exception {
        String before = LeavesNothingTest.snapshot();

        Outcome outcome = runAsUser(false);

        assertThat(outcome.exitCode()).as(outcome.output()).isEqualTo(1);
        assertThat(outcome.output().lines().toList()).as(outcome.output()).containsExactly(
                "failure: lab lan needs CAP_NET_ADMIN and CAP_SYS_ADMIN: run the tests as root, or start their JVM in a"
                        + " user-namespace sandbox (netlab's src/test/sandbox/bin/java)",
                "succeeded 0 failed 0 skipped 0 containers-failed 1");
        assertThat(LeavesNothingTest.snapshot()).isEqualTo(before);
    }

    @Test
    void theSameClassPassesInTheUserNamespaceSandbox() throws Exception {
        String before = LeavesNothingTest.snapshot();

        Outcome outcome = runAsUser(true);

        assertThat(outcome.output().lines().toList()).as(outcome.output())
                .containsExactly("succeeded 1 failed 0 skipped 0 containers-failed 0");
        assertThat(outcome.exitCode()).isZero();
        assertThat(LeavesNothingTest.snapshot()).isEqualTo(before);
    }

    private record Outcome(int exitCode, String output) {}

    private static Outcome runAsUser(boolean inSandbox) throws Exception {
        // Only a real root can become another user; a developer's mapped root cannot (README).
        Assumptions.assumeTrue(Files.readString(Path.of("/proc/self/uid_map")).strip().matches("0\\s+0\\s+4294967295"),
                "needs the test JVM to be real root, to run a JVM as user " + USER);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of("setpriv", "--reuid=" + USER, "--regid=" + USER, "--clear-groups",
                "env", "-i", "PATH=/usr/sbin:/usr/bin:/bin", "NETLAB_SANDBOX_JAVA=" + java));
        String run = System.getenv("NETLAB_LEAK_GUARD_RUN");
        if (run != null) {
            command.add("NETLAB_LEAK_GUARD_RUN=" + run);
        }
        command.add(inSandbox ? Path.of("../src/test/sandbox/bin/java").toAbsolutePath().toString() : java);
        command.addAll(List.of("--enable-native-access=ALL-UNNAMED", "-XX:-UsePerfData",
                "-Dio.netty.native.workdir=" + UserClassPath.NATIVE, "-D" + RUN + "=yes", "-cp", UserClassPath.prepare(),
                RunsAClass.class.getName(), UsesLan.class.getName()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        CompletableFuture<String> output = CompletableFuture.supplyAsync(() -> {
            try {
                return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
        return new Outcome(process.waitFor(), output.get(10, TimeUnit.SECONDS));
    }

    /** What a user's test does with lan: a TCP connection from ns1 to a server in ns2. */
    @NetlabTopology("../topologies/lan.topo")
    @EnabledIfSystemProperty(named = RUN, matches = "yes")
    static class UsesLan {
        @Test
        void ns2SeesNs1sAddress(@Node("ns1") LabNode ns1, @Node("ns2") LabNode ns2) throws Exception {
            InetAddress address = ns2.address("eth0");
            try (ServerSocket server = ns2.run(() -> new ServerSocket(9000, 1, address))) {
                CompletableFuture<String> peer = CompletableFuture.supplyAsync(() -> {
                    try (Socket accepted = server.accept()) {
                        return accepted.getInetAddress().getHostAddress();
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                });
                ns1.run(() -> {
                    try (Socket socket = new Socket()) {
                        socket.connect(new InetSocketAddress(address, 9000), 5000);
                    }
                    return null;
                });
                assertThat(peer.get(10, TimeUnit.SECONDS)).isEqualTo("192.168.0.1");
            }
        }
    }
}
