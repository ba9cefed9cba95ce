package netlab.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import netlab.topology.NetInterface.MacvlanMode;
import netlab.topology.Source;
import org.junit.jupiter.api.Test;

/** A plan line must be a command ip accepts: the host namespace has no name, so it is PID 1's. */
class OperationRenderTest {
    private static final Source AT = new Source("x.topo", 1, 1);

    @Test
    void aVethEndMovedIntoTheHostNamesItByPidOne() {
        var veth = new Operation.CreateVeth("lan", "host-nic0", "host", "nic0", Optional.of("switch"), AT);

        assertThat(veth.render()).isEqualTo("ip -n lan link add host-nic0 master switch type veth peer name nic0 netns 1");
    }

    @Test
    void aMacvlanMovedIntoTheHostNamesItByPidOne() {
        var macvlan = new Operation.CreateMacvlan("lan", "mv0", "eth0", MacvlanMode.BRIDGE, "host", AT);

        assertThat(macvlan.render()).isEqualTo("ip -n lan link add mv0 link eth0 type macvlan mode bridge netns 1");
    }
}
