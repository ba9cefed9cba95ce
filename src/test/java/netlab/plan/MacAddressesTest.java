package netlab.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.HexFormat;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The MACs netlab chooses: stable, unicast, locally administered, and never shared in a lab. */
class MacAddressesTest {
    @Test
    void theSameInterfaceOfTheSameLabAlwaysGetsTheSameAddress() {
        assertThat(new MacAddresses("lan").of("ns1", "eth0")).isEqualTo(new MacAddresses("lan").of("ns1", "eth0"))
                .isNotEqualTo(new MacAddresses("lan2").of("ns1", "eth0"))
                .isNotEqualTo(new MacAddresses("lan").of("ns2", "eth0"))
                .isNotEqualTo(new MacAddresses("lan").of("ns1", "eth1"));
    }

    @Test
    void everyAddressIsLocallyAdministeredUnicastAndUniqueInABigLab() {
        MacAddresses macs = new MacAddresses("star-5000");
        Set<String> seen = new HashSet<>();
        for (int i = 1; i <= 5000; i++) {
            for (String mac : new String[] {macs.of("h" + i, "eth0"), macs.of("host", "h" + i + "-eth0")}) {
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
        // the next attempt gives another address, and the first stays the first.
        String first = MacAddresses.derive("lab", "n", "eth0", 0);
        assertThat(MacAddresses.derive("lab", "n", "eth0", 1)).isNotEqualTo(first);
        assertThat(MacAddresses.derive("lab", "n", "eth0", 0)).isEqualTo(first);
    }
}
