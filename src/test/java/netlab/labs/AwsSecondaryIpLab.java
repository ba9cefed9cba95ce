package netlab.labs;

import static netlab.labs.LabTools.ipNetnsExec;
import static netlab.labs.LabTools.netlab;
import static netlab.labs.LabTools.netlabExec;
import static netlab.labs.LabTools.replyTtl;
import static org.assertj.core.api.Assertions.assertThat;

import netlab.testing.NetlabRunner.Run;
import netlab.testing.Shell;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What the two files of seed 000 (aws-secondary-ip, with and without the document's SNAT rule)
 * have in common: the document's setup of foo, bar and their containers, and its pings inside
 * the VPC with the TTLs it shows. Each subclass brings its lab up with the CLI, checks it, and
 * takes it down, after which nothing may remain.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AwsSecondaryIpLab {
    /** The lab's name, which is also its file's name in topologies/. */
    abstract String lab();

    @BeforeAll
    void up() {
        Run up = netlab("up", "../topologies/" + lab() + ".topo");
        assertThat(up.exitCode()).as(up.err()).isZero();
        assertThat(up.out()).startsWith("lab " + lab() + " is up");
    }

    @AfterAll
    void downLeavesNothing() {
        Run down = netlab("down", lab());
        assertThat(down.exitCode()).as(down.err()).isZero();
        assertThat(down.out()).isEqualTo("lab " + lab() + " is down\n");
        LabTools.assertNothingRemains(lab());
    }

    // The document's four pings and the TTLs it shows: 64 from foo itself, 63 when one instance
    // forwards the reply, 62 when both do. The subnet between them is a bridge: no hop.
    @ParameterizedTest(name = "{0} -> {1}: ttl={2}")
    @CsvSource({
        "container-foo, 172.31.37.209, 64",
        "container-foo, 172.31.43.37,  63",
        "container-foo, 172.31.37.27,  62",
        "container-bar, 172.31.37.240, 62",
    })
    void theDocumentsPingsArriveWithItsTtls(String from, String to, int ttl) {
        assertThat(replyTtl(ipNetnsExec(from, "ping", "-c1", "-W2", to), to)).isEqualTo(ttl);
        assertThat(replyTtl(netlabExec(from, "ping", "-c1", "-W2", to), to)).isEqualTo(ttl);
    }

    @Test
    void theInstancesReachTheInternetThroughTheGateway() {
        // Primary IPs are translated by the gateway: one router (vpc) forwards the reply.
        assertThat(replyTtl(ipNetnsExec("foo", "ping", "-c1", "-W2", "8.8.8.8"), "8.8.8.8")).isEqualTo(63);
        assertThat(replyTtl(netlabExec("bar", "ping", "-c1", "-W2", "8.8.8.8"), "8.8.8.8")).isEqualTo(63);
    }

    @Test
    void eachContainerHoldsItsSecondaryIpAsA32OnTheGuestEnd() {
        assertThat(LabTools.linkNames("container-foo")).containsExactly("lo", "veth_guest_foo");
        assertThat(LabTools.ipv4Interfaces("container-foo"))
                .containsExactly("lo 127.0.0.1/8", "veth_guest_foo 172.31.37.240/32");
        assertThat(LabTools.linkNames("container-bar")).containsExactly("lo", "veth_guest_bar");
        assertThat(LabTools.ipv4Interfaces("container-bar"))
                .containsExactly("lo 127.0.0.1/8", "veth_guest_bar 172.31.37.27/32");
    }

    @Test
    void eachInstanceHasItsPrimaryIpOnEns5AndAnUnnumberedHostEnd() {
        assertThat(LabTools.linkNames("foo")).containsExactly("lo", "ens5", "veth_host_foo");
        assertThat(LabTools.ipv4Interfaces("foo")).containsExactly("lo 127.0.0.1/8", "ens5 172.31.37.209/20");
        assertThat(LabTools.linkNames("bar")).containsExactly("lo", "ens5", "veth_host_bar");
        assertThat(LabTools.ipv4Interfaces("bar")).containsExactly("lo 127.0.0.1/8", "ens5 172.31.43.37/20");
        assertThat(LabTools.ipv4Interfaces("vpc")).contains("subnet 172.31.32.1/20");
        assertThat(LabTools.ipv4Interfaces("internet")).containsExactlyInAnyOrder(
                "lo 127.0.0.1/8 8.8.8.8/32", "eth0 203.0.113.2/30");
    }

    @Test
    void theRoutesAreTheDocuments() {
        assertThat(LabTools.routes("container-foo")).containsExactlyInAnyOrder(
                "default via 172.31.32.1 dev veth_guest_foo", "172.31.32.1 dev veth_guest_foo");
        assertThat(LabTools.routes("container-bar")).containsExactlyInAnyOrder(
                "default via 172.31.32.1 dev veth_guest_bar", "172.31.32.1 dev veth_guest_bar");
        assertThat(LabTools.routes("foo")).containsExactlyInAnyOrder("default via 172.31.32.1 dev ens5",
                "172.31.32.0/20 dev ens5", "172.31.37.240 dev veth_host_foo");
        assertThat(LabTools.routes("bar")).containsExactlyInAnyOrder("default via 172.31.32.1 dev ens5",
                "172.31.32.0/20 dev ens5", "172.31.37.27 dev veth_host_bar");
        // The internet routes back only the public IPs, never the VPC's private ones.
        assertThat(LabTools.routes("internet")).containsExactlyInAnyOrder(
                "198.51.100.0/24 via 203.0.113.1 dev eth0", "203.0.113.0/30 dev eth0");
    }

    @Test
    void theGatewayOfEachContainerResolvesToTheMacOfItsHostEnd() {
        for (String instance : new String[] {"foo", "bar"}) {
            var neighbours = netlab.testing.Json.of("ip", "-n", "container-" + instance, "-j", "neigh", "show",
                    "172.31.32.1", "dev", "veth_guest_" + instance);
            assertThat(neighbours).hasSize(1);
            assertThat(neighbours.get(0).path("lladdr").asText())
                    .isEqualTo(LabTools.mac(instance, "veth_host_" + instance));
            assertThat(neighbours.get(0).path("state").get(0).asText()).isEqualTo("PERMANENT");
        }
    }

    @Test
    void theInstancesForwardAndAnswerArpForTheirSecondaryIp() {
        for (String node : new String[] {"foo", "bar", "vpc"}) {
            assertThat(LabTools.sysctl(node, "net.ipv4.ip_forward")).as(node).isEqualTo("1");
        }
        for (String instance : new String[] {"foo", "bar"}) {
            assertThat(LabTools.sysctl(instance, "net.ipv4.conf.ens5.proxy_arp")).isEqualTo("1");
            assertThat(LabTools.sysctl(instance, "net.ipv4.neigh.ens5.proxy_delay")).isEqualTo("0");
        }
        // The containers do not forward: they are the document's plain namespaces.
        assertThat(LabTools.sysctl("container-foo", "net.ipv4.ip_forward")).isEqualTo("0");
    }

    @Test
    void theGatewayTranslatesOnlyThePrimaryIps() {
        assertThat(LabTools.natRules("vpc", lab())).containsExactly(
                "oifname == wan, ip saddr == 172.31.37.209, snat to 198.51.100.209",
                "oifname == wan, ip saddr == 172.31.43.37, snat to 198.51.100.37");
    }

    /** A running tcpdump in {@code internet} on eth0 for echo requests to 8.8.8.8. */
    static Tcpdump captureRequestsTo8888() {
        return Tcpdump.start("internet", "eth0", false, "icmp[icmptype] == icmp-echo and dst host 8.8.8.8");
    }

    static Shell.Result pingOnce(String node, String target, int waitSeconds) {
        return ipNetnsExec(node, "ping", "-c1", "-W" + waitSeconds, target);
    }
}
