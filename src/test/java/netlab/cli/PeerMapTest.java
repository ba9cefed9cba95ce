package netlab.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import netlab.partition.Partition;
import netlab.partition.PartitionGraph;
import netlab.partition.Partitioner;
import netlab.partition.parts.LabSplitter;
import netlab.partition.parts.Underlay;
import netlab.topology.Endpoint;
import netlab.topology.Lab;
import netlab.topology.dsl.TopologyReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What an agent maps through its peers file: only the tunnels the split made, and while it holds
 * the part, a file being rewritten never replaces the last good map.
 */
class PeerMapTest {
    @TempDir
    Path dir;

    private static InetAddress ip(String text) {
        return InetAddress.ofLiteral(text);
    }

    /** A lab whose own vxlans send to 192.0.2.1 and .2, the machines' placeholders, split over 3 machines. */
    private static List<Lab> ownVxlansOverThreeMachines() {
        Lab lab = TopologyReader.parse("own.topo", """
                lab own
                node a
                  link up0 to b:up0 address 192.0.2.1/24
                  vxlan vx0 vni 7 remote 192.0.2.2 local 192.0.2.1
                  link e1 to c:e0 address 10.0.1.1/24
                node b
                  address up0 192.0.2.2/24
                  vxlan vx0 vni 7 remote 192.0.2.1 local 192.0.2.2
                node c
                  address e0 10.0.1.2/24
                  link e1 to d:e0 address 10.0.2.1/24
                node d
                  address e0 10.0.2.2/24
                """);
        Partition partition = Partitioner.partition(PartitionGraph.of(lab), 3, 1);
        return LabSplitter.split(lab, partition, Underlay.of(List.of(InetAddress.ofLiteral("192.0.2.1")), 3, 1500), 5000);
    }

    @Test
    void aLabsOwnVxlansAreNotMappedEvenWhenTheySendToAPlaceholder() {
        List<Endpoint> own = new ArrayList<>();
        List<Endpoint> made = new ArrayList<>();
        for (Lab part : ownVxlansOverThreeMachines()) {
            part.nodes().forEach(node -> node.interfaces().forEach(i -> {
                if (i instanceof netlab.topology.NetInterface.Vxlan v) {
                    (v.machine() ? made : own).add(new Endpoint(node.name(), v.name()));
                }
            }));
        }
        assertThat(own).as("the lab's vx0s").hasSize(2);
        assertThat(made).as("the split's tunnels").isNotEmpty();
        List<Endpoint> mapped = new ArrayList<>();
        ownVxlansOverThreeMachines().forEach(part -> mapped.addAll(PeerMap.farEnds(part).keySet()));
        assertThat(mapped).containsExactlyInAnyOrderElementsOf(made);
    }

    @Test
    void anAgentsTunnelsMoveWithThePeersFileAndTheLabsOwnStay() throws IOException {
        Path file = Files.writeString(dir.resolve("peers"), "192.0.2.1 198.51.100.1\n192.0.2.2 198.51.100.2\n"
                + "192.0.2.3 198.51.100.3\n");
        for (Lab part : ownVxlansOverThreeMachines()) {
            Map<Endpoint, List<InetAddress>> written = PeerMap.farEnds(part);
            Map<Endpoint, List<InetAddress>> mapped = PeerMap.read(file).map(written, new HashMap<>(), line -> {});
            Lab placed = PartAgent.withFarEnds(part, mapped);
            placed.nodes().forEach(node -> node.interfaces().forEach(i -> {
                if (i instanceof netlab.topology.NetInterface.Vxlan v) {
                    assertThat(v.remotes()).as("%s:%s", node.name(), v.name())
                            .allMatch(remote -> remote.getHostAddress().startsWith(v.machine() ? "198.51.100."
                                    : "192.0.2."));
                }
            }));
        }
    }

    /** A far end no line maps (a typo, a file for another lab) is said; without a peers file nothing is. */
    @Test
    void aFarEndThePeersFileDoesNotMapIsSaid() throws IOException {
        Path file = Files.writeString(dir.resolve("peers"), "192.0.2.11 198.51.100.7\n");
        Map<Endpoint, List<InetAddress>> written = Map.of(new Endpoint("a", "vx1"), List.of(ip("192.0.2.1")));
        List<String> said = new ArrayList<>();

        assertThat(PeerMap.read(file).map(written, new HashMap<>(), said::add))
                .containsExactly(Map.entry(new Endpoint("a", "vx1"), List.of(ip("192.0.2.1"))));
        assertThat(said).containsExactly("no peer line maps 192.0.2.1, a far end of this part's tunnels; they send "
                + "there as written");

        said.clear();
        PeerMap.none().map(written, new HashMap<>(), said::add);
        assertThat(said).isEmpty();
    }

    @Test
    void anAddressMappedTwiceIsRefused() throws IOException {
        Path file = Files.writeString(dir.resolve("peers"), "192.0.2.1 198.51.100.7\n# moved\n192.0.2.1 198.51.100.8\n");

        assertThatThrownBy(() -> PeerMap.read(file)).isInstanceOf(PeersFileException.class)
                .hasMessage(file + ":3: 192.0.2.1 is mapped on line 1 already");
    }

    @Test
    void aCommentMayFollowAPeerLine() throws IOException {
        Path file = Files.writeString(dir.resolve("peers"), "# machines\n192.0.2.1 198.51.100.7  # m0\n\n");
        Map<Endpoint, List<InetAddress>> written = Map.of(new Endpoint("a", "vx1"), List.of(ip("192.0.2.1")));
        assertThat(PeerMap.read(file).map(written, new HashMap<>(), line -> {}))
                .containsExactly(Map.entry(new Endpoint("a", "vx1"), List.of(ip("198.51.100.7"))));
    }

    @Test
    void theFirstReadRefusesABadFile() throws IOException {
        Path file = Files.writeString(dir.resolve("peers"), "192.0.2.1\n");
        assertThatThrownBy(() -> PeersFileWatch.start(file, warning -> {}))
                .isInstanceOf(PeersFileException.class).hasMessageContaining("peers:1: a peer line is");
        assertThatThrownBy(() -> PeersFileWatch.start(dir.resolve("absent"), warning -> {}))
                .isInstanceOf(PeersFileException.class).hasMessageContaining("cannot read the peers file");
    }

    @Test
    void aTargetSpeltAsOtherToolsReadItDifferentlyIsRefused() throws IOException {
        for (String target : new String[] {"010.0.0.1", "10.1", "1.2.3"}) {
            Path file = Files.writeString(dir.resolve("peers"), "192.0.2.1 " + target + "\n");
            assertThatThrownBy(() -> PeerMap.read(file)).as(target).isInstanceOf(PeersFileException.class)
                    .hasMessageEndingWith("peers:1: " + target + " is not an address as topology files write them "
                            + "(IPv4 in four decimal parts without leading zeros, or IPv6 text)");
        }
    }

    @Test
    void aTargetThatIsNoMachineIsRefused() throws IOException {
        for (String target : new String[] {"239.1.1.1", "0.0.0.0", "ff02::1", "::", "127.0.0.1", "127.9.9.9", "::1",
                "169.254.0.1", "fe80::1", "febf::1", "255.255.255.255", "0.1.2.3", "240.0.0.1", "fec0::1", "feff::1",
                "::10.0.0.1", "::ffff:10.0.0.1"}) {
            Path file = Files.writeString(dir.resolve("peers"), "# machines\n192.0.2.1 " + target + "\n");
            assertThatThrownBy(() -> PeerMap.read(file)).as(target).isInstanceOf(PeersFileException.class)
                    .hasMessageEndingWith("peers:2: " + target + " is not a machine's address (multicast, unspecified, "
                            + "loopback, link-local, broadcast, reserved, deprecated and IPv4-mapped addresses are not)");
        }
    }

    /** A machine's address next to those refused: the rule is no wider than it says. */
    @Test
    void aRoutedTargetIsTaken() throws IOException {
        for (String target : new String[] {"1.0.0.1", "126.255.255.255", "128.0.0.1", "169.253.255.255",
                "169.255.0.1", "223.255.255.255", "fc00::1", "fdff::1", "2001:db8::1", "::1:0:0:1"}) {
            Path file = Files.writeString(dir.resolve("peers"), "192.0.2.1 " + target + "\n");
            assertThat(PeerMap.read(file).isEmpty()).as(target).isFalse();
        }
    }

    /**
     * A name is held to the same rule as an address: one that gives only loopback (localhost) is
     * taken as not resolving, said so, and the tunnel stays where it was.
     */
    @Test
    void aNameGivingNoMachinesAddressKeepsTheTunnelWhereItWas() throws IOException {
        Endpoint vx = new Endpoint("a", "vx1");
        Map<Endpoint, List<InetAddress>> written = Map.of(vx, List.of(ip("192.0.2.1")));
        Map<InetAddress, InetAddress> lastResolved = new HashMap<>();
        Path file = Files.writeString(dir.resolve("peers"), "192.0.2.1 198.51.100.7\n");
        PeerMap.read(file).map(written, lastResolved, line -> {});

        Files.writeString(file, "192.0.2.1 localhost\n");
        List<String> said = new ArrayList<>();
        assertThat(PeerMap.read(file).map(written, lastResolved, said::add)).containsExactly(Map.entry(vx,
                List.of(ip("198.51.100.7"))));
        assertThat(said).singleElement().asString().startsWith("peer localhost (for 192.0.2.1) resolves only to 127.")
                .endsWith(", not a machine's address; its tunnels stay at 198.51.100.7");
    }

    /** Two machines mapped to one address: the tunnel sends there once (the kernel refuses a flooding entry twice). */
    @Test
    void farEndsAtOneAddressAreOneFarEndAndSaidSo() throws IOException {
        Path file = Files.writeString(dir.resolve("peers"), "192.0.2.2 10.0.0.9\n192.0.2.3 10.0.0.9\n");
        Endpoint vx = new Endpoint("sw", "vx5000");
        Map<Endpoint, List<InetAddress>> written = Map.of(vx, List.of(ip("192.0.2.2"), ip("192.0.2.3")));
        List<String> said = new ArrayList<>();

        assertThat(PeerMap.read(file).map(written, new HashMap<>(), said::add)).containsExactly(Map.entry(vx,
                List.of(ip("10.0.0.9"))));
        assertThat(said).containsExactly("tunnel sw:vx5000 has far ends at one address (10.0.0.9 10.0.0.9); it sends "
                + "there once");
    }

    /**
     * A far end whose name stops resolving stays at its own last address, though the list the
     * tunnel had was shorter (two far ends were at one address) and another machine's address
     * sat where it was.
     */
    @Test
    void anUnresolvedFarEndKeepsItsOwnLastAddress() throws IOException {
        Endpoint vx = new Endpoint("sw", "vx5000");
        Map<Endpoint, List<InetAddress>> written = Map.of(vx, List.of(ip("192.0.2.1"), ip("192.0.2.2"),
                ip("192.0.2.3")));
        Path file = Files.writeString(dir.resolve("peers"), "192.0.2.1 198.51.100.1\n192.0.2.2 198.51.100.1\n"
                + "192.0.2.3 198.51.100.3\n");
        Map<InetAddress, InetAddress> lastResolved = new HashMap<>();
        assertThat(PeerMap.read(file).map(written, lastResolved, line -> {}).get(vx))
                .isEqualTo(List.of(ip("198.51.100.1"), ip("198.51.100.3")));

        // 192.0.2.2's peer has no IPv4 address now (an IPv6 one only), and 192.0.2.1's moved.
        Files.writeString(file, "192.0.2.1 198.51.100.2\n192.0.2.2 2001:db8::9\n192.0.2.3 198.51.100.3\n");
        List<String> said = new ArrayList<>();
        assertThat(PeerMap.read(file).map(written, lastResolved, said::add).get(vx))
                .isEqualTo(List.of(ip("198.51.100.2"), ip("198.51.100.1"), ip("198.51.100.3")));
        assertThat(said).containsExactly("peer 2001:db8::9 (for 192.0.2.2) has no IPv4 address now; its tunnels "
                + "stay at 198.51.100.1");
    }

    /** Each way a peers file looks while someone rewrites it keeps the map read before, with a warning. */
    @Test
    void whileHoldingABadFileKeepsTheLastGoodMap() throws IOException {
        Path file = Files.writeString(dir.resolve("peers"), "192.0.2.1 198.51.100.7\n");
        List<String> warnings = new ArrayList<>();
        PeersFileWatch watch = PeersFileWatch.start(file, warnings::add);
        Map<Endpoint, List<InetAddress>> written = Map.of(new Endpoint("a", "vx1"), List.of(ip("192.0.2.1")));
        List<InetAddress> good = List.of(ip("198.51.100.7"));

        rewrite(file, "192.0.2.1 198.51.100.7\n192.0.2.2\n", 1);
        assertThat(watch.refresh()).as("half-written line").isFalse();
        rewrite(file, "", 2);
        assertThat(watch.refresh()).as("truncated").isFalse();
        Files.delete(file);
        assertThat(watch.refresh()).as("missing").isFalse();
        assertThat(watch.refresh()).as("still missing").isFalse();
        assertThat(watch.peers().map(written, new HashMap<>(), line -> {}).get(new Endpoint("a", "vx1"))).isEqualTo(good);
        assertThat(warnings).hasSize(3);
        assertThat(warnings.get(0)).contains("peers:2: a peer line is").endsWith("keeping the peers read before");
        assertThat(warnings.get(1)).contains("maps no address");
        assertThat(warnings.get(2)).contains("cannot read the peers file");

        rewrite(file, "192.0.2.1 198.51.100.8\n", 3);
        assertThat(watch.refresh()).as("written again").isTrue();
        assertThat(watch.peers().map(written, new HashMap<>(), line -> {}).get(new Endpoint("a", "vx1")))
                .isEqualTo(List.of(ip("198.51.100.8")));
        assertThat(watch.refresh()).as("unchanged").isFalse();
    }

    /**
     * A file caught half written but parseable (its first line only, the second 10 ms behind) is
     * not taken: the watch reads until two reads 50 ms apart agree.
     */
    @Test
    void aFileCaughtHalfWrittenIsReadWhole() throws Exception {
        Path file = Files.writeString(dir.resolve("peers"), "192.0.2.1 198.51.100.7\n192.0.2.2 198.51.100.8\n");
        PeersFileWatch watch = PeersFileWatch.start(file, warning -> {});
        Map<Endpoint, List<InetAddress>> written = Map.of(new Endpoint("a", "vx2"), List.of(ip("192.0.2.2")));

        rewrite(file, "192.0.2.1 198.51.100.7\n", 1);
        Thread writer = Thread.ofPlatform().start(() -> {
            try {
                Thread.sleep(10);
                Files.writeString(file, "192.0.2.2 198.51.100.9\n", StandardOpenOption.APPEND);
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(watch.refresh()).isTrue();
        writer.join();
        assertThat(watch.peers().map(written, new HashMap<>(), line -> {})).as("the second line")
                .containsExactly(Map.entry(new Endpoint("a", "vx2"), List.of(ip("198.51.100.9"))));
    }

    /** Writes the file with a time of its own (a file system's clock may not tick between two writes). */
    private static void rewrite(Path file, String text, int second) throws IOException {
        Files.writeString(file, text);
        Files.setLastModifiedTime(file, FileTime.from(Instant.parse("2026-01-01T00:00:00Z").plusSeconds(second)));
    }
}
