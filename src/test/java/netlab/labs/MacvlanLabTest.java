package netlab.labs;

import static netlab.labs.LabRun.assertAnswered;
import static netlab.labs.LabRun.exec;
import static netlab.labs.LabRun.ipNetnsExec;
import static org.assertj.core.api.Assertions.assertThat;

import netlab.testing.KernelTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** topologies/macvlan.topo (seed 001, the macvlan way): ns0 on the LAN through a macvlan on nic0. */
@KernelTest
class MacvlanLabTest {
    private LabRun lab;

    @BeforeEach
    void up() {
        lab = LabRun.up("macvlan", "macvlan");
    }

    @AfterEach
    void down() {
        lab.downLeavesNothing();
    }

    @Test
    void ns0PingsTheRouter() {
        assertAnswered(exec("ns0", "ping", "-c", "1", "-W", "5", "172.29.0.1"), 1);
        assertAnswered(ipNetnsExec("ns0", "ping", "-c", "1", "-W", "5", "172.29.0.1"), 1);
    }

    @Test
    void theRouterSeesTheMacvlansOwnMacNotTheParents() {
        String macvlan = Oracle.mac("ns0", "macvlan0");
        String parent = Oracle.mac(Oracle.HOST, "nic0");
        assertThat(macvlan).isNotEqualTo(parent);

        try (Tcpdump router = Tcpdump.start("gateway", "eth0", true, "icmp[icmptype] == icmp-echo")) {
            assertAnswered(exec("ns0", "ping", "-c", "1", "-W", "5", "172.29.0.1"), 1);
            // tcpdump -e: TIME SRC-MAC > DST-MAC, ethertype IPv4 (0x0800), length N: SRC > DST: ...
            assertThat(router.packet()).contains(" " + macvlan + " > ").doesNotContain(parent)
                    .contains("172.29.6.123 > 172.29.0.1: ICMP echo request");
        }
    }

    @Test
    void interfacesAddressesAndRoutesAreTheDocuments() {
        assertThat(Oracle.links("ns0")).containsExactly("lo loopback UP", "macvlan0 macvlan mode=bridge UP");
        assertThat(Oracle.addresses("ns0")).containsExactly("lo 127.0.0.1/8", "macvlan0 172.29.6.123/21");
        assertThat(Oracle.routes("ns0")).containsExactly("172.29.0.0/21 dev macvlan0 proto kernel");

        // The emulated LAN: the host's NIC nic0 is a port of the switch in lan, the router is gateway.
        assertThat(Oracle.links(Oracle.HOST)).containsExactly("lo loopback UP", "nic0 veth UP");
        assertThat(Oracle.addresses(Oracle.HOST)).containsExactly("lo 127.0.0.1/8");
        assertThat(Oracle.links("lan")).containsExactly("gateway-eth0 veth master=switch UP",
                "host-nic0 veth master=switch UP", "lo loopback UP", "switch bridge UP");
        assertThat(Oracle.addresses("gateway")).containsExactly("eth0 172.29.0.1/21", "lo 127.0.0.1/8");
        for (String node : new String[] {Oracle.HOST, "lan", "gateway", "ns0"}) {
            assertThat(Oracle.tables(node)).as("nf_tables tables in %s", node).isEmpty();
        }
    }
}
