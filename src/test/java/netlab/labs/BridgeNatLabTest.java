package netlab.labs;

import static netlab.labs.LabRun.assertAnswered;
import static netlab.labs.LabRun.exec;
import static netlab.labs.LabRun.ipNetnsExec;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import netlab.testing.KernelTest;
import netlab.testing.Shell;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * topologies/bridge-nat.topo and bridge-nat-no-masquerade.topo (seed 004, "Reaching the outside
 * world"), each brought up in a test of its own: the outside answers only through the masquerade.
 */
@KernelTest
class BridgeNatLabTest {
    private static final String ECHO_REQUEST = "icmp[icmptype] == icmp-echo";

    private LabRun lab;

    @AfterEach
    void down() {
        if (lab != null) {
            lab.downLeavesNothing();
        }
    }

    @Test
    void withoutMasqueradeTheRequestLeavesWithItsPrivateSourceAndGetsNoAnswer() {
        lab = LabRun.up("bridge-nat-no-masquerade", "bridge-nat-no-masquerade");
        assertThat(Oracle.tables(Oracle.HOST)).isEmpty();

        try (Tcpdump outside = Tcpdump.start("internet", "eth0", false, ECHO_REQUEST)) {
            Shell.Result ping = exec("netns_0", "ping", "-c", "1", "-W", "2", "8.8.8.8");
            assertThat(ping.exitCode()).as("ping of 8.8.8.8 without NAT: %s", ping.stdout()).isEqualTo(1);
            assertThat(ping.stdout()).contains("1 packets transmitted, 0 received, 100% packet loss");
            // The request got out (the host forwards); the outside has no way back to 192.168.1.20.
            assertThat(outside.packet()).contains("IP 192.168.1.20 > 8.8.8.8: ICMP echo request");
        }
        assertThat(ipNetnsExec("netns_1", "ping", "-c", "1", "-W", "2", "8.8.8.8").exitCode()).isEqualTo(1);
    }

    @Test
    void withMasqueradeTheOutsideAnswersTheHostsUplinkAddress() {
        lab = LabRun.up("bridge-nat", "bridge-nat");

        try (Tcpdump outside = Tcpdump.start("internet", "eth0", false, ECHO_REQUEST)) {
            assertAnswered(exec("netns_0", "ping", "-c", "1", "-W", "5", "8.8.8.8"), 1);
            assertThat(outside.packet()).contains("IP 203.0.113.1 > 8.8.8.8: ICMP echo request");
        }
        try (Tcpdump outside = Tcpdump.start("internet", "eth0", false, ECHO_REQUEST)) {
            assertAnswered(ipNetnsExec("netns_1", "ping", "-c", "1", "-W", "5", "8.8.8.8"), 1);
            assertThat(outside.packet()).contains("IP 203.0.113.1 > 8.8.8.8: ICMP echo request");
        }
    }

    @Test
    void theNamespacesAndTheHostReachEachOtherOnTheBridge() {
        lab = LabRun.up("bridge-nat", "bridge-nat");

        assertAnswered(exec("netns_1", "ping", "-c", "1", "-W", "5", "192.168.1.20"), 1);
        assertAnswered(ipNetnsExec("netns_0", "ping", "-c", "1", "-W", "5", "192.168.1.21"), 1);
        assertAnswered(exec("netns_0", "ping", "-c", "1", "-W", "5", "192.168.1.11"), 1);
        // Traffic inside 192.168.1.0/24 is bridged, not masqueraded: netns_0 sees netns_1's own address.
        try (Tcpdump netns0 = Tcpdump.start("netns_0", "ceth0", false, ECHO_REQUEST)) {
            assertAnswered(ipNetnsExec("netns_1", "ping", "-c", "1", "-W", "5", "192.168.1.20"), 1);
            assertThat(netns0.packet()).contains("IP 192.168.1.21 > 192.168.1.20: ICMP echo request");
        }
        assertAnswered(Shell.run("ping", "-c", "1", "-W", "5", "192.168.1.20"), 1);
        assertAnswered(Shell.run("ping", "-c", "1", "-W", "5", "192.168.1.21"), 1);
    }

    @Test
    void interfacesAddressesRoutesNatAndForwardingAreTheFiles() throws Exception {
        lab = LabRun.up("bridge-nat", "bridge-nat");

        assertThat(Oracle.links(Oracle.HOST)).containsExactly("br0 bridge UP", "lo loopback UP", "uplink veth UP",
                "veth0 veth master=br0 UP", "veth1 veth master=br0 UP");
        assertThat(Oracle.addresses(Oracle.HOST)).containsExactly(
                "br0 192.168.1.11/24", "lo 127.0.0.1/8", "uplink 203.0.113.1/30");
        assertThat(Oracle.routes(Oracle.HOST)).containsExactly("192.168.1.0/24 dev br0 proto kernel",
                "203.0.113.0/30 dev uplink proto kernel", "8.8.8.8 via 203.0.113.2 dev uplink proto 211");
        assertThat(Oracle.natRules(Oracle.HOST)).containsExactly(
                "ip netlab-bridge-nat postrouting: nat hook postrouting prio 100 policy accept",
                "ip netlab-bridge-nat postrouting: saddr == 192.168.1.0/24, daddr != 192.168.1.0/24, masquerade");
        assertThat(Files.readString(Path.of("/proc/sys/net/ipv4/ip_forward")).strip()).isEqualTo("1");

        assertThat(Oracle.routes("netns_0")).containsExactly(
                "192.168.1.0/24 dev ceth0 proto kernel", "default via 192.168.1.11 dev ceth0 proto 211");
        assertThat(Oracle.routes("netns_1")).containsExactly(
                "192.168.1.0/24 dev ceth1 proto kernel", "default via 192.168.1.11 dev ceth1 proto 211");
        assertThat(Oracle.addresses("netns_0")).containsExactly("ceth0 192.168.1.20/24", "lo 127.0.0.1/8");
        assertThat(Oracle.addresses("netns_1")).containsExactly("ceth1 192.168.1.21/24", "lo 127.0.0.1/8");
        // The emulated outside: 8.8.8.8 on lo, and no route back to the lab's private network.
        assertThat(Oracle.addresses("internet")).containsExactly("eth0 203.0.113.2/30", "lo 127.0.0.1/8", "lo 8.8.8.8/32");
        assertThat(Oracle.routes("internet")).containsExactly("203.0.113.0/30 dev eth0 proto kernel");
    }
}
