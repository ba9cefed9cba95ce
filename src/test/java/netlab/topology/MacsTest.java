package netlab.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import netlab.topology.dsl.TopologyReader;
import org.junit.jupiter.api.Test;

/** The MACs netlab chooses: stable, unicast, locally administered, and never shared in a lab. */
class MacsTest {
    private static final String PAIR = "node ns1\n  link eth0 to ns2:eth0\n  link eth1 to ns2:eth1\nnode ns2\n";

    @Test
    void theSameInterfaceOfTheSameLabAlwaysGetsTheSameAddress() {
        Macs lan = Macs.of(TopologyReader.parse("t.topo", "lab lan\n" + PAIR));
        assertThat(lan.mac("ns1", "eth0")).isEqualTo(Macs.of(TopologyReader.parse("t.topo", "lab lan\n" + PAIR)).mac("ns1", "eth0"))
                .isNotEqualTo(Macs.of(TopologyReader.parse("t.topo", "lab lan2\n" + PAIR)).mac("ns1", "eth0"))
                .isNotEqualTo(lan.mac("ns2", "eth0"))
                .isNotEqualTo(lan.mac("ns1", "eth1"));
    }

    @Test
    void everyAddressIsLocallyAdministeredUnicastAndUniqueInABigLab() {
        StringBuilder star = new StringBuilder("lab star-5000\nhost\n");
        for (int i = 1; i <= 5000; i++) {
            star.append("node h").append(i).append("\n  link eth0 to host:h").append(i).append("-eth0\n");
        }
        Macs macs = Macs.of(TopologyReader.parse("star.topo", star.toString()));
        Set<String> seen = new HashSet<>();
        for (int i = 1; i <= 5000; i++) {
            for (String mac : new String[] {macs.mac("h" + i, "eth0"), macs.mac("host", "h" + i + "-eth0")}) {
                assertThat(mac).matches("([0-9a-f]{2}:){5}[0-9a-f]{2}");
                int first = HexFormat.fromHexDigits(mac, 0, 2);
                assertThat(first & 0x01).as("multicast bit of " + mac).isZero();
                assertThat(first & 0x02).as("local bit of " + mac).isEqualTo(2);
                assertThat(seen.add(mac)).as("a second " + mac).isTrue();
            }
        }
    }

    @Test
    void aCollisionIsResolvedByHashingAgainNotBySharing() {
        // Names are not free to choose a collision, so the rule is checked on the derivation:
        // a key whose first address is taken gets the next one, and the first stays the first.
        List<String> key = List.of("lab", "n", "eth0");
        Set<String> taken = new HashSet<>();
        String first = Macs.derive(key, taken);
        String second = Macs.derive(key, taken);
        assertThat(second).isNotEqualTo(first);
        assertThat(taken).containsExactlyInAnyOrder(first, second);
        assertThat(Macs.derive(key, new HashSet<>())).isEqualTo(first);
    }
}
