package netlab.cli;

import static netlab.cli.Cli.netlab;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import netlab.testing.NetlabRunner.Run;
import netlab.testing.ShippedTopologies;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** check's warnings: each classic mistake once, where it was written, on stderr; the exit status stays 0. */
class CheckWarningsTest {
    @Test
    void vethEndsInDifferentSubnets(@TempDir Path directory) throws Exception {
        Path file = Cli.topology(directory, "w.topo", """
                node ns1
                  link eth0 to ns2:eth0 address 10.0.0.1/24
                node ns2
                  address eth0 10.0.1.2/24
                """);

        assertWarns(file, "w.topo: lab w is valid (2 nodes, 2 interfaces)\n",
                file + ":2:3: warning: the ends of the veth ns1:eth0 - ns2:eth0 are in different subnets "
                        + "(10.0.0.1/24 and 10.0.1.2/24): neither end reaches the other\n");
    }

    @Test
    void overlappingSubnetsOnOneNode(@TempDir Path directory) throws Exception {
        Path file = Cli.topology(directory, "w.topo", """
                node ns1
                  link eth0 to ns2:eth0 address 10.0.0.1/16
                  link eth1 to ns3:eth0 address 10.0.5.1/24
                node ns2
                  address eth0 10.0.0.2/16
                node ns3
                  address eth0 10.0.5.2/24
                """);

        assertWarns(file, "w.topo: lab w is valid (3 nodes, 4 interfaces)\n",
                file + ":3:3: warning: node ns1: eth1's subnet 10.0.5.0/24 overlaps eth0's 10.0.0.0/16; "
                        + "replies may leave by the other interface\n");
    }

    /** r1 routes between ns1 and ns2, which send through it; %s is r1's sysctl line, or nothing. */
    private static final String ROUTED = """
            node r1
              link eth0 to ns1:eth0 address 10.0.0.254/24
              link eth1 to ns2:eth0 address 10.0.1.254/24
            %snode ns1
              address eth0 10.0.0.1/24
              route default via 10.0.0.254
            node ns2
              address eth0 10.0.1.1/24
              route default via 10.0.1.254
            """;

    @Test
    void aGatewayThatDoesNotForward(@TempDir Path directory) throws Exception {
        Path file = Cli.topology(directory, "w.topo", ROUTED.formatted(""));

        assertWarns(file, "w.topo: lab w is valid (3 nodes, 4 interfaces)\n",
                file + ":1:1: warning: node r1 routes between its interfaces (the route at " + file
                        + ":6:3 goes through it) but does not forward: add 'sysctl net.ipv4.ip_forward=1' to it\n");
    }

    @Test
    void aGatewayThatForwardsIsNoWarning(@TempDir Path directory) throws Exception {
        Path file = Cli.topology(directory, "w.topo", ROUTED.formatted("  sysctl net.ipv4.ip_forward=1\n"));

        assertWarns(file, "w.topo: lab w is valid (3 nodes, 4 interfaces)\n", "");
    }

    @Test
    void aRouteToTheGatewaysOwnAddressDoesNotGoThroughIt(@TempDir Path directory) throws Exception {
        Path file = Cli.topology(directory, "w.topo", """
                node h1
                  address lo 10.80.0.1/32
                  link eth0 to h2:eth0 address 10.80.1.1/24
                  link eth1 to h2:eth1 address 10.80.2.1/24
                node h2
                  address eth0 10.80.1.2/24
                  address eth1 10.80.2.2/24
                  route 10.80.0.1/32 via 10.80.1.1
                """);

        assertWarns(file, "w.topo: lab w is valid (2 nodes, 4 interfaces)\n", "");
    }

    @Test
    void aNodeNextToARouterWithNoRouteToItsOtherSide(@TempDir Path directory) throws Exception {
        Path file = Cli.topology(directory, "w.topo", ROUTED.formatted("  sysctl net.ipv4.ip_forward=1\n")
                .replace("  route default via 10.0.1.254\n", ""));

        assertWarns(file, "w.topo: lab w is valid (3 nodes, 4 interfaces)\n",
                file + ":8:1: warning: node ns2 has no route to 10.0.0.0/24, which node r1 forwards to from "
                        + "10.0.1.0/24: add 'route 10.0.0.0/24 via 10.0.1.254' or 'route default via 10.0.1.254' to it\n");
    }

    @Test
    void aRouteToTheSubnetAloneIsEnough(@TempDir Path directory) throws Exception {
        Path file = Cli.topology(directory, "w.topo", ROUTED.formatted("  sysctl net.ipv4.ip_forward=1\n")
                .replace("  route default via 10.0.1.254\n", "  route 10.0.0.0/16 via 10.0.1.254\n"));

        assertWarns(file, "w.topo: lab w is valid (3 nodes, 4 interfaces)\n", "");
    }

    @Test
    void aSubnetTheRouterMasqueradesNeedsNoRouteBack(@TempDir Path directory) throws Exception {
        Path file = Cli.topology(directory, "w.topo", ROUTED
                .formatted("  sysctl net.ipv4.ip_forward=1\n  masquerade src 10.0.0.0/24 out eth1\n")
                .replace("  route default via 10.0.1.254\n", ""));

        assertWarns(file, "w.topo: lab w is valid (3 nodes, 4 interfaces)\n", "");
    }

    @Test
    void separateNetworksWithNoRouterBetweenThemAreNoWarning(@TempDir Path directory) throws Exception {
        Path file = Cli.topology(directory, "w.topo", ROUTED.formatted("")
                .replace("  route default via 10.0.0.254\n", "").replace("  route default via 10.0.1.254\n", ""));

        assertWarns(file, "w.topo: lab w is valid (3 nodes, 4 interfaces)\n", "");
    }

    /**
     * A shipped lab that shows a mistake on purpose gets that mistake's warning, and only that;
     * every other shipped lab gets none.
     */
    @Test
    void everyShippedTopologyIsFreeOfWarningsButTheMistakeItShowsOnPurpose() {
        Map<String, String> onPurpose = Map.of("bridge-nat-no-masquerade.topo",
                ":14:1: warning: node internet has no route to 192.168.1.0/24, which the host forwards to from "
                        + "203.0.113.0/30: add 'route 192.168.1.0/24 via 203.0.113.1' or 'route default via 203.0.113.1' to it\n");
        assertThat(ShippedTopologies.files()).hasSizeGreaterThan(5);
        assertThat(ShippedTopologies.files().stream().map(f -> f.getFileName().toString()))
                .containsAll(onPurpose.keySet());
        for (Path file : ShippedTopologies.files()) {
            Run check = netlab("check", file.toString());

            assertThat(check.exitCode()).as(file.toString()).isEqualTo(ExitCodes.OK);
            String expected = onPurpose.get(file.getFileName().toString());
            assertThat(check.err()).as(file.toString()).isEqualTo(expected == null ? "" : file + expected);
        }
    }

    private static void assertWarns(Path file, String outAfterPath, String err) {
        Run check = netlab("check", file.toString());

        assertThat(check.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(check.out()).isEqualTo(file.getParent() + "/" + outAfterPath);
        assertThat(check.err()).isEqualTo(err);
    }
}
