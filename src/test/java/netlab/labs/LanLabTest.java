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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** topologies/lan.topo (seed 002 with a Linux bridge for its Open vSwitch): ns1 and ns2 on br0. */
@KernelTest
class LanLabTest {
    private LabRun lab;

    @BeforeEach
    void up() {
        lab = LabRun.up("lan", "lan");
    }

    @AfterEach
    void down() {
        lab.downLeavesNothing();
    }

    @Test
    void ns1PingsNs2FourTimesAsInTheDocument() {
        assertAnswered(exec("ns1", "ping", "-c", "4", "192.168.0.2"), 4);
        assertAnswered(ipNetnsExec("ns2", "ping", "-c", "1", "-W", "5", "192.168.0.1"), 1);
    }

    @Test
    void theHostReachesBothFromTheBridge() {
        try (Tcpdump ns2 = Tcpdump.start("ns2", "eth0", false, "icmp[icmptype] == icmp-echo")) {
            assertAnswered(Shell.run("ping", "-c", "1", "-W", "5", "192.168.0.2"), 1);
            assertThat(ns2.packet()).contains("IP 192.168.0.254 > 192.168.0.2: ICMP echo request");
        }
        assertAnswered(Shell.run("ping", "-c", "1", "-W", "5", "192.168.0.1"), 1);
    }

    @Test
    void interfacesAddressesRoutesAndNatAreTheFiles() throws Exception {
        assertThat(Oracle.links(Oracle.HOST)).containsExactly(
                "br0 bridge UP", "lo loopback UP", "ns1-eth0 veth master=br0 UP", "ns2-eth0 veth master=br0 UP");
        assertThat(Oracle.addresses(Oracle.HOST)).containsExactly("br0 192.168.0.254/24", "lo 127.0.0.1/8");
        assertThat(Oracle.routes(Oracle.HOST)).containsExactly("192.168.0.0/24 dev br0 proto kernel");
        for (String node : new String[] {"ns1", "ns2"}) {
            String address = node.equals("ns1") ? "192.168.0.1/24" : "192.168.0.2/24";
            assertThat(Oracle.links(node)).containsExactly("eth0 veth UP", "lo loopback UP");
            assertThat(Oracle.addresses(node)).containsExactly("eth0 " + address, "lo 127.0.0.1/8");
            assertThat(Oracle.routes(node)).containsExactly(
                    "192.168.0.0/24 dev eth0 proto kernel", "default via 192.168.0.254 dev eth0 proto 211");
            assertThat(Oracle.tables(node)).isEmpty();
        }
        assertThat(Oracle.tables(Oracle.HOST)).containsExactly("ip netlab-lan");
        assertThat(Oracle.natRules(Oracle.HOST)).containsExactly(
                "ip netlab-lan postrouting: nat hook postrouting prio 100 policy accept",
                "ip netlab-lan postrouting: saddr == 192.168.0.0/24, daddr != 192.168.0.0/24, masquerade");
        assertThat(Files.readString(Path.of("/proc/sys/net/ipv4/ip_forward")).strip()).isEqualTo("1");
    }
}
