package netlab.labs;

import static netlab.labs.LabRun.assertAnswered;
import static netlab.labs.LabRun.ipNetnsExec;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import netlab.testing.Json;
import netlab.testing.KernelTest;
import netlab.topology.Macs;
import netlab.topology.dsl.TopologyReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code mac IF MAC} in the kernel: a lab that gives MACs to a bridge and a bridge port in the
 * host, to veth ends (a creator's, a far end), to a bridge and to vxlans in nodes. iproute2 reads
 * each back exactly as the file gives it, and every other interface with the MAC netlab derives;
 * {@code lladdr peer} holds the far end's given MAC, and pings that depend on those MACs pass (one
 * over that static entry, one between two bridges through their vxlans); down leaves nothing.
 */
@KernelTest
class MacLabTest {
    private static final String LAB = """
            lab macs-kernel
            host
              bridge under
              mac under 02:4b:00:00:00:01
              mac h2-eth0 02:4b:00:00:00:02
            node h1
              link eth0 to under address 192.0.2.1/24
              mac eth0 02:4B:00:00:00:03
              bridge br0 10.42.0.1/24
              mac br0 02:4b:00:00:00:04
              vxlan vx0 vni 42 remote 192.0.2.2 local 192.0.2.1 to br0
              mac vx0 0a:4b:00:00:00:05
              link p0 to h2:p0 address 10.9.0.1/30
              neigh 10.9.0.2 dev p0 lladdr peer
            node h2
              link eth0 to under address 192.0.2.2/24
              bridge br0 10.42.0.2/24
              vxlan vx0 vni 42 remote 192.0.2.1 local 192.0.2.2 to br0
              mac vx0 00:16:3e:4b:00:06
              address p0 10.9.0.2/30
              mac p0 02:4b:00:00:00:07
            """;

    @TempDir
    Path directory;

    @Test
    void everyInterfaceHasTheMacTheFileGivesItAndDownLeavesNothing() throws Exception {
        Path file = Files.writeString(directory.resolve("macs-kernel.topo"), LAB);
        Macs derived = Macs.of(TopologyReader.read(file));
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("host:under", "02:4b:00:00:00:01");
        expected.put("host:h2-eth0", "02:4b:00:00:00:02");
        expected.put("h1:eth0", "02:4b:00:00:00:03");
        expected.put("h1:br0", "02:4b:00:00:00:04");
        expected.put("h1:vx0", "0a:4b:00:00:00:05");
        expected.put("h2:vx0", "00:16:3e:4b:00:06");
        expected.put("h2:p0", "02:4b:00:00:00:07");
        for (String derivedOne : new String[] {"host:h1-eth0", "h1:p0", "h2:eth0", "h2:br0"}) {
            String[] at = derivedOne.split(":");
            expected.put(derivedOne, derived.mac(at[0], at[1]));
        }

        LabRun lab = LabRun.up(file, "macs-kernel");
        try {
            Map<String, String> shown = new LinkedHashMap<>();
            for (String endpoint : expected.keySet()) {
                String[] at = endpoint.split(":");
                shown.put(endpoint, Oracle.mac(at[0], at[1]));
            }
            assertThat(shown).as("ip -j link show, each interface's address").isEqualTo(expected);
            assertThat(Json.of("ip", "-n", "h1", "-j", "neigh", "show", "dev", "p0").get(0).path("lladdr").asText())
                    .as("h1's entry for 10.9.0.2, lladdr peer").isEqualTo("02:4b:00:00:00:07");
            // A frame to any other MAC would not be taken by h2's p0: the given one is the one on the wire.
            assertAnswered(ipNetnsExec("h1", "ping", "-c", "1", "-W", "5", "10.9.0.2"), 1);
            assertAnswered(ipNetnsExec("h1", "ping", "-c", "1", "-W", "5", "10.42.0.2"), 1);
        } finally {
            lab.downLeavesNothing();
        }
    }
}
