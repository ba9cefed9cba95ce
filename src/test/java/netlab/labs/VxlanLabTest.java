package netlab.labs;

import static netlab.labs.LabRun.assertAnswered;
import static netlab.labs.LabRun.ipNetnsExec;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import netlab.testing.Json;
import netlab.testing.KernelTest;
import netlab.testing.KernelTraces;
import netlab.testing.Shell;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * topologies/vxlan.topo: h1 and h2 on the underlay bridge in the host, an overlay between them
 * through vx0; and the same hosts with each vx0 a port of a bridge of its node ('to br0'). The
 * tunnel is proven by iproute2's reading of it, by pings through it (up to the largest packet its
 * MTU lets through, and not one byte more) and by tcpdump on the underlay.
 */
@KernelTest
class VxlanLabTest {
    /** The bridged variant: the overlay addresses on a bridge of each host, vx0 its port. */
    private static final String BRIDGED = """
            lab vxlan-bridged
            host
              bridge under
            node h1
              link eth0 to under address 192.0.2.1/24
              bridge br0 10.42.0.1/24
              vxlan vx0 vni 42 remote 192.0.2.2 local 192.0.2.1 to br0
            node h2
              link eth0 to under address 192.0.2.2/24
              bridge br0 10.42.0.2/24
              vxlan vx0 vni 42 remote 192.0.2.1 local 192.0.2.2 to br0
            """;

    private static KernelTraces before;

    @TempDir
    Path directory;

    @BeforeAll
    static void takeTheSandboxsState() {
        before = KernelTraces.take();
    }

    @AfterAll
    static void nothingOfEitherLabRemains() {
        assertThat(KernelTraces.take()).isEqualTo(before);
    }

    @Test
    void iproute2ShowsTheTunnelTheFileDescribes() {
        LabRun lab = LabRun.up("vxlan", "vxlan");
        try {
            JsonNode vx0 = Json.of("ip", "-n", "h1", "-d", "-j", "link", "show", "vx0").get(0);
            JsonNode data = vx0.path("linkinfo").path("info_data");
            assertThat(vx0.path("linkinfo").path("info_kind").asText()).isEqualTo("vxlan");
            assertThat(data.path("id").asInt()).isEqualTo(42);
            assertThat(data.path("remote").asText()).isEqualTo("192.0.2.2");
            assertThat(data.path("local").asText()).isEqualTo("192.0.2.1");
            assertThat(data.path("port").asInt()).isEqualTo(4789);
            assertThat(data.path("learning").isBoolean()).isTrue();
            assertThat(data.path("learning").asBoolean()).isFalse();
            assertThat(data.path("link").asText()).isEqualTo("eth0");
            assertThat(vx0.path("mtu").asInt()).isEqualTo(1450);
            assertThat(vx0.path("flags").toString()).contains("\"UP\"");
            assertThat(Oracle.addresses("h1")).contains("vx0 10.42.0.1/24");
            assertThat(Json.of("ip", "-n", "h2", "-d", "-j", "link", "show", "vx0").get(0)
                    .path("linkinfo").path("info_data").path("remote").asText()).isEqualTo("192.0.2.1");
        } finally {
            lab.downLeavesNothing();
        }
    }

    @Test
    void theOverlayCarriesPingsUpToItsMtuThroughTheUnderlay() {
        LabRun lab = LabRun.up("vxlan", "vxlan");
        try {
            try (Tcpdump underlay = Tcpdump.start("h2", "eth0", false, "src host 192.0.2.1 and udp dst port 4789")) {
                assertAnswered(ipNetnsExec("h1", "ping", "-c", "1", "-W", "5", "10.42.0.2"), 1);
                // The echo crossed h2's eth0 inside UDP, from h1's underlay address.
                assertThat(underlay.packet()).contains("192.0.2.1.").contains("192.0.2.2.4789").contains("VXLAN");
            }
            // 1422 bytes of ICMP data + 8 (ICMP) + 20 (IPv4) = 1450, vx0's MTU: fits, without fragments.
            assertAnswered(ipNetnsExec("h1", "ping", "-c", "1", "-W", "5", "-M", "do", "-s", "1422", "10.42.0.2"), 1);
            Shell.Result tooBig = ipNetnsExec("h1", "ping", "-c", "1", "-W", "2", "-M", "do", "-s", "1423", "10.42.0.2");
            assertThat(tooBig.exitCode()).as(tooBig.stdout() + tooBig.stderr()).isNotZero();
            assertThat(tooBig.stdout() + tooBig.stderr()).doesNotContain(" 1 received");
        } finally {
            lab.downLeavesNothing();
        }
    }

    @Test
    void bridgedTheTunnelJoinsTheTwoBridges() throws Exception {
        LabRun lab = LabRun.up(Files.writeString(directory.resolve("vxlan-bridged.topo"), BRIDGED), "vxlan-bridged");
        try {
            assertThat(Oracle.links("h1")).contains("vx0 vxlan master=br0 UP", "br0 bridge UP");
            JsonNode vx0 = Json.of("ip", "-n", "h2", "-d", "-j", "link", "show", "vx0").get(0);
            assertThat(vx0.path("master").asText()).isEqualTo("br0");
            assertThat(vx0.path("linkinfo").path("info_data").path("link").asText()).isEqualTo("eth0");
            assertAnswered(ipNetnsExec("h1", "ping", "-c", "1", "-W", "5", "10.42.0.2"), 1);
            // br0 follows its one port, vx0: 1450.
            assertAnswered(ipNetnsExec("h1", "ping", "-c", "1", "-W", "5", "-M", "do", "-s", "1422", "10.42.0.2"), 1);
        } finally {
            lab.downLeavesNothing();
        }
    }
}
