package netlab.labs;

import static netlab.labs.LabRun.assertAnswered;
import static netlab.labs.LabRun.exec;
import static netlab.labs.LabRun.ipNetnsExec;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import netlab.testing.Json;
import netlab.testing.KernelTest;
import netlab.testing.Shell;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * topologies/dual-stack-nat.topo: the router masquerades IPv4 and IPv6 alike. The upstream sees
 * every request come from the router's uplink address, of the request's family, and answers; it
 * has no route back to either LAN prefix, so without the ip6 table the IPv6 requests arrive with
 * the client's own address and stay unanswered.
 */
@KernelTest
class DualStackNatLabTest {
    private static final String IPV6_ECHO_REQUEST = "icmp6 and ip6[40] == 128";
    private static final String IPV4_ECHO_REQUEST = "icmp[icmptype] == icmp-echo";

    private LabRun lab;

    @BeforeEach
    void up() {
        lab = LabRun.up("dual-stack-nat", "dual-stack-nat");
    }

    @AfterEach
    void down() {
        lab.downLeavesNothing();
    }

    @Test
    void ipv6RequestsLeaveWithTheRoutersUplinkAddressAndAreAnswered() {
        try (Tcpdump upstream = Tcpdump.start("upstream", "eth0", false, IPV6_ECHO_REQUEST)) {
            assertAnswered(exec("client", "ping", "-6", "-c", "1", "-W", "5", "2001:db8:100::1"), 1);
            assertThat(upstream.packet()).contains("IP6 2001:db8:ff::1 > 2001:db8:100::1: ICMP6, echo request");
        }
    }

    @Test
    void ipv4RequestsLeaveWithTheRoutersUplinkAddressAndAreAnswered() {
        try (Tcpdump upstream = Tcpdump.start("upstream", "eth0", false, IPV4_ECHO_REQUEST)) {
            assertAnswered(exec("client", "ping", "-4", "-c", "1", "-W", "5", "198.51.100.1"), 1);
            assertThat(upstream.packet()).contains("IP 203.0.113.5 > 198.51.100.1: ICMP echo request");
        }
    }

    @Test
    void withoutTheIp6TableTheUpstreamSeesThePrivateSourceAndCannotAnswer() {
        Shell.check("ip", "netns", "exec", "router", "nft", "delete", "table", "ip6", "netlab-dual-stack-nat");

        try (Tcpdump upstream = Tcpdump.start("upstream", "eth0", false, IPV6_ECHO_REQUEST)) {
            Shell.Result ping = exec("client", "ping", "-6", "-c", "1", "-W", "2", "2001:db8:100::1");
            assertThat(ping.exitCode()).as("ping without IPv6 NAT: %s", ping.stdout()).isEqualTo(1);
            assertThat(upstream.packet()).contains("IP6 fd00:60::10 > 2001:db8:100::1: ICMP6, echo request");
        }
        // IPv4 is untouched: its own table still masquerades.
        assertAnswered(ipNetnsExec("client", "ping", "-4", "-c", "1", "-W", "5", "198.51.100.1"), 1);
    }

    @Test
    void bothTablesHoldTheFilesRulesAndTheUplinkHasItsMtu() {
        assertThat(Oracle.natRules("router")).containsExactly(
                "ip netlab-dual-stack-nat postrouting: nat hook postrouting prio 100 policy accept",
                "ip netlab-dual-stack-nat postrouting: oifname == wan, saddr == 192.168.60.0/24, daddr != 192.168.60.0/24, masquerade",
                "ip6 netlab-dual-stack-nat postrouting: nat hook postrouting prio 100 policy accept",
                "ip6 netlab-dual-stack-nat postrouting: oifname == wan, saddr == fd00:60::/64, daddr != fd00:60::/64, masquerade");
        assertThat(mtu("router", "wan")).isEqualTo(1480);
        assertThat(mtu("upstream", "eth0")).isEqualTo(1480);
        // The upstream knows its own link and nothing of the LAN prefixes.
        assertThat(ipv6Routes("upstream")).doesNotContain("fd00:60::/64").contains("2001:db8:ff::/64");
    }

    private static int mtu(String node, String device) {
        return Json.of("ip", "-j", "-n", node, "link", "show", "dev", device).get(0).path("mtu").asInt();
    }

    private static List<String> ipv6Routes(String node) {
        List<String> routes = new ArrayList<>();
        for (JsonNode route : Json.of("ip", "-j", "-6", "-n", node, "route", "show")) {
            routes.add(route.path("dst").asText());
        }
        return routes;
    }
}
