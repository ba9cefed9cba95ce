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

/** topologies/veth-pair.topo (seed 004, "Connecting a pair of namespaces"): the host and netnstest. */
@KernelTest
class VethPairLabTest {
    private LabRun lab;

    @BeforeEach
    void up() {
        lab = LabRun.up("veth-pair", "veth-pair");
    }

    @AfterEach
    void down() {
        lab.downLeavesNothing();
    }

    @Test
    void theHostPingsTheNamespaceAndTheNamespaceSeesTheHostsAddress() {
        try (Tcpdump inside = Tcpdump.start("netnstest", "ceth0", false, "icmp[icmptype] == icmp-echo")) {
            assertAnswered(Shell.run("ping", "-c", "1", "-W", "5", "172.12.0.12"), 1);
            assertThat(inside.packet()).contains("IP 172.12.0.11 > 172.12.0.12: ICMP echo request");
        }
    }

    @Test
    void theNamespacePingsTheHostAndTheHostSeesTheNamespacesAddress() {
        try (Tcpdump host = Tcpdump.start(Oracle.HOST, "veth0", false, "icmp[icmptype] == icmp-echo")) {
            assertAnswered(exec("netnstest", "ping", "-c", "1", "-W", "5", "172.12.0.11"), 1);
            assertThat(host.packet()).contains("IP 172.12.0.12 > 172.12.0.11: ICMP echo request");
        }
        assertAnswered(ipNetnsExec("netnstest", "ping", "-c", "1", "-W", "5", "172.12.0.11"), 1);
    }

    @Test
    void interfacesAddressesAndRoutesAreTheDocuments() {
        assertThat(Oracle.links(Oracle.HOST)).containsExactly("lo loopback UP", "veth0 veth UP");
        assertThat(Oracle.addresses(Oracle.HOST)).containsExactly("lo 127.0.0.1/8", "veth0 172.12.0.11/24");
        assertThat(Oracle.routes(Oracle.HOST)).containsExactly("172.12.0.0/24 dev veth0 proto kernel");
        assertThat(Oracle.links("netnstest")).containsExactly("ceth0 veth UP", "lo loopback UP");
        assertThat(Oracle.addresses("netnstest")).containsExactly("ceth0 172.12.0.12/24", "lo 127.0.0.1/8");
        assertThat(Oracle.routes("netnstest")).containsExactly("172.12.0.0/24 dev ceth0 proto kernel");
        assertThat(Oracle.tables(Oracle.HOST)).isEmpty();
        assertThat(Oracle.tables("netnstest")).isEmpty();
    }
}
