package netlab.partition.parts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import netlab.partition.Partition;
import netlab.partition.PartitionGraph;
import netlab.partition.Partitioner;
import netlab.plan.Planner;
import netlab.topology.Endpoint;
import netlab.topology.Lab;
import netlab.topology.Mtus;
import netlab.topology.NetInterface;
import netlab.topology.Node;
import netlab.topology.dsl.TopologyReader;
import netlab.topology.write.TopologyWriter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * Every part a split writes is a file {@code check} and {@code plan} take, for the labs where a
 * cut or a moved port used to leave a statement the language refuses: a vxlan's {@code local} or
 * a macvlan's parent or a loss on what became a vxlan, a sysctl or an impairment naming a port
 * that moved to another machine, a port named like the vxlan the split adds.
 */
class PartsCheckTest {
    private static final Path HONEST = Path.of("test/resources/topologies/honest");

    /** As honest/vxlans.topo, with a third node so that the lab can still be split. */
    static final String VXLAN_LOCAL = """
            lab vl
            node a
              link up0 to b:up0 address 192.0.2.1/24
              vxlan vx0 vni 7 remote 192.0.2.2 local 192.0.2.1
              link e1 to c:e0 address 10.0.1.1/24
            node b
              address up0 192.0.2.2/24
              vxlan vx0 vni 7 remote 192.0.2.1 local 192.0.2.2
            node c
              address e0 10.0.1.2/24
            """;

    static final String LOSS = """
            lab loss
            node a
              link e0 to b:e0 address 10.0.0.1/24
              impair e0 loss 10%
              link e1 to c:e0 address 10.0.1.1/24
            node b
              address e0 10.0.0.2/24
            node c
              address e0 10.0.1.2/24
            """;

    static final String PORT_STATEMENTS = """
            lab ps
            node sw
              bridge br0 10.9.0.254/24
              sysctl net.ipv4.conf.h1-eth0.rp_filter=0
              sysctl net.mpls.conf.h3-eth0.input=1
              impair h2-eth0 delay 10ms
            node h1
              link eth0 to sw:br0 address 10.9.0.1/24
            node h2
              link eth0 to sw:br0 address 10.9.0.2/24
            node h3
              link eth0 to sw:br0 address 10.9.0.3/24
            """;

    /** With VNIs from 5000 the split bridge's vxlan would be vx5000, which a port is already called. */
    static final String PORT_NAMED_LIKE_THE_VXLAN = """
            lab vn
            node sw
              bridge br0 10.9.0.254/24
            node a
              link eth0 to sw:br0 port vx5000 address 10.9.0.1/24
            node b
              link eth0 to sw:br0 port vx5000-1 address 10.9.0.2/24
            node c
              link eth0 to sw:br0 address 10.9.0.3/24
            """;

    /** The host probes although the lab has no host block: the host is then every machine's own. */
    static final String HOST_EXPECTATION_WITHOUT_HOST_BLOCK = """
            lab he
            node a
              link e0 to b:e0 address 10.0.0.1/24
            node b
              address e0 10.0.0.2/24
              expect host !reaches a:e0
            """;

    /** A route, a neighbour entry and a NAT rule of the bridge's node naming a port: the port stays home. */
    static final String PORT_NAMED_BY_ROUTES = """
            lab pm
            node a
              bridge br0 10.2.0.254/24
              link up to c:e0 address 10.3.0.1/24
              route 10.9.0.0/24 dev b-e0
              neigh 10.9.0.5 dev d-e0 lladdr peer
              masquerade out f-e0
            node b
              link e0 to a:br0 address 10.2.0.2/24
            node c
              address e0 10.3.0.2/24
            node d
              link e0 to a:br0 address 10.2.0.4/24
            node f
              link e0 to a:br0 address 10.2.0.6/24
            node g
              link e0 to a:br0 address 10.2.0.7/24
            """;

    /** A macvlan with an MTU of its own on a bridge the split clamps. */
    static final String MACVLAN_ON_A_SPLIT_BRIDGE = """
            lab mv
            node sw
              bridge br0
            node m
              macvlan mv0 on sw:br0 address 10.3.0.100/24
              mtu mv0 1500
            node a
              link e0 to br0 address 10.3.0.1/24
            node b
              link e0 to br0 address 10.3.0.2/24
            """;

    /** A vxlan of the lab over a bridge: that bridge is not split (its copies would gain a vxlan port, its MTU fall). */
    static final String VXLAN_OVER_A_BRIDGE = """
            lab vb
            node sw
              bridge br0 192.0.2.10/24
              vxlan vx0 vni 42 remote 192.0.2.20 local 192.0.2.10
            node a
              link e0 to br0 address 192.0.2.20/24
            node b
              link e0 to br0 address 192.0.2.21/24
            node c
              link e0 to a:e1 address 10.0.0.1/24
            """;

    /**
     * A vxlan of the lab whose {@code local} is on a macvlan: the macvlan's parent carries the
     * tunnel, so the bridge under it (directly, or at the far end of the parent veth) is not split.
     */
    static final String VXLAN_OVER_A_MACVLAN = """
            lab mvvx
            node sw
              bridge br0
            node m
              macvlan mv0 on sw:br0 address 10.3.0.100/24
              vxlan vx0 vni 100 remote 10.3.0.1 local 10.3.0.100 mtu 1450
            node n
              link e0 to sw:br0
              macvlan mv1 on n:e0 address 10.3.0.101/24
              vxlan vx1 vni 101 remote 10.3.0.2 local 10.3.0.101 mtu 1450
            node a
              link e0 to sw:br0 address 10.3.0.1/24
            node b
              link e0 to sw:br0 address 10.3.0.2/24
            node c
              link e0 to sw:br0 address 10.3.0.3/24
            node d
              link e0 to c:e1 address 10.4.0.1/24
            node e
              link e0 to d:e1 address 10.4.1.1/24
            """;

    /** A lab's own vxlan, sized by a jumbo underlay, as a port of a bridge the split splits. */
    static final String VXLAN_PORT_ON_A_SPLIT_BRIDGE = """
            lab vp
            node sw
              bridge br0 10.5.0.254/24
              link up0 to u:up0 address 198.51.100.1/24
              mtu up0 9000
              vxlan vx0 vni 9 remote 198.51.100.2 local 198.51.100.1 to br0
            node u
              address up0 198.51.100.2/24
              mtu up0 9000
            node a
              link e0 to sw:br0 address 10.5.0.1/24
            node b
              link e0 to sw:br0 address 10.5.0.2/24
            node c
              link e0 to sw:br0 address 10.5.0.3/24
            """;

    /** The lab's own vxlans over the machine hold VNIs the split would take from base 5000. */
    static final String OWN_MACHINE_VNIS = """
            lab ov
            host
              bridge br0 10.8.0.254/24
              vxlan hv0 vni 5000 remote 198.51.100.7
            node a
              link e0 to b:e0 address 10.0.0.1/30
              vxlan v0 vni 5001 remote 198.51.100.9 underlay host
              link e1 to br0 address 10.8.0.1/24
            node b
              address e0 10.0.0.2/30
              link e1 to br0 address 10.8.0.2/24
            """;

    static Stream<Arguments> labs() throws IOException {
        return Stream.of(
                Arguments.of("vl.topo", VXLAN_LOCAL),
                Arguments.of("mtus.topo", Files.readString(HONEST.resolve("mtus.topo"))),
                Arguments.of("macs.topo", Files.readString(HONEST.resolve("macs.topo"))),
                Arguments.of("loss.topo", LOSS),
                Arguments.of("ps.topo", PORT_STATEMENTS),
                Arguments.of("vn.topo", PORT_NAMED_LIKE_THE_VXLAN),
                Arguments.of("he.topo", HOST_EXPECTATION_WITHOUT_HOST_BLOCK),
                Arguments.of("pm.topo", PORT_NAMED_BY_ROUTES),
                Arguments.of("mv.topo", MACVLAN_ON_A_SPLIT_BRIDGE),
                Arguments.of("vb.topo", VXLAN_OVER_A_BRIDGE),
                Arguments.of("mvvx.topo", VXLAN_OVER_A_MACVLAN),
                Arguments.of("vp.topo", VXLAN_PORT_ON_A_SPLIT_BRIDGE),
                Arguments.of("ov.topo", OWN_MACHINE_VNIS),
                Arguments.of("vxlan.topo with mtu", read(Path.of("../topologies/vxlan.topo"))
                        .replace("local 192.0.2.1\n", "local 192.0.2.1 mtu 1450\n")
                        + "node c\n  link e0 to h2:e9 address 10.7.0.1/24\n"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("labs")
    void everyPartOfEverySplitIsCheckedAndPlanned(String name, String text) {
        Lab lab = TopologyReader.parse(name, text);
        int splits = 0;
        for (int machines = 2; machines <= 4; machines++) {
            Partition partition = Partitioner.partition(PartitionGraph.of(lab), machines, 1);
            if (partition.partOfNode().values().stream().distinct().count() < machines) {
                continue; // the lab does not fill that many machines: partition --write refuses it
            }
            splits++;
            List<Lab> parts = LabSplitter.split(lab, partition, underlay(machines), 5000);
            for (Lab part : parts) {
                String written = TopologyWriter.write(part);
                assertThatCode(() -> Planner.plan(TopologyReader.parse(name, written)))
                        .as("%s over %d machines:\n%s", name, machines, written).doesNotThrowAnyException();
            }
            assertSplitBridgesFitTheTunnels(parts, underlay(machines), name);
        }
        assertThat(splits).as("splits of %s tried", name).isPositive();
    }

    /** Every lab the project ships or tests with that plans whole (some test files are broken on purpose). */
    static Stream<Arguments> everyLab() throws IOException {
        List<Path> files;
        try (Stream<Path> shipped = Files.list(Path.of("../topologies"));
                Stream<Path> tested = Files.walk(Path.of("test/resources/topologies"))) {
            files = Stream.concat(shipped, tested).filter(f -> f.toString().endsWith(".topo")).sorted().toList();
        }
        return files.stream().filter(PartsCheckTest::plansWhole)
                .map(f -> Arguments.of(f.getFileName().toString(), read(f)));
    }

    /** Over the default underlay, and over the smallest ones partition --write takes (IPv6 needs 1280 in a tunnel). */
    private static final List<Underlay> UNDERLAYS = List.of(
            Underlay.of(List.of(InetAddress.ofLiteral("192.0.2.1")), 4, 1500),
            Underlay.of(List.of(InetAddress.ofLiteral("192.0.2.1")), 4, 1330),
            Underlay.of(List.of(InetAddress.ofLiteral("2001:db8::1")), 4, 1350));

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyLab")
    void everyLabTheProjectHoldsSplitsIntoPartsThatPlan(String name, String text) {
        Lab lab = TopologyReader.parse(name, text);
        for (int machines = 2; machines <= 4; machines++) {
            Partition partition = Partitioner.partition(PartitionGraph.of(lab), machines, 1);
            if (partition.partOfNode().values().stream().distinct().count() < machines) {
                continue;
            }
            for (Underlay all : UNDERLAYS) {
                Underlay underlay = new Underlay(all.addresses().subList(0, machines), all.mtu());
                List<Lab> parts = LabSplitter.split(lab, partition, underlay, 5000);
                for (Lab part : parts) {
                    String written = TopologyWriter.write(part);
                    assertThatCode(() -> Planner.plan(TopologyReader.parse(name, written)))
                            .as("%s over %d machines, underlay MTU %d:\n%s", name, machines, underlay.mtu(), written)
                            .doesNotThrowAnyException();
                }
                assertSplitBridgesFitTheTunnels(parts, underlay, name);
            }
        }
    }

    private static boolean plansWhole(Path file) {
        try {
            Planner.plan(TopologyReader.parse(file.toString(), read(file)));
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void aMovedPortTakesItsSysctlsAndImpairmentsToItsMachine() {
        Lab lab = TopologyReader.parse("ps.topo", PORT_STATEMENTS);
        Partition partition = Partitioner.partition(PartitionGraph.of(lab), 3, 1);
        Map<String, Integer> partOf = partition.partOfNode();
        List<Lab> parts = LabSplitter.split(lab, partition, underlay(3), 5000);
        Node swWithH1 = parts.get(partOf.get("h1")).node("sw").orElseThrow();
        Node swWithH2 = parts.get(partOf.get("h2")).node("sw").orElseThrow();
        Node swWithH3 = parts.get(partOf.get("h3")).node("sw").orElseThrow();
        assertThat(swWithH1.sysctls()).extracting(s -> s.key()).contains("net.ipv4.conf.h1-eth0.rp_filter");
        assertThat(swWithH3.sysctls()).extracting(s -> s.key()).contains("net.mpls.conf.h3-eth0.input");
        assertThat(swWithH2.impairments()).extracting(i -> i.interfaceName()).containsExactly("h2-eth0");
        long sysctls = parts.stream().flatMap(p -> p.node("sw").stream()).mapToLong(n -> n.sysctls().size()).sum();
        long impairments = parts.stream().flatMap(p -> p.node("sw").stream()).mapToLong(n -> n.impairments().size())
                .sum();
        assertThat(sysctls).as("each statement once").isEqualTo(2);
        assertThat(impairments).as("each statement once").isEqualTo(1);
    }

    /** An empty host block (kept on purpose, as macvlan.topo says) does not take the first machine alone. */
    @Test
    void anIdleHostBlockRidesWithTheFirstNode() {
        Lab lab = TopologyReader.parse("eh.topo", """
                lab eh
                host
                node a
                  link e0 to b:e0 address 10.0.0.1/24
                node b
                  address e0 10.0.0.2/24
                """);
        Partition partition = Partitioner.partition(PartitionGraph.of(lab), 2, 1);

        assertThat(partition.partOfNode()).containsExactlyInAnyOrderEntriesOf(Map.of("host", 0, "a", 0, "b", 1));
        List<Lab> parts = LabSplitter.split(lab, partition, underlay(2), 5000);
        assertThat(parts).allSatisfy(part -> assertThat(part.nodes()).anyMatch(n -> !n.isHost()));
    }

    @Test
    void theHostsExpectationsOfALabWithoutHostBlockGoWithPartZero() {
        Lab lab = TopologyReader.parse("he.topo", HOST_EXPECTATION_WITHOUT_HOST_BLOCK);
        Partition partition = Partitioner.partition(PartitionGraph.of(lab), 2, 1);
        List<Lab> parts = LabSplitter.split(lab, partition, underlay(2), 5000);
        int aPart = partition.partOfNode().get("a");
        for (int p = 0; p < parts.size(); p++) {
            assertThat(parts.get(p).expectations()).as("part %d", p).hasSize(p == 0 && aPart == 0 ? 1 : 0);
        }
    }

    @Test
    void aLossStaysOnAVethAndTheRestOfTheLabIsStillSplit() {
        Lab lab = TopologyReader.parse("loss.topo", LOSS);
        Map<String, Integer> partOf = Partitioner.partition(PartitionGraph.of(lab), 2, 1).partOfNode();
        assertThat(partOf.get("a")).isEqualTo(partOf.get("b"));
        assertThat(partOf.get("c")).isNotEqualTo(partOf.get("a"));
    }

    /**
     * A frame a split bridge forwards may cross a tunnel: the bridge and every port of it, on
     * every machine, carry at most what a tunnel carries. A bridge is split when more than one
     * part holds it.
     */
    private static void assertSplitBridgesFitTheTunnels(List<Lab> parts, Underlay underlay, String name) {
        Map<Endpoint, Long> copies = parts.stream().flatMap(p -> p.nodes().stream())
                .flatMap(n -> n.interfaces().stream().filter(NetInterface.Bridge.class::isInstance)
                        .map(b -> new Endpoint(n.name(), b.name())))
                .collect(java.util.stream.Collectors.groupingBy(b -> b, java.util.stream.Collectors.counting()));
        for (Lab part : parts) {
            Mtus mtus = Mtus.of(part);
            for (Node node : part.nodes()) {
                for (NetInterface i : node.interfaces()) {
                    Optional<String> bridge = i instanceof NetInterface.Bridge ? Optional.of(i.name()) : master(i);
                    if (bridge.isPresent() && copies.getOrDefault(new Endpoint(node.name(), bridge.get()), 0L) > 1) {
                        assertThat(mtus.mtu(new Endpoint(node.name(), i.name())).orElse(Mtus.ETH_DATA_LEN))
                                .as("%s: %s:%s of a split bridge, underlay MTU %d", name, node.name(), i.name(),
                                        underlay.mtu())
                                .isLessThanOrEqualTo(underlay.tunnelMtu());
                    }
                }
            }
        }
    }

    private static Optional<String> master(NetInterface i) {
        return switch (i) {
            case NetInterface.VethEnd end -> end.master();
            case NetInterface.Vxlan vxlan -> vxlan.master();
            default -> Optional.empty();
        };
    }

    private static Underlay underlay(int machines) {
        return Underlay.of(List.of(InetAddress.ofLiteral("192.0.2.1")), machines, 1500);
    }
}
