package netlab.labs;

import static netlab.labs.LabRun.assertAnswered;
import static netlab.labs.LabRun.exec;
import static netlab.labs.LabRun.ipNetnsExec;
import static org.assertj.core.api.Assertions.assertThat;

import netlab.testing.KernelTest;
import netlab.testing.Shell;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** topologies/red-blue.topo (seed 001): red and blue on the host's bridge0, test left empty. */
@KernelTest
class RedBlueLabTest {
    private LabRun lab;

    @BeforeEach
    void up() {
        lab = LabRun.up("red-blue", "red-blue");
    }

    @AfterEach
    void down() {
        lab.downLeavesNothing();
    }

    @Test
    void redAndBlueReachEachOtherThroughTheBridge() {
        assertAnswered(exec("red", "ping", "-c", "1", "-W", "5", "192.168.10.10"), 1);
        assertAnswered(exec("blue", "ping", "-c", "1", "-W", "5", "192.168.10.11"), 1);
        assertAnswered(ipNetnsExec("red", "ping", "-c", "1", "-W", "5", "192.168.10.10"), 1);
        assertAnswered(ipNetnsExec("blue", "ping", "-c", "1", "-W", "5", "192.168.10.11"), 1);
    }

    @Test
    void eachNamespaceReachesItsOwnAddressBecauseLoIsUp() {
        assertAnswered(exec("blue", "ping", "-c", "1", "-W", "5", "192.168.10.10"), 1);
        assertAnswered(ipNetnsExec("red", "ping", "-c", "1", "-W", "5", "192.168.10.11"), 1);
    }

    @Test
    void theHostReachesBothFromItsBridgeAddress() {
        try (Tcpdump blue = Tcpdump.start("blue", "veth1", false, "icmp[icmptype] == icmp-echo")) {
            assertAnswered(Shell.run("ping", "-c", "1", "-W", "5", "192.168.10.10"), 1);
            // The /32 on bridge0 is the source the host picks for its route through bridge0.
            assertThat(blue.packet()).contains("IP 192.168.10.1 > 192.168.10.10: ICMP echo request");
        }
        assertAnswered(Shell.run("ping", "-c", "1", "-W", "5", "192.168.10.11"), 1);
        assertAnswered(exec("red", "ping", "-c", "1", "-W", "5", "192.168.10.1"), 1);
    }

    @Test
    void interfacesAddressesAndRoutesAreTheDocuments() {
        assertThat(Oracle.links(Oracle.HOST)).containsExactly(
                "bridge0 bridge UP", "lo loopback UP", "veth0 veth master=bridge0 UP", "veth21 veth master=bridge0 UP");
        assertThat(Oracle.links("red")).containsExactly("lo loopback UP", "veth22 veth UP");
        assertThat(Oracle.links("blue")).containsExactly("lo loopback UP", "veth1 veth UP");
        assertThat(Oracle.links("test")).containsExactly("lo loopback UP");

        assertThat(Oracle.addresses(Oracle.HOST)).containsExactly("bridge0 192.168.10.1/32", "lo 127.0.0.1/8");
        assertThat(Oracle.addresses("red")).containsExactly("lo 127.0.0.1/8", "veth22 192.168.10.11/24");
        assertThat(Oracle.addresses("blue")).containsExactly("lo 127.0.0.1/8", "veth1 192.168.10.10/24");
        assertThat(Oracle.addresses("test")).containsExactly("lo 127.0.0.1/8");

        assertThat(Oracle.routes(Oracle.HOST)).containsExactly("192.168.10.0/24 dev bridge0 proto 211");
        assertThat(Oracle.routes("red")).containsExactly(
                "192.168.10.0/24 dev veth22 proto kernel", "default dev veth22 proto 211");
        assertThat(Oracle.routes("blue")).containsExactly(
                "192.168.10.0/24 dev veth1 proto kernel", "default dev veth1 proto 211");
        assertThat(Oracle.routes("test")).isEmpty();

        for (String node : new String[] {Oracle.HOST, "red", "blue", "test"}) {
            assertThat(Oracle.tables(node)).as("nf_tables tables in %s", node).isEmpty();
        }
    }
}
