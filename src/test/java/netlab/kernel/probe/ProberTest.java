package netlab.kernel.probe;

import static netlab.kernel.probe.IpLab.exec;
import static netlab.kernel.probe.IpLab.ip;
import static netlab.kernel.probe.IpLab.address;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.HashSet;
import java.util.Set;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import netlab.kernel.NetNamespace;
import netlab.labs.Tcpdump;
import netlab.testing.KernelTest;
import netlab.testing.Shell;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Probes in a small network made with ip: pa and pb on a veth; pa behind the router pr from pc.
 * What each probe saw is compared with what ping or tcpdump, run in the same namespace, saw.
 * <pre>
 *   pb 10.0.0.2 ── pa 10.0.0.1 | 10.0.1.1 ── 10.0.1.254 pr 10.0.2.254 ── 10.0.2.1 pc
 * </pre>
 * (fd00:N::x alongside each 10.0.N.x.) pr rejects 10.9.0.0/16 and fd00:9::/32, and loops 10.8.0.0/16 through pc.
 */
@KernelTest
class ProberTest {
    private static final Duration WITHIN = Duration.ofSeconds(3);
    private static final Pattern TTL = Pattern.compile("ttl=(\\d+)");

    private static IpLab lab;
    private static NetNamespace pa;
    private static NetNamespace pb;
    private static NetNamespace pc;
    private static Prober prober;

    @BeforeAll
    static void build() {
        lab = new IpLab();
        pa = lab.namespace("pa");
        pb = lab.namespace("pb");
        lab.namespace("pr");
        pc = lab.namespace("pc");
        lab.veth("pa", "a-b", "pb", "b-a");
        lab.address("pa", "a-b", "10.0.0.1/24");
        lab.address("pa", "a-b", "fd00:0::1/64");
        lab.address("pb", "b-a", "10.0.0.2/24");
        lab.address("pb", "b-a", "fd00:0::2/64");
        lab.veth("pa", "a-r", "pr", "r-a");
        lab.address("pa", "a-r", "10.0.1.1/24");
        lab.address("pa", "a-r", "fd00:1::1/64");
        lab.address("pr", "r-a", "10.0.1.254/24");
        lab.address("pr", "r-a", "fd00:1::254/64");
        lab.veth("pr", "r-c", "pc", "c-r");
        lab.address("pr", "r-c", "10.0.2.254/24");
        lab.address("pr", "r-c", "fd00:2::254/64");
        lab.address("pc", "c-r", "10.0.2.1/24");
        lab.address("pc", "c-r", "fd00:2::1/64");
        ip("pa", "route", "add", "default", "via", "10.0.1.254");
        ip("pa", "-6", "route", "add", "default", "via", "fd00:1::254");
        ip("pc", "route", "add", "default", "via", "10.0.2.254");
        ip("pc", "-6", "route", "add", "default", "via", "fd00:2::254");
        ip("pr", "route", "add", "unreachable", "10.9.0.0/16");
        ip("pr", "-6", "route", "add", "unreachable", "fd00:9::/32");
        // A routing loop: pr sends 10.8.0.0/16 to pc, whose default route leads back to pr.
        ip("pr", "route", "add", "10.8.0.0/16", "via", "10.0.2.1");
        exec("pc", "sysctl", "-qw", "net.ipv4.ip_forward=1");
        exec("pr", "sysctl", "-qw", "net.ipv4.ip_forward=1");
        exec("pr", "sysctl", "-qw", "net.ipv6.conf.all.forwarding=1");
        prober = new Prober();
    }

    @AfterAll
    static void tearDown() {
        prober.close();
        lab.close();
    }

    private static Probe probe(NetNamespace from, String target, NetNamespace... listenAt) {
        return new Probe(from, address(target), WITHIN, List.of(listenAt));
    }

    /** The TTL (IPv4) or hop limit (IPv6) of the reply ping got, run in {@code namespace}. */
    private static int pingTtl(String namespace, String target) {
        String out = exec(namespace, "ping", "-c1", "-W2", target).stdout();
        Matcher ttl = TTL.matcher(out);
        assertThat(ttl.find()).as("ping %s from %s said: %s", target, namespace, out).isTrue();
        return Integer.parseInt(ttl.group(1));
    }

    @Test
    void aNeighbourRepliesWithTheTtlPingSees() {
        List<ProbeResult> results = prober.run(List.of(probe(pa, "10.0.0.2"), probe(pa, "fd00::2")));

        assertThat(results.get(0).reply()).get().extracting(ProbeResult.Reply::ttl)
                .isEqualTo(pingTtl("pa", "10.0.0.2")).isEqualTo(64);
        assertThat(results.get(1).reply()).get().extracting(ProbeResult.Reply::ttl)
                .isEqualTo(pingTtl("pa", "fd00::2")).isEqualTo(64);
        results.forEach(result -> assertThat(result.failure()).isEmpty());
        results.forEach(result -> assertThat(result.reply().orElseThrow().roundTrip()).isLessThan(WITHIN));
    }

    @Test
    void throughARouterTheTtlIsOneLess() {
        List<ProbeResult> results = prober.run(List.of(probe(pa, "10.0.2.1"), probe(pa, "fd00:2::1")));

        assertThat(results.get(0).reply()).get().extracting(ProbeResult.Reply::ttl)
                .isEqualTo(pingTtl("pa", "10.0.2.1")).isEqualTo(63);
        assertThat(results.get(1).reply()).get().extracting(ProbeResult.Reply::ttl)
                .isEqualTo(pingTtl("pa", "fd00:2::1")).isEqualTo(63);
    }

    @Test
    void withoutARouteTheSendFailsAtOnceAsPingsDoes() {
        long start = System.nanoTime();
        ProbeResult result = prober.run(List.of(probe(pb, "192.0.2.1"))).getFirst();
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        Shell.Result ping = exec("pb", "ping", "-c1", "-W1", "192.0.2.1");
        String pingSays = (ping.stdout() + ping.stderr()).strip(); // "ping: connect: Network is unreachable"
        assertThat(pingSays).endsWith("Network is unreachable");
        assertThat(result.failure()).hasValue("network is unreachable (ENETUNREACH)");
        assertThat(result.reply()).isEmpty();
        assertThat(took).isLessThan(WITHIN);
    }

    @Test
    void aRoutersUnreachableRouteAnswersWithAnErrorNamingIt() {
        ProbeResult result = prober.run(List.of(probe(pa, "10.9.0.1"))).getFirst();

        // ping: "From 10.0.1.254 icmp_seq=1 Destination Host Unreachable"
        String ping = exec("pa", "ping", "-c1", "-W2", "10.9.0.1").stdout();
        assertThat(ping).contains("From 10.0.1.254 ").contains("Destination Host Unreachable");
        assertThat(result.failure()).hasValue("host unreachable, said 10.0.1.254");
        assertThat(result.reply()).isEmpty();
    }

    @Test
    void anIpv6UnreachableRouteAnswersWithAnErrorNamingIt() {
        ProbeResult result = prober.run(List.of(probe(pa, "fd00:9::1"))).getFirst();

        // ping: "From fd00:1::254 icmp_seq=1 Destination unreachable: No route"
        String ping = exec("pa", "ping", "-c1", "-W2", "fd00:9::1").stdout();
        assertThat(ping).contains("From fd00:1::254 ").contains("Destination unreachable: No route");
        assertThat(result.failure()).hasValue("no route to destination, said fd00:1:0:0:0:0:0:254");
    }

    @Test
    void aRoutingLoopEndsInTimeExceededFromTheHopPingNames() {
        ProbeResult result = prober.run(List.of(probe(pa, "10.8.0.1"))).getFirst();

        // ping: "From 10.0.2.1 icmp_seq=1 Time to live exceeded"
        Matcher from = Pattern.compile("From (\\S+) .*Time to live exceeded")
                .matcher(exec("pa", "ping", "-c1", "-W2", "10.8.0.1").stdout());
        assertThat(from.find()).isTrue();
        assertThat(result.failure()).hasValue("ttl exceeded, said " + from.group(1));
    }

    @Test
    void anAddressNobodyHoldsGetsNoAnswerForTheWholeTime() {
        Duration within = Duration.ofMillis(700);
        long start = System.nanoTime();
        ProbeResult result = prober.run(List.of(new Probe(pa, address("10.0.0.99"), within, List.of()))).getFirst();
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(result).isEqualTo(new ProbeResult(Optional.empty(), Optional.empty(), Optional.empty(), true));
        assertThat(took).isGreaterThanOrEqualTo(within).isLessThan(within.plusSeconds(2));
        assertThat(exec("pa", "ping", "-c1", "-W1", "10.0.0.99").exitCode()).isNotZero();
    }

    @Test
    void aListenerBehindNatSeesTheTranslatedSourceAsTcpdumpDoes() {
        Shell.check("ip", "netns", "exec", "pr", "nft", "add table ip probe-nat { chain postrouting { "
                + "type nat hook postrouting priority srcnat; oifname \"r-c\" masquerade; }; }");
        try (Tcpdump capture = Tcpdump.start("pc", "c-r", false, "icmp[icmptype] == icmp-echo")) {
            ProbeResult result = prober.run(List.of(probe(pa, "10.0.2.1", pc))).getFirst();

            // "12:00:00.000000 IP 10.0.2.254 > 10.0.2.1: ICMP echo request, id 1, seq 1, length 28"
            String seen = capture.packet().split(" ")[2];
            assertThat(seen).isEqualTo("10.0.2.254");
            assertThat(result.seenFrom()).map(InetAddress::getHostAddress).hasValue(seen);
            assertThat(result.reply()).isPresent();
        } finally {
            Shell.check("ip", "netns", "exec", "pr", "nft", "delete", "table", "ip", "probe-nat");
        }
    }

    @Test
    void withoutNatTheListenerSeesTheSendersOwnAddress() {
        List<ProbeResult> results = prober.run(List.of(probe(pa, "10.0.2.1", pc), probe(pa, "fd00:2::1", pc)));

        assertThat(results.get(0).seenFrom()).map(InetAddress::getHostAddress).hasValue("10.0.1.1");
        assertThat(results.get(1).seenFrom()).map(InetAddress::getHostAddress).hasValue("fd00:1:0:0:0:0:0:1");
    }

    @Test
    void aNamespaceReachesItsOwnAddressesAndLoopback() {
        List<ProbeResult> results = prober.run(List.of(probe(pa, "10.0.0.1", pa), probe(pa, "127.0.0.1"),
                probe(pa, "::1"), probe(pa, "fd00:1::1")));

        assertThat(results).allSatisfy(result -> {
            assertThat(result.reply()).get().extracting(ProbeResult.Reply::ttl).isEqualTo(64);
            assertThat(result.failure()).isEmpty();
        });
        assertThat(results.getFirst().seenFrom()).map(InetAddress::getHostAddress).hasValue("10.0.0.1");
    }

    @Test
    void eachProbeIsSentFromTheNamespaceItNames() {
        // The sandbox's own namespace has no route to 10.0.0.0/24; pb is on that link.
        NetNamespace sandbox = lab.handle(null);
        List<ProbeResult> results = prober.run(List.of(probe(sandbox, "10.0.0.1"), probe(pb, "10.0.0.1")));

        assertThat(results.get(0).failure()).hasValue("network is unreachable (ENETUNREACH)");
        assertThat(Shell.run("ping", "-c1", "-W1", "10.0.0.1").exitCode()).isNotZero();
        assertThat(results.get(1).reply()).isPresent();
        assertThat(exec("pb", "ping", "-c1", "-W1", "10.0.0.1").exitCode()).isZero();
    }

    /**
     * Descriptors are compared as sets of what they point to: other threads of the test JVM
     * (an earlier test's event loop shutting down) may close theirs meanwhile, never open ours.
     */
    @Test
    void noDescriptorIsLeftOpen() throws Exception {
        Set<String> before = openDescriptors();
        try (Prober own = new Prober()) {
            own.run(List.of(probe(pa, "10.0.0.2"), probe(pa, "fd00::2", pb), probe(pb, "10.0.2.1")));
            assertThat(openDescriptors()).as("the loop's epoll, eventfd, timerfd").isNotEqualTo(before);
        }
        assertThat(openDescriptors()).isSubsetOf(before);

        Set<String> withProber = openDescriptors();
        prober.run(List.of(probe(pa, "10.0.0.2"), probe(pc, "fd00:1::1", pa)));
        assertThat(openDescriptors()).isSubsetOf(withProber);
    }

    /** Each open descriptor as "NUMBER -> what it points to" (socket:[inode], anon_inode:[eventpoll], ...). */
    private static Set<String> openDescriptors() throws Exception {
        Set<String> open = new HashSet<>();
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            for (Path fd : fds.toList()) {
                try {
                    open.add(fd.getFileName() + " -> " + Files.readSymbolicLink(fd));
                } catch (java.nio.file.NoSuchFileException e) {
                    // the listing's own descriptor, closed by now
                }
            }
        }
        return open;
    }

    @Test
    void noProbesNoWork() {
        assertThat(prober.run(List.of())).isEmpty();
    }
}
