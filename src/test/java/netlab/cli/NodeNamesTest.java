package netlab.cli;

import static netlab.cli.Cli.netlab;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import netlab.testing.KernelTest;
import netlab.testing.KernelTraces;
import netlab.testing.NetlabRunner.Run;
import netlab.testing.Shell;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Names inside nodes: each node's host name is its own (through netlab exec), a node reaches
 * another by name (netlab exec's and ip netns exec's /etc/hosts), and the files under /etc/netns
 * are the lab's alone: down removes every one it wrote and nothing else, and up refuses a node
 * whose /etc/netns directory someone else has. /etc is an overlay private to the test sandbox
 * (src/test/sandbox/bin/java), so none of this touches the machine's.
 */
@KernelTest
class NodeNamesTest {
    /** Two subnets and a router: a name resolves to an address behind the router too. */
    private static final String LAB = """
            lab names
            node r1
              link eth0 to n1:eth0 address 10.71.1.254/24
              link eth1 to n2:eth0 address 10.71.2.254/24
              sysctl net.ipv4.ip_forward=1
            node n1
              address eth0 10.71.1.1/24
              route default via 10.71.1.254
            node n2
              address eth0 10.71.2.1/24
              route default via 10.71.2.254
            """;
    private static final Path ETC_NETNS = Path.of("/etc/netns");
    @TempDir
    static Path directory;
    private static KernelTraces before;
    private static Path file;

    @BeforeAll
    static void write() throws Exception {
        before = KernelTraces.take();
        file = Files.writeString(directory.resolve("names.topo"), LAB);
    }

    @AfterAll
    static void nothingIsLeft() {
        assertThat(KernelTraces.take()).isEqualTo(before);
    }

    @Test
    void everyNodesHostNameIsItsNameAndTheMachinesStaysItsOwn() {
        String machine = Shell.check("hostname");
        up();
        try {
            for (String node : List.of("r1", "n1", "n2")) {
                Shell.Result hostname = Cli.childJvm("exec", node, "hostname");
                Shell.Result uname = Cli.childJvm("exec", node, "uname", "-n");

                assertThat(hostname.exitCode()).as(hostname.stderr()).isZero();
                assertThat(hostname.stdout()).isEqualTo(node + "\n");
                assertThat(uname.stdout()).isEqualTo(node + "\n");
            }
            assertThat(Shell.check("hostname")).isEqualTo(machine);
            // ip netns exec joins the network namespace only: the host name stays the machine's.
            assertThat(Shell.check("ip", "netns", "exec", "n1", "hostname")).isEqualTo(machine);
        } finally {
            down();
        }
    }

    @Test
    void aNodeReachesAnotherByNameAndByInterfaceName() {
        up();
        try {
            Shell.Result byName = Cli.childJvm("exec", "n1", "ping", "-c1", "-W2", "n2");
            Shell.Result byInterface = Cli.childJvm("exec", "n1", "ping", "-c1", "-W2", "r1-eth1");

            assertThat(byName.exitCode()).as(byName.stdout() + byName.stderr()).isZero();
            assertThat(byName.stdout()).contains("PING n2 (10.71.2.1)").contains("1 received");
            assertThat(byInterface.exitCode()).as(byInterface.stdout() + byInterface.stderr()).isZero();
            assertThat(byInterface.stdout()).contains("(10.71.2.254)").contains("1 received");
        } finally {
            down();
        }
    }

    @Test
    void ipNetnsExecResolvesTheLabsNamesThroughTheSameFile() {
        up();
        try {
            assertThat(getent("n1", "n2")).isEqualTo(List.of("10.71.2.1", "n2", "n2-eth0"));
            // A node's name is its first address; each interface's address has a name of its own.
            assertThat(getent("n2", "r1")).isEqualTo(List.of("10.71.1.254", "r1", "r1-eth0"));
            assertThat(getent("n2", "r1-eth1")).isEqualTo(List.of("10.71.2.254", "r1-eth1"));
            assertThat(getent("n1", "n1")).isEqualTo(List.of("10.71.1.1", "n1", "n1-eth0"));
            assertThat(Shell.run("ip", "netns", "exec", "n1", "getent", "hosts", "no-such-node").exitCode()).isEqualTo(2);
        } finally {
            down();
        }
    }

    @Test
    void downRemovesEveryFileItWroteAndLeavesAnothersDirectory() throws Exception {
        Path other = Files.createDirectories(ETC_NETNS.resolve("other"));
        Files.writeString(other.resolve("resolv.conf"), "nameserver 192.0.2.53\n");
        try {
            KernelTraces withOthers = KernelTraces.take();
            up();
            assertThat(Files.readSymbolicLink(ETC_NETNS.resolve("n1/hosts"))).isEqualTo(Path.of("/run/netlab/names/hosts"));
            assertThat(Shell.check("findmnt", "-rn", "-o", "TARGET").lines().filter(l -> l.startsWith("/run/netlab/names/uts/")))
                    .containsExactlyInAnyOrder("/run/netlab/names/uts/r1", "/run/netlab/names/uts/n1", "/run/netlab/names/uts/n2");

            down();

            assertThat(KernelTraces.take()).isEqualTo(withOthers);
            assertThat(Files.readString(other.resolve("resolv.conf"))).isEqualTo("nameserver 192.0.2.53\n");
        } finally {
            Files.delete(other.resolve("resolv.conf"));
            Files.delete(other);
            Files.deleteIfExists(ETC_NETNS); // the test made it
        }
    }

    @Test
    void aFileSomeoneAddsToANodesDirectoryStaysWithItsDirectory() throws Exception {
        up();
        Path added = ETC_NETNS.resolve("n2/resolv.conf");
        Files.writeString(added, "nameserver 192.0.2.53\n");
        try {
            Run down = netlab("down", "names");

            assertThat(down.exitCode()).as(down.err()).isEqualTo(ExitCodes.OK);
            assertThat(down.err()).isEqualTo("netlab: /etc/netns/n2 holds files netlab did not write; left alone\n");
            assertThat(Files.readString(added)).isEqualTo("nameserver 192.0.2.53\n");
            assertThat(ETC_NETNS.resolve("n2/hosts")).doesNotExist();
            assertThat(ETC_NETNS.resolve("n1")).doesNotExist();
        } finally {
            Files.delete(added);
            Files.delete(added.getParent());
            Files.deleteIfExists(ETC_NETNS);
        }
    }

    @Test
    void anExistingDirectoryOfANodesNameRefusesUpAndStaysAsItWas() throws Exception {
        Path theirs = Files.createDirectories(ETC_NETNS.resolve("n2"));
        try {
            KernelTraces withTheirs = KernelTraces.take();

            Run up = netlab("up", file.toString());

            assertThat(up.exitCode()).isEqualTo(ExitCodes.LAB_STATE);
            assertThat(up.err()).isEqualTo("netlab: cannot bring lab names up:\n"
                    + "  /etc/netns/n2 already exists: files someone keeps for a namespace n2, which ip netns exec and "
                    + "netlab exec would bind into the lab's node; remove it, or rename the node\n");
            assertThat(KernelTraces.take()).isEqualTo(withTheirs);
        } finally {
            Files.delete(theirs);
            Files.deleteIfExists(ETC_NETNS);
        }
    }

    private static List<String> getent(String node, String name) {
        return List.of(Shell.check("ip", "netns", "exec", node, "getent", "hosts", name).strip().split("\\s+"));
    }

    private static void up() {
        Run up = netlab("up", file.toString());
        assertThat(up.exitCode()).as(up.err()).isEqualTo(ExitCodes.OK);
    }

    private static void down() {
        Run down = netlab("down", "names");
        assertThat(down.exitCode()).as(down.err()).isEqualTo(ExitCodes.OK);
    }
}
