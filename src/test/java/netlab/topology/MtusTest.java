package netlab.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import netlab.testing.KernelTest;
import netlab.testing.NetlabRunner;
import netlab.testing.Shell;
import netlab.topology.dsl.TopologyReader;
import org.junit.jupiter.api.Test;

/**
 * The MTUs {@link Mtus} derives from a file are the ones the kernel shows after up, and so is
 * where IPv6 is off: for every interface of a lab built to tell a wrong order of MTU steps apart
 * (test/resources/topologies/honest/mtus.topo, and vxlans.topo for vxlans, both also under
 * PlanIsWhatUpDoesTest).
 */
@KernelTest
class MtusTest {
    private static final Path FILE = Path.of("test/resources/topologies/honest/mtus.topo");
    private static final Path VXLANS = Path.of("test/resources/topologies/honest/vxlans.topo");
    private static final Pattern MTU = Pattern.compile(" mtu (\\d+) ");

    @Test
    void theKernelEndsWithTheMtusDerivedFromTheFile() {
        Map<String, String> actual = kernelsAgainstDerived(FILE);

        // The lab shows each rule: a bridge from its ports, a bridge of its own, a macvlan from each.
        assertThat(actual).containsEntry("r:br0", "1200 no IPv6").containsEntry("r:br1", "1400")
                .containsEntry("r:mv0", "1200 no IPv6").containsEntry("r:mv1", "1400").containsEntry("m:mv2", "9000");
    }

    @Test
    void aVxlanEndsWithItsUnderlaysMtuLessTheOverheadAndItsBridgeFollows() {
        Map<String, String> actual = kernelsAgainstDerived(VXLANS);

        // Made while the underlay still had 1500, each would be 1450 (1430) without its MTU step.
        assertThat(actual).containsEntry("n1:vx0", "8950").containsEntry("n1:br0", "8950")
                .containsEntry("n1:vx6", "8930").containsEntry("n1:vx1", "1450");
    }

    /** Brings the lab up and down again; the MTUs (and IPv6) the kernel showed equal the derived ones. */
    private static Map<String, String> kernelsAgainstDerived(Path file) {
        Lab lab = TopologyReader.read(file);
        Mtus mtus = Mtus.of(lab);
        Map<String, String> predicted = new LinkedHashMap<>();
        Map<String, String> actual = new LinkedHashMap<>();

        NetlabRunner.Run up = NetlabRunner.inProcess("up", file.toString());
        try {
            assertThat(up.exitCode()).as(up.err()).isZero();
            for (Node node : lab.namespaces()) {
                String ipv6 = Shell.check("ip", "netns", "exec", node.name(), "ls", "/proc/sys/net/ipv6/conf");
                for (NetInterface i : node.interfaces()) {
                    Endpoint at = new Endpoint(node.name(), i.name());
                    if (mtus.mtu(at).isPresent()) {
                        predicted.put(at.toString(), mtus.mtu(at).getAsInt() + (mtus.withoutIpv6(at) ? " no IPv6" : ""));
                        actual.put(at.toString(), mtu(node.name(), i.name())
                                + (ipv6.lines().anyMatch(i.name()::equals) ? "" : " no IPv6"));
                    }
                }
            }
        } finally {
            NetlabRunner.inProcess("down", lab.name());
        }
        assertThat(actual).isEqualTo(predicted);
        return actual;
    }

    private static int mtu(String node, String name) {
        Matcher mtu = MTU.matcher(Shell.check("ip", "-n", node, "-o", "link", "show", "dev", name));
        assertThat(mtu.find()).as(node + ":" + name).isTrue();
        return Integer.parseInt(mtu.group(1));
    }
}
