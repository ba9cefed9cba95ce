package netlab.contained;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import netlab.contained.Contained.Timed;
import netlab.testing.Json;
import netlab.testing.KernelState;
import netlab.testing.KernelTest;
import netlab.testing.NetlabRunner.Run;
import netlab.testing.Shell;
import netlab.testing.StateDiff;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 16's copies side by side: ten copies of lan.topo, brought up by root with
 * {@code up --name c0..c9}, several netlabs at a time, all come up; each passes its own
 * expectations; with the same addresses in every copy, c0's ns1 reaches c0's ns2 and no other
 * copy sees a packet of it; and the sandbox itself (its namespaces, links, addresses, routes,
 * sysctls, nf_tables ruleset) is the same while the copies are up as before them, and after
 * they are all down, with no holder, unshare or slirp4netns left running and nothing in
 * /run/netlab. Each copy's nodes have their own names, and the sandbox's /etc/netns does not
 * change.
 */
@KernelTest
class ContainedCopiesTest {
    private static final int COPIES = 10;
    private static final int AT_ONCE = 4;
    /** What ls's SINCE column holds, a time, once read. */
    private static final String SINCE = "YYYY-MM-DD hh:mm:ss";

    @TempDir
    Path directory;

    /** The sandbox's net.ipv4.ping_group_range, which the test widens. */
    private String pingRange;

    /**
     * slirp4netns, the copies' way out (lan.topo masquerades), forwards ICMP only for a group in
     * the machine's ping_group_range, and up warns when root's group 0 is not: as the warning
     * itself advises, the range is widened, so that up has nothing to say.
     */
    @BeforeEach
    void letRootsGroupPing() {
        pingRange = Shell.check("sysctl", "-n", "net.ipv4.ping_group_range").strip();
        Shell.check("sysctl", "-w", "net.ipv4.ping_group_range=0 2147483647");
    }

    @AfterEach
    void removeLabsLeftUp() {
        Contained.removeLabsLeftUp();
        Shell.check("sysctl", "-w", "net.ipv4.ping_group_range=" + pingRange);
    }

    private static List<String> copies() {
        return IntStream.range(0, COPIES).mapToObj(i -> "c" + i).toList();
    }

    @Test
    void tenCopiesUpAtOnceEachWorksAloneAndTheSandboxNeverChanges() throws Exception {
        assertThat(Contained.inProcess("ls").out()).isEqualTo("no lab is up\n");
        assertThat(SandboxProcesses.take()).isEqualTo(SandboxProcesses.NONE);
        KernelState before = Contained.sandboxState(directory.resolve("before"));
        List<String> locksBefore = Contained.tree(Path.of("/run/lock/netlab"));
        List<String> etcNetnsBefore = Contained.tree(Path.of("/etc/netns"));

        List<Timed> ups = Contained.concurrently(AT_ONCE,
                copies().stream().map(copy -> List.of("up", Contained.LAN, "--name", copy)).toList());

        assertThat(Contained.mostAtOnce(ups)).as("ups that ran at once").isEqualTo(AT_ONCE);
        for (int i = 0; i < COPIES; i++) {
            Shell.Result up = ups.get(i).result();
            assertThat(up.exitCode()).as("up --name c%d: %s", i, up.stderr()).isZero();
            assertThat(up.stdout().replaceFirst("\\(\\d+ ms\\)", "(N ms)")).isEqualTo(summary("c" + i));
            assertThat(up.stderr()).isEmpty();
        }
        assertThat(Contained.inProcess("ls").out().replaceAll("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d", SINCE))
                .isEqualTo(listing());
        assertThat(SandboxProcesses.take()).isEqualTo(new SandboxProcesses(copies(), COPIES, COPIES));
        assertThat(StateDiff.between(before, "before", Contained.sandboxState(directory.resolve("up")), "while up"))
                .as("the sandbox's own state while the copies are up").isEmpty();

        List<Timed> tests = Contained.concurrently(AT_ONCE, copies().stream().map(copy -> List.of("test", copy)).toList());

        for (int i = 0; i < COPIES; i++) {
            Shell.Result test = tests.get(i).result();
            assertThat(test.exitCode()).as("test c%d: %s%s", i, test.stdout(), test.stderr()).isZero();
            assertThat(test.stdout().replaceAll("in [0-9.]+ ms", "in T ms").replaceAll("\\([0-9.]+ s\\)", "(T s)"))
                    .isEqualTo(testReport("c" + i));
        }

        onlyC0sNs2SeesC0sNs1();
        eachCopysNodesHaveTheirOwnNamesAndTheSandboxsEtcNone(etcNetnsBefore);

        for (String copy : copies()) {
            Run down = Contained.inProcess("down", copy);
            assertThat(down.exitCode()).as("down %s: %s", copy, down.err()).isZero();
            assertThat(down.out()).isEqualTo("lab " + copy + " is down\n");
        }
        assertThat(Contained.inProcess("ls").out()).isEqualTo("no lab is up\n");
        assertThat(SandboxProcesses.take()).isEqualTo(SandboxProcesses.NONE);
        assertThat(Contained.tree(Path.of("/run/netlab"))).isEmpty();
        assertThat(Contained.tree(Path.of("/run/lock/netlab"))).isEqualTo(locksBefore);
        assertThat(StateDiff.between(before, "before", Contained.sandboxState(directory.resolve("after")), "after down"))
                .as("the sandbox's own state after the copies").isEmpty();
    }

    /**
     * Every copy's ns1 and ns2 have their names (exec's host name, and ns2 resolves in each
     * copy's ns1 through its /etc/netns/ns1/hosts), kept inside the copy's holder: the sandbox's
     * /etc/netns is what it was before the copies.
     */
    private void eachCopysNodesHaveTheirOwnNamesAndTheSandboxsEtcNone(List<String> etcNetnsBefore) {
        for (String copy : List.of("c0", "c9")) {
            for (String node : List.of("ns1", "ns2")) {
                Shell.Result hostname = Contained.netlab("exec", copy + ":" + node, "hostname");
                assertThat(hostname.stdout()).as("%s:%s %s", copy, node, hostname.stderr()).isEqualTo(node + "\n");
            }
            Shell.Result getent = Contained.netlab("exec", copy + ":ns1", "getent", "hosts", "ns2");
            assertThat(getent.stdout().split("\\s+")).as(getent.stderr()).startsWith("192.168.0.2", "ns2");
            Shell.Result ping = Contained.netlab("exec", copy + ":ns1", "ping", "-c", "1", "-W", "2", "ns2");
            assertThat(ping.exitCode()).as(ping.stdout() + ping.stderr()).isZero();
        }
        assertThat(Contained.tree(Path.of("/etc/netns"))).isEqualTo(etcNetnsBefore);
    }

    /**
     * c0's ns1 pings 192.168.0.2, which every copy's ns2 has: tcpdump on every copy's ns2 sees
     * the ARP exchange and the echo in c0 and no frame of c0's ns1 and no ICMP at all in the nine
     * others, and ns1's neighbour entry holds the MAC of c0's ns2, which is no other copy's.
     */
    private void onlyC0sNs2SeesC0sNs1() throws Exception {
        Map<String, String> macs = new LinkedHashMap<>();
        for (String copy : copies()) {
            macs.put(copy, mac(copy, "ns2"));
        }
        assertThat(new HashSet<>(macs.values())).as("the MACs of ns2's eth0 in the copies: %s", macs).hasSize(COPIES);
        Shell.Result c0ns2 = Contained.netlab("exec", "c0:ns2", "ip", "-j", "link", "show", "eth0");
        assertThat(Json.parse(c0ns2.stdout()).path(0).path("address").asText()).as(c0ns2.stderr()).isEqualTo(macs.get("c0"));
        // Without ns2's entry, ns1 asks for it: the ARP exchange shows in c0 too. ns2 forgets ns1
        // as well: its entry from c0's test, gone stale, would have it ask first (the exchange
        // the other way round, and ns1 learning ns2 from that request). ns2 first: between the
        // two flushes ns2's entry, still probing, would send ns1 a request and teach it ns2 again
        // (seen once in CI); ns1's probe teaching ns2 instead changes nothing captured.
        assertThat(Contained.inNode("c0", "ns2", "ip", "neigh", "flush", "all").exitCode()).isZero();
        assertThat(Contained.inNode("c0", "ns1", "ip", "neigh", "flush", "all").exitCode()).isZero();

        // c0's ns1 sends every frame of the exchange, or is its destination; the other copies'
        // nodes have their own ARP to do meanwhile (entries of their test going stale), never
        // with that MAC, and no ICMP.
        String filter = "icmp or ether host " + mac("c0", "ns1");
        Map<String, Capture> captures = new LinkedHashMap<>();
        List<String> seen;
        try {
            for (String copy : copies()) {
                captures.put(copy, Capture.start(copy, "ns2", "eth0", filter));
            }

            Shell.Result ping = Contained.netlab("exec", "c0:ns1", "ping", "-c", "1", "-W", "2", "192.168.0.2");

            assertThat(ping.exitCode()).as(ping.stdout() + ping.stderr()).isZero();
            assertThat(ping.stdout()).contains("1 packets transmitted, 1 received, 0% packet loss");
            captures.get("c0").awaitPacket("ICMP echo reply");
        } finally {
            seen = new ArrayList<>();
            for (Capture capture : captures.values()) {
                seen.add(String.join("\n", capture.stop()));
            }
        }
        assertThat(seen.getFirst().replaceAll("id \\d+", "id N")).isEqualTo(String.join("\n",
                "ARP, Request who-has 192.168.0.2 tell 192.168.0.1, length 28",
                "ARP, Reply 192.168.0.2 is-at " + macs.get("c0") + ", length 28",
                "IP 192.168.0.1 > 192.168.0.2: ICMP echo request, id N, seq 1, length 64",
                "IP 192.168.0.2 > 192.168.0.1: ICMP echo reply, id N, seq 1, length 64"));
        assertThat(seen.subList(1, COPIES)).as("what the other copies' ns2 saw").containsOnly("");
        for (String copy : copies().subList(1, COPIES)) {
            assertThat(captures.get(copy).said()).as(copy).contains("\n0 packets captured\n");
        }

        Shell.Result neighbour = Contained.netlab("exec", "c0:ns1", "ip", "-j", "neigh", "show", "192.168.0.2");
        JsonNode entries = Json.parse(neighbour.stdout());
        assertThat(entries).as(neighbour.stderr()).hasSize(1);
        assertThat(entries.path(0).path("dev").asText()).isEqualTo("eth0");
        assertThat(entries.path(0).path("lladdr").asText()).isEqualTo(macs.get("c0"));
    }

    /** The MAC of eth0 in {@code node} of {@code copy}, read without netlab. */
    private static String mac(String copy, String node) {
        Shell.Result link = Contained.inNode(copy, node, "ip", "-j", "link", "show", "eth0");
        assertThat(link.exitCode()).as(link.stderr()).isZero();
        return Json.parse(link.stdout()).path(0).path("address").asText();
    }

    private static String summary(String copy) {
        return "lab " + copy + " is up (N ms)\n"
                + "  host: br0[192.168.0.254/24] ns1-eth0 ns2-eth0\n"
                + "  node ns1: eth0[192.168.0.1/24]\n"
                + "  node ns2: eth0[192.168.0.2/24]\n"
                + "use it:  netlab exec " + copy + ":ns1 ip addr\n"
                + "see it:  netlab show " + copy + "\n"
                + "end it:  netlab down " + copy + "\n";
    }

    private static String listing() {
        StringBuilder text = new StringBuilder(String.format("%-20s %-7s %5s  %-20s %s%n", "LAB", "STATUS", "NODES", "SINCE", "FILE"));
        for (String copy : copies()) {
            text.append(String.format("%-20s %-7s %5d  %-20s %s%n", copy, "up", 2, SINCE, Contained.lanFile()));
        }
        return text.toString();
    }

    private static String testReport(String copy) {
        String file = Contained.lanFile();
        return "pass  " + file + ":18  ns1 reaches ns2:eth0 ttl 64       reply with ttl 64 in T ms\n"
                + "pass  " + file + ":19  ns2 reaches ns1:eth0 ttl 64       reply with ttl 64 in T ms\n"
                + "pass  " + file + ":20  ns1 reaches 192.168.0.254 ttl 64  reply with ttl 64 in T ms\n"
                + "pass  " + file + ":21  host reaches ns2:eth0             reply with ttl 64 in T ms\n"
                + "lab " + copy + ": 4 of 4 expectations passed (T s)\n";
    }
}
