package netlab.cli;

import static netlab.cli.Cli.netlab;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import netlab.testing.Json;
import netlab.testing.KernelTest;
import netlab.testing.KernelTraces;
import netlab.testing.NetlabRunner.Run;
import netlab.testing.Shell;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code netlab link LAB NODE:IF down|up} on lan: ip sees the interface down (and its veth peer
 * without carrier), a ping across it fails and lan's expectations through it fail in {@code
 * netlab test}; brought up again, the ping and the expectations pass. Only the lab's own
 * interfaces: the host's lo, a node of no lab and a name that is not NODE:IF are refused and
 * change nothing.
 */
@KernelTest
class LinkCommandTest {
    private static KernelTraces before;

    @BeforeAll
    static void upLan() {
        before = LanForTheClass.up();
    }

    @AfterAll
    static void downLan() {
        LanForTheClass.down(before);
    }

    @Test
    void aLinkTakenDownBreaksPingAndTheExpectationsUntilItIsUpAgain() {
        assertThat(ping()).isZero();

        Run down = netlab("link", "lan", "ns2:eth0", "down");

        assertThat(down.exitCode()).as(down.err()).isEqualTo(ExitCodes.OK);
        assertThat(down.out()).isEqualTo("lab lan: ns2:eth0 is down\n");
        assertThat(flags("ns2", "eth0")).doesNotContain("UP");
        // The host end of the veth has lost its carrier.
        assertThat(flags(null, "ns2-eth0")).contains("UP", "NO-CARRIER");
        assertThat(ping()).isNotZero();
        Run failing = netlab("test", "lan");
        assertThat(failing.exitCode()).isEqualTo(ExitCodes.EXPECTATION_FAILED);
        assertThat(failing.out()).contains("lab lan: 1 of 4 expectations passed");

        Run up = netlab("link", "lan", "ns2:eth0", "up");

        assertThat(up.exitCode()).as(up.err()).isEqualTo(ExitCodes.OK);
        assertThat(flags("ns2", "eth0")).contains("UP", "LOWER_UP");
        assertThat(ping()).isZero();
        Run passing = netlab("test", "lan");
        assertThat(passing.exitCode()).as(passing.out()).isEqualTo(ExitCodes.OK);
    }

    @Test
    void onlyTheLabsOwnInterfacesAreChanged() {
        KernelTraces lanUp = KernelTraces.take();

        Run hostLo = netlab("link", "lan", "host:lo", "down");
        Run noNode = netlab("link", "lan", "ns9:eth0", "down");
        Run noInterface = netlab("link", "lan", "ns1:eth7", "down");
        Run notATarget = netlab("link", "lan", "ns1", "down");
        Run notAState = netlab("link", "lan", "ns1:eth0", "sideways");

        assertThat(hostLo.exitCode()).isEqualTo(ExitCodes.LAB_STATE);
        assertThat(hostLo.err()).isEqualTo("netlab: host:lo is not an interface lab lan made; netlab link changes only the lab's own\n");
        assertThat(noNode.exitCode()).isEqualTo(ExitCodes.LAB_STATE);
        assertThat(noNode.err()).isEqualTo("netlab: lab lan has no node ns9\n");
        assertThat(noInterface.exitCode()).isEqualTo(ExitCodes.LAB_STATE);
        assertThat(noInterface.err()).isEqualTo("netlab: lab lan has no interface eth7 in ns1\n");
        assertThat(notATarget.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(notAState.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(KernelTraces.take()).isEqualTo(lanUp);
    }

    private static int ping() {
        return Shell.run("ip", "netns", "exec", "ns1", "ping", "-c1", "-W1", "192.168.0.2").exitCode();
    }

    /** The interface's flags as ip -j reports them ({@code node} null: the host). */
    private static List<String> flags(String node, String name) {
        String json = node == null ? Shell.check("ip", "-j", "link", "show", name) : Shell.check("ip", "-n", node, "-j", "link", "show", name);
        return Json.parse(json).path(0).path("flags").valueStream().map(f -> f.asText()).toList();
    }
}
