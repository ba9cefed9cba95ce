package netlab.cli;

import static netlab.cli.Cli.netlab;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import netlab.testing.Json;
import netlab.testing.KernelTest;
import netlab.testing.KernelTraces;
import netlab.testing.NetlabRunner.Run;
import netlab.testing.Shell;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * impair lines measured by tools of their own: a rate of 1 Mbit/s carries 1 Mbit/s of UDP
 * (iperf3, within 15 %), a loss of 30 % loses 30 % of 1000 pings, counted as b's ICMP receives
 * them (within five standard deviations of the binomial: 300 +- 73), tc and nft show what netlab installed; delay where the
 * kernel has sch_netem, else the one-line refusal before any change (each test says which ran).
 */
@KernelTest
class ImpairTest {
    @TempDir
    static Path directory;
    private static KernelTraces before;

    @BeforeAll
    static void take() {
        before = KernelTraces.take();
    }

    @AfterAll
    static void nothingIsLeft() {
        assertThat(KernelTraces.take()).isEqualTo(before);
    }

    @Test
    void aRateOfOneMegabitCarriesOneMegabit() throws Exception {
        Path file = twoNodes("rate", "10.81.0", "rate 1mbit");
        up(file);
        try {
            JsonNode qdisc = Json.parse(Shell.check("tc", "-n", "a", "-j", "qdisc", "show", "dev", "eth0")).path(0);
            assertThat(qdisc.path("kind").asText()).isEqualTo("tbf");
            assertThat(qdisc.path("root").asBoolean()).isTrue();
            assertThat(qdisc.path("options").path("rate").asLong()).isEqualTo(125_000); // bytes per second
            assertThat(qdisc.path("options").path("burst").asLong()).isEqualTo(1514);

            double received = udpBitsPerSecondReceived("a", "b", "10.81.0.2", "5M");

            assertThat(received).as("bits per second received").isBetween(850_000.0, 1_150_000.0);
        } finally {
            down("rate");
        }
    }

    @Test
    void aLossOfThirtyPercentLosesThirtyPercent() throws Exception {
        Path file = twoNodes("loss", "10.82.0", "loss 30%");
        up(file);
        try {
            // The frames a sends are dropped as they arrive at b: silent to a, as on a wire.
            String ruleset = Shell.check("ip", "netns", "exec", "b", "nft", "list", "ruleset");
            assertThat(ruleset).contains("table netdev netlab-loss").contains("hook ingress device \"eth0\"")
                    .contains("numgen random mod 10000 < 3000 drop");
            assertThat(Shell.check("ip", "netns", "exec", "a", "nft", "list", "ruleset")).isEmpty();
            assertThat(netlab("show", "loss", "b").out())
                    .contains("  loss (table netdev netlab-loss):\n    impair-eth0: numgen random mod 10000 < 3000 drop\n");

            // Counted where the loss is: the echo requests b's ICMP received (its namespace's
            // /proc/net/snmp). ping's own "received" also loses replies that its socket had no
            // room for while a loaded machine kept ping off the CPU (one CI run: 382 of 1000).
            // The loss drops ARP too: were a to ask for b's MAC during the count, ping's requests would
            // wait in a's queue of unresolved packets and overflow it (one CI run: 399 of 1000 lost).
            // So a learns b first, and the count measures the loss alone.
            learnNeighbour("a", "10.82.0.2");
            long echoesBefore = icmpInEchos("b");
            Shell.Result ping = Shell.run("ip", "netns", "exec", "a", "ping", "-q", "-n", "-c", "1000", "-i", "0.002", "-W", "1",
                    "10.82.0.2");

            Matcher counts = Pattern.compile("(\\d+) packets transmitted, (\\d+) received").matcher(ping.stdout());
            assertThat(counts.find()).as(ping.stdout() + ping.stderr()).isTrue();
            assertThat(Integer.parseInt(counts.group(1))).isEqualTo(1000);
            long arrived = icmpInEchos("b") - echoesBefore;
            assertThat(1000 - arrived).as("pings lost of 1000 on the way to b").isBetween(227L, 373L);
            assertThat((long) Integer.parseInt(counts.group(2))).as("replies, at most one per echo that arrived")
                    .isLessThanOrEqualTo(arrived);
        } finally {
            down("loss");
        }
    }

    @Test
    void delayWhereTheKernelHasNetemElseOneLineAndNoChange() throws Exception {
        Path file = twoNodes("delay", "10.83.0", "delay 50ms");
        if (!kernelHasNetem()) {
            System.out.println("ImpairTest: this kernel has no sch_netem: the refusal is checked");
            KernelTraces without = KernelTraces.take();

            Run up = netlab("up", file.toString());

            assertThat(up.exitCode()).isEqualTo(ExitCodes.KERNEL);
            assertThat(up.err()).isEqualTo("netlab: lab delay: delay needs the kernel's sch_netem module (modprobe sch_netem), "
                    + "which this kernel does not have; netlab doctor lists what it lacks\n");
            assertThat(KernelTraces.take()).isEqualTo(without);
            return;
        }
        System.out.println("ImpairTest: this kernel has sch_netem: the delay is measured");
        up(file);
        try {
            Shell.Result ping = Shell.run("ip", "netns", "exec", "a", "ping", "-q", "-n", "-c", "5", "-i", "0.2", "10.83.0.2");
            Matcher rtt = Pattern.compile("= ([0-9.]+)/([0-9.]+)/").matcher(ping.stdout());
            assertThat(rtt.find()).as(ping.stdout()).isTrue();
            assertThat(Double.parseDouble(rtt.group(1))).as("the shortest round trip, ms").isBetween(49.0, 60.0);
        } finally {
            down("delay");
        }
    }

    /** Whether a netem qdisc can be made: tried on a veth of a throwaway namespace, an oracle of its own. */
    private static boolean kernelHasNetem() {
        return Shell.run("unshare", "--net", "sh", "-c",
                "ip link add v0 type veth peer name v1 && tc qdisc add dev v0 root netem delay 1ms").exitCode() == 0;
    }

    /** iperf3 UDP at {@code offered} from node {@code from} to {@code address} in {@code to}, for 2 s: what arrived. */
    private static double udpBitsPerSecondReceived(String from, String to, String address, String offered) throws Exception {
        Process server = new ProcessBuilder("ip", "netns", "exec", to, "iperf3", "-s", "-1").redirectErrorStream(true)
                .redirectOutput(directory.resolve("iperf3-server.out").toFile()).start();
        try {
            // The client starts once the server listens (ss, in the server's node): an early client
            // is refused, and iperf3's answer to that is no measurement at all.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (Shell.run("ip", "netns", "exec", to, "ss", "-Hltn", "sport", "=", ":5201").stdout().isBlank()) {
                assertThat(System.nanoTime()).as("iperf3 -s listens in " + to).isLessThan(deadline);
                Thread.sleep(20);
            }
            Shell.Result client = Shell.run("ip", "netns", "exec", from, "iperf3", "-c", address, "-u", "-b", offered, "-t", "2",
                    "-J");
            assertThat(client.exitCode()).as(client.stdout() + client.stderr()).isZero();
            JsonNode sum = Json.parse(client.stdout()).path("end").path("sum");
            assertThat(sum.path("seconds").asDouble()).as("seconds measured: " + client.stdout()).isGreaterThan(1.5);
            return sum.path("bits_per_second").asDouble() * (1 - sum.path("lost_percent").asDouble() / 100);
        } finally {
            server.destroy();
            server.waitFor(5, TimeUnit.SECONDS);
        }
    }

    /** Pings {@code address} from {@code node} once at a time until one is answered: then its MAC is known. */
    private static void learnNeighbour(String node, String address) {
        for (int attempt = 0; attempt < 40; attempt++) {
            if (Shell.run("ip", "netns", "exec", node, "ping", "-q", "-n", "-c", "1", "-W", "1", address).exitCode() == 0) {
                return;
            }
        }
        throw new AssertionError(node + " had no answer from " + address + " in 40 pings");
    }

    /** The echo requests node {@code node}'s ICMP has received (Icmp: InEchos of its /proc/net/snmp). */
    private static long icmpInEchos(String node) {
        String[] lines = Shell.check("ip", "netns", "exec", node, "cat", "/proc/net/snmp").split("\n");
        for (int i = 0; i + 1 < lines.length; i++) {
            if (lines[i].startsWith("Icmp: ") && lines[i + 1].startsWith("Icmp: ")) {
                java.util.List<String> names = java.util.List.of(lines[i].split(" "));
                return Long.parseLong(lines[i + 1].split(" ")[names.indexOf("InEchos")]);
            }
        }
        throw new AssertionError("no Icmp lines in /proc/net/snmp of " + node);
    }

    /** Lab {@code lab}: a on NET.1, b on NET.2, one veth, and a's end impaired with {@code impair}. */
    private static Path twoNodes(String lab, String net, String impair) throws java.io.IOException {
        return Files.writeString(directory.resolve(lab + ".topo"), "lab " + lab + "\nnode a\n  link eth0 to b:eth0 address "
                + net + ".1/24\n  impair eth0 " + impair + "\nnode b\n  address eth0 " + net + ".2/24\n");
    }

    private static void up(Path file) {
        Run up = netlab("up", file.toString());
        assertThat(up.exitCode()).as(up.err()).isEqualTo(ExitCodes.OK);
    }

    private static void down(String lab) {
        Run down = netlab("down", lab);
        assertThat(down.exitCode()).as(down.err()).isEqualTo(ExitCodes.OK);
    }
}
