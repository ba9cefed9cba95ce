package netlab.rootless;

import static netlab.rootless.RootlessSandbox.LAN;
import static netlab.rootless.RootlessSandbox.USER_A;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import netlab.testing.KernelTest;
import netlab.testing.KernelTraces;
import netlab.testing.Shell;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Where user namespaces are off for the user, {@code up} exits 5 with one line that names the
 * switch and how root turns it on, and leaves no lab: no process, no record, nothing in the
 * sandbox (and, once cli.HeldUp cleans up after a failed holder, nothing at all). They are turned off where only this test
 * sees it: {@code user.max_user_namespaces} is a limit of each user namespace, set to 0 in a
 * user namespace of the test's own (which maps every id of the sandbox's to itself, so user A is
 * user A there), never in the sandbox's, which is the machine's.
 */
@KernelTest
class UserNamespacesOffTest {
    private static final String MAX = "/proc/sys/user/max_user_namespaces";

    @RegisterExtension
    static final RootlessSandbox SANDBOX = RootlessSandbox.withPrivateTun();

    @Test
    void upExitsFiveNamingTheSwitchAndLeavesNoLab() throws Exception {
        String machines = Shell.check("sysctl", "-n", "user.max_user_namespaces");

        Shell.Result up = upWithoutUserNamespaces();

        assertThat(up.exitCode()).as(up.stdout() + up.stderr()).isEqualTo(5);
        assertThat(up.stderr()).isEqualTo("netlab: user namespaces are off on this machine (user.max_user_namespaces = 0), "
                + "so labs without root cannot be made; root can enable them: sysctl -w user.max_user_namespaces=15000\n");
        assertThat(up.stdout()).isEmpty();
        assertThat(Shell.check("sysctl", "-n", "user.max_user_namespaces")).as("the machine's limit")
                .isEqualTo(machines).isNotEqualTo("0\n");
        assertThat(RootlessSandbox.processesOf(USER_A)).as("processes of user A").isEmpty();
        assertThat(RootlessSandbox.record(USER_A, "lan").getParent()).as("the lab's directory").doesNotExist();
        assertThat(KernelTraces.take()).as("the sandbox").isEqualTo(SANDBOX.before());
    }

    @Test
    void upLeavesNothing() throws Exception {
        assertThat(upWithoutUserNamespaces().exitCode()).isEqualTo(5);
        SANDBOX.assertNothingLeft(USER_A);
    }

    private static Shell.Result upWithoutUserNamespaces() throws Exception {
        return withoutUserNamespaces(RootlessSandbox.asUser(USER_A, Map.of(), RootlessSandbox.netlabCommand("up", LAN)));
    }

    /**
     * {@code command} in a new user namespace whose ids are the sandbox's 0-65535 and whose
     * user.max_user_namespaces is 0: root writes the maps from outside (newuidmap would allow
     * only /etc/subuid's ranges), then the namespace's root sets its limit and runs the command.
     */
    private static Shell.Result withoutUserNamespaces(List<String> command) throws Exception {
        List<String> line = new ArrayList<>(List.of("unshare", "--user", "/bin/sh", "-c",
                // Capabilities in the namespace come with an exec as its root, so only once mapped: exec again.
                "read mapped && exec /bin/sh -c 'echo 0 >" + MAX + " && exec \"$@\"' sh \"$@\"", "sh"));
        line.addAll(command);
        Process process = new ProcessBuilder(line).start();
        CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> readAll(process.getInputStream()));
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> readAll(process.getErrorStream()));
        Path proc = Path.of("/proc", Long.toString(process.pid()));
        Path ours = Files.readSymbolicLink(Path.of("/proc/self/ns/user"));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (Files.readSymbolicLink(proc.resolve("ns/user")).equals(ours)) {
            assertThat(System.nanoTime()).as("unshare made its user namespace").isLessThan(deadline);
            Thread.sleep(1);
        }
        Files.writeString(proc.resolve("uid_map"), "0 0 65536\n");
        Files.writeString(proc.resolve("gid_map"), "0 0 65536\n");
        process.getOutputStream().write("mapped\n".getBytes(StandardCharsets.US_ASCII));
        process.getOutputStream().close();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("netlab finished").isTrue();
        return new Shell.Result(process.exitValue(), out.join(), err.join());
    }

    private static String readAll(java.io.InputStream in) {
        try {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
