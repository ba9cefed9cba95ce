package netlab.kernel.probe;

import static netlab.kernel.probe.IpLab.address;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import netlab.kernel.NetNamespace;
import netlab.testing.KernelTest;
import netlab.testing.Shell;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every pair of {@value #DEFAULT_NODES} namespaces on one bridge probed at once, in both families:
 * every probe gets its reply. {@code -Dnetlab.probe.nodes=100} makes it 100 namespaces, 9,900
 * probes a family.
 *
 * <p>Each namespace knows its neighbours' MACs beforehand ({@code nud permanent}): the kernel's
 * ARP and ND tables are shared by every namespace of the machine, and above
 * {@code gc_thresh3} (1024 entries, settable only in the initial namespace) it refuses new ones
 * ("neighbor table overflow"), so a full mesh of learnt entries would starve this test and every
 * other sandbox on the machine. Permanent entries are not counted (neigh_alloc's exempt_from_gc).
 * ProberTest covers probes that must wait for ARP and ND.
 */
@KernelTest
class ManyProbesTest {
    private static final int DEFAULT_NODES = 32;
    private static final int NODES = Integer.getInteger("netlab.probe.nodes", DEFAULT_NODES);
    private static final String BRIDGE = "probe-br";
    private static final Duration WITHIN = Duration.ofSeconds(5);

    private static IpLab lab;
    private static final List<NetNamespace> nodes = new ArrayList<>();

    @BeforeAll
    static void build() {
        lab = new IpLab();
        lab.bridge(BRIDGE);
        // ip -batch: one ip process for all the host's links, one per namespace for its settings.
        StringBuilder host = new StringBuilder();
        for (int i = 0; i < NODES; i++) {
            nodes.add(lab.namespace("many" + i));
            host.append("link add m").append(i).append(" master ").append(BRIDGE).append(" up type veth peer name eth0")
                    .append(" address ").append(mac(i)).append(" netns many").append(i).append('\n');
        }
        batch(null, host.toString());
        for (int i = 0; i < NODES; i++) {
            StringBuilder node = new StringBuilder("link set eth0 up\n");
            node.append("addr add ").append(v4(i)).append("/16 dev eth0\n");
            node.append("addr add ").append(v6(i)).append("/64 dev eth0 nodad\n");
            for (int other = 0; other < NODES; other++) {
                if (other != i) {
                    node.append("neigh add ").append(v4(other)).append(" lladdr ").append(mac(other))
                            .append(" dev eth0 nud permanent\n");
                    node.append("neigh add ").append(v6(other)).append(" lladdr ").append(mac(other))
                            .append(" dev eth0 nud permanent\n");
                }
            }
            batch("many" + i, node.toString());
        }
    }

    /** Runs ip's batch mode on {@code commands}, in {@code namespace} (null: the sandbox's own). */
    private static void batch(String namespace, String commands) {
        String ip = namespace == null ? "ip -batch -" : "ip -n " + namespace + " -batch -";
        Shell.check("sh", "-c", "printf '%s' \"$1\" | " + ip, "ip-batch", commands);
    }

    private static String mac(int node) {
        return String.format("02:77:00:00:%02x:%02x", node >> 8, node & 0xff);
    }

    private static String v4(int node) {
        return "10.77." + (node / 250) + "." + (node % 250 + 1);
    }

    private static String v6(int node) {
        return "fd77::" + Integer.toHexString(node + 1);
    }

    @AfterAll
    static void tearDown() {
        lab.close();
    }

    @Test
    void everyPairReachesEveryOtherAtOnce() {
        List<Probe> probes = new ArrayList<>();
        for (int from = 0; from < NODES; from++) {
            for (int to = 0; to < NODES; to++) {
                if (from != to) {
                    probes.add(new Probe(nodes.get(from), address(v4(to)), WITHIN, List.of()));
                    probes.add(new Probe(nodes.get(from), address(v6(to)), WITHIN, List.of()));
                }
            }
        }
        List<ProbeResult> results;
        try (Prober prober = new Prober()) {
            long start = System.nanoTime();
            results = prober.run(probes);
            System.out.printf("%d probes among %d namespaces: %d ms%n", probes.size(), NODES,
                    Duration.ofNanos(System.nanoTime() - start).toMillis());
        }

        assertThat(IntStream.range(0, results.size()).filter(i -> results.get(i).reply().isEmpty())
                .mapToObj(i -> probes.get(i).from().name() + " -> " + probes.get(i).target().getHostAddress()))
                .isEmpty();
        assertThat(results).allSatisfy(result -> assertThat(result.reply().orElseThrow().ttl()).isEqualTo(64));
        // Decided at the first replies, long before any probe's time is up.
        assertThat(results).allSatisfy(result -> assertThat(result.reply().orElseThrow().roundTrip()).isLessThan(WITHIN));
    }
}
