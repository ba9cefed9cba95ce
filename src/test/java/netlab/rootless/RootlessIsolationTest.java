package netlab.rootless;

import static netlab.rootless.Outcomes.answered;
import static netlab.rootless.Outcomes.succeeded;
import static netlab.rootless.RootlessSandbox.LAN;
import static netlab.rootless.RootlessSandbox.USER_A;
import static netlab.rootless.RootlessSandbox.USER_B;
import static netlab.rootless.RootlessSandbox.netlab;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import netlab.testing.KernelState;
import netlab.testing.KernelTest;
import netlab.testing.NetlabRunner;
import netlab.testing.NetlabRunner.Run;
import netlab.testing.Shell;
import netlab.testing.StateDiff;
import netlab.testing.TextFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A user's labs are theirs alone (docs/rootless.md, "Isolation"): while user A's lan is up, user
 * B's {@code down}, {@code exec} and {@code show} of it fail as for a lab that is not up, and
 * change nothing; A's lan comes up beside root's machine-wide lan of the same name without
 * touching it, and A's {@code down lan} leaves root's lab whole (its kernel state, every
 * namespace, as before).
 */
@KernelTest
class RootlessIsolationTest {
    private static final Path KERNEL_STATE = Path.of("test/sandbox/kernel-state").toAbsolutePath();

    @RegisterExtension
    static final RootlessSandbox SANDBOX = RootlessSandbox.withPrivateTun();

    @TempDir
    Path states;

    @Test
    void anotherUserFindsNothingOfTheLabAndChangesNothing() {
        succeeded(netlab(USER_A, "up", LAN));
        String record = TextFile.read(RootlessSandbox.record(USER_A, "lan"));
        List<Long> processes = pids(USER_A);
        assertThat(processes).as("unshare, holder, slirp4netns").hasSize(3);

        notUp(netlab(USER_B, "down", "lan"), "netlab: lab lan is not up (see netlab ls; -f makes this not an error)\n");
        notUp(netlab(USER_B, "exec", "ns1", "true"), "netlab: no node ns1 is up in your labs (see netlab ls)\n");
        notUp(netlab(USER_B, "exec", "lan:ns1", "true"), "netlab: lab lan is not up (see netlab ls)\n");
        notUp(netlab(USER_B, "show", "lan"), "netlab: lab lan is not up (see netlab ls)\n");

        assertThat(RootlessSandbox.list(RootlessSandbox.runtimeDirectory(USER_B))).as("B's runtime directory").isEmpty();
        assertThat(RootlessSandbox.processesOf(USER_B)).as("B's processes").isEmpty();
        assertThat(TextFile.read(RootlessSandbox.record(USER_A, "lan"))).as("A's record").isEqualTo(record);
        assertThat(pids(USER_A)).as("A's processes").isEqualTo(processes);
        answered(netlab(USER_A, "exec", "ns1", "ping", "-c1", "-W5", "192.168.0.2"), "192.168.0.2", 64);
        assertThat(succeeded(netlab(USER_A, "down", "lan"))).isEqualTo("lab lan is down\n");
        SANDBOX.assertNothingLeft(USER_A);
    }

    @Test
    void aUsersLanComesAndGoesBesideRootsLanOfTheSameName() {
        Run rootUp = NetlabRunner.inProcess("up", LAN);
        assertThat(rootUp.exitCode()).as(rootUp.err()).isZero();
        try {
            KernelState rootsLab = kernelState("root's lan");

            assertThat(succeeded(netlab(USER_A, "up", LAN))).startsWith("lab lan is up (");
            answered(netlab(USER_A, "exec", "ns1", "ping", "-c1", "-W5", "192.168.0.2"), "192.168.0.2", 64);
            assertThat(StateDiff.between(rootsLab, "root's lan", kernelState("both"), "A's lan up too")).isEmpty();
            assertThat(succeeded(netlab(USER_A, "down", "lan"))).isEqualTo("lab lan is down\n");

            assertThat(StateDiff.between(rootsLab, "root's lan", kernelState("A's down"), "A's down")).isEmpty();
            answered(Shell.run("ip", "netns", "exec", "ns1", "ping", "-c1", "-W5", "192.168.0.2"), "192.168.0.2", 64);
            assertThat(NetlabRunner.inProcess("ls").out()).containsPattern("(?m)^lan +up +2 ");
        } finally {
            Run rootDown = NetlabRunner.inProcess("down", "lan");
            assertThat(rootDown.exitCode()).as(rootDown.err()).isZero();
        }
        SANDBOX.assertNothingLeft(USER_A);
    }

    /**
     * Root's ls lists root's labs; --all-users adds every user's, read from their runtime
     * directories, without changing them; a user may not ask for it.
     */
    @Test
    void rootListsEveryUsersLabsOnlyWhenAsked() {
        succeeded(netlab(USER_A, "up", LAN));
        String record = TextFile.read(RootlessSandbox.record(USER_A, "lan"));
        List<Long> processes = pids(USER_A);

        Run plain = NetlabRunner.inProcess("ls");
        Run all = NetlabRunner.inProcess("ls", "--all-users");
        Shell.Result byUser = netlab(USER_B, "ls", "--all-users");

        assertThat(plain.out()).isEqualTo("no lab is up\n");
        assertThat(all.exitCode()).as(all.err()).isZero();
        assertThat(all.out()).matches("USER +LAB +STATUS +NODES +SINCE +FILE\n"
                + "nobody +lan +up +2  \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d  \\S+/topologies/lan.topo\n");
        assertThat(byUser.exitCode()).as(byUser.stderr()).isEqualTo(5);
        assertThat(TextFile.read(RootlessSandbox.record(USER_A, "lan"))).as("A's record").isEqualTo(record);
        assertThat(pids(USER_A)).as("A's processes").isEqualTo(processes);
        assertThat(succeeded(netlab(USER_A, "down", "lan"))).isEqualTo("lab lan is down\n");
        SANDBOX.assertNothingLeft(USER_A);
    }

    /**
     * What a user leaves in their runtime directory cannot stop root's listing: a FIFO where a
     * record goes (which would block a reader), a link to /dev/zero (endless) or to a file only
     * root may read; each lab is listed broken, at once, and nothing of it is read.
     */
    @Test
    void aUsersTrapsInTheirRecordsDoNotHoldUpRootsListing() throws Exception {
        Path labs = RootlessSandbox.runtimeDirectory(USER_A).resolve("netlab/labs");
        Shell.check(RootlessSandbox.asUser(USER_A, java.util.Map.of(), List.of("sh", "-c", "umask 077; mkdir -p "
                + labs + "/fifo " + labs + "/zero " + labs + "/shadow; mkfifo " + labs + "/fifo/state; ln -s /dev/zero "
                + labs + "/zero/holder; ln -s /etc/shadow " + labs + "/shadow/state")).toArray(String[]::new));
        try {
            Run all = NetlabRunner.inProcess("ls", "--all-users");

            assertThat(all.exitCode()).as(all.err()).isZero();
            assertThat(all.out()).isEqualTo("USER         LAB                  STATUS  NODES  SINCE                FILE\n"
                    + "nobody       fifo                 broken      -  -                    -\n"
                    + "nobody       shadow               broken      -  -                    -\n"
                    + "nobody       zero                 broken      -  -                    -\n");
        } finally {
            Shell.check("rm", "-r", labs.getParent().toString());
        }
    }

    /** Exit 6 (lab state problem) with this one line, and nothing on stdout. */
    private static void notUp(Shell.Result run, String line) {
        assertThat(run.exitCode()).as(run.stderr()).isEqualTo(6);
        assertThat(run.stderr()).isEqualTo(line);
        assertThat(run.stdout()).isEmpty();
    }

    private static List<Long> pids(int uid) {
        return RootlessSandbox.processesOf(uid).stream().map(RootlessSandbox.UserProcess::pid).toList();
    }

    /** The whole sandbox: the root namespace and every namespace under /run/netns (src/test/sandbox/kernel-state). */
    private KernelState kernelState(String when) {
        Path dir = states.resolve(when.replaceAll("[^a-z]", "-"));
        Shell.check(KERNEL_STATE.toString(), dir.toString());
        return KernelState.read(dir);
    }
}
