package netlab.rootless;

import static netlab.rootless.Outcomes.succeeded;
import static netlab.rootless.RootlessSandbox.INTERNET;
import static netlab.rootless.RootlessSandbox.SANDBOX_ADDRESS;
import static netlab.rootless.RootlessSandbox.USER_A;
import static netlab.rootless.RootlessSandbox.netlab;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.stream.Stream;
import netlab.testing.KernelTest;
import netlab.testing.Shell;
import netlab.testing.ShippedTopologies;
import netlab.topology.dsl.TopologyReader;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.TestFactory;

/**
 * Seed 003 (topologies/rootless.topo), the network of a container run without root, as an
 * ordinary user has it: up as uid 65534, its expectations pass (8.8.8.8 answers the host with
 * TTL 255 from slirp4netns itself, the node behind it with 254), and a TCP connection from the
 * node reaches a service on 8.8.8.8, which sees the sandbox's own address; where the machine
 * does not let the user ping, up says so in one line and the lab still comes up. Every shipped
 * lab that only a lab in namespaces of its own can have ({@link ShippedTopologies#heldOnly()})
 * passes its expectations as an ordinary user's (netlab.labs checks the others as root's).
 */
@KernelTest
class RootlessSeedTest {
    private static final String FILE = "../topologies/rootless.topo";
    private static final int PORT = 80;
    @RegisterExtension
    static final RootlessSandbox SANDBOX = RootlessSandbox.withPrivateTun();

    @TestFactory
    Stream<DynamicTest> everyHeldOnlyShippedLabPassesItsExpectationsAsAnOrdinaryUsers() {
        assertThat(ShippedTopologies.heldOnly()).as("held-only shipped labs").contains(Path.of(FILE));
        return ShippedTopologies.heldOnly().stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
            var lab = TopologyReader.read(file);
            int expectations = lab.expectations().size();
            assertThat(expectations).as("expect statements in %s", file).isPositive();

            Shell.Result test = netlab(USER_A, "test", file.toString());

            assertThat(test.exitCode()).as("netlab test %s:%n%s%s", file, test.stdout(), test.stderr()).isZero();
            assertThat(test.stdout().lines().filter(line -> line.startsWith("pass  "))).hasSize(expectations);
            assertThat(test.stdout().lines().toList().getLast())
                    .startsWith("lab " + lab.name() + ": " + expectations + " of " + expectations + " expectations passed (");
            SANDBOX.assertNothingLeft(USER_A);
        }));
    }

    @Test
    void theContainerReachesTheInternetByPingAndTcp() {
        try (UpstreamListener listener = UpstreamListener.start(PORT)) {
            // The service first, from the sandbox itself: a failure below is then the lab's.
            assertThat(UpstreamListener.ask(PORT, "sandbox")).isEqualTo("heard sandbox from " + SANDBOX_ADDRESS + "\n");
            assertThat(succeeded(netlab(USER_A, "up", FILE))).startsWith("lab rootless is up (");

            String test = succeeded(netlab(USER_A, "test", "rootless"));
            assertThat(test.lines().filter(line -> line.startsWith("pass  ")).map(RootlessSeedTest::verdict)).containsExactly(
                    "container reaches 10.0.3.1 ttl 64 | reply with ttl 64",
                    "host reaches container:eth0 ttl 64 | reply with ttl 64",
                    "host reaches 8.8.8.8 ttl 255 | reply with ttl 255",
                    "container reaches 8.8.8.8 ttl 254 | reply with ttl 254");
            assertThat(test.lines().toList().getLast()).startsWith("lab rootless: 4 of 4 expectations passed (");
            // slirp4netns connects from the sandbox with a socket of the user's: the internet sees the sandbox.
            assertThat(succeeded(netlab(USER_A, "exec", "container", "timeout", "10", "bash", "-c",
                    "exec 3<>/dev/tcp/" + INTERNET + "/" + PORT + " && echo container >&3 && cat <&3")))
                    .isEqualTo("heard container from " + SANDBOX_ADDRESS + "\n");

            assertThat(succeeded(netlab(USER_A, "down", "rootless"))).isEqualTo("lab rootless is down\n");
        }
        SANDBOX.assertNothingLeft(USER_A);
    }

    @Test
    void whereTheUserMayNotPingUpSaysSoInOneLineAndTheLabComesUp() {
        RootlessSandbox.setPingRange("1 0");
        try {
            Shell.Result up = netlab(USER_A, "up", FILE);

            assertThat(up.exitCode()).as(up.stderr()).isZero();
            assertThat(up.stderr()).isEqualTo("netlab: ping through tap0 will fail: your group " + USER_A
                    + " is not in net.ipv4.ping_group_range (1 0); as root once: "
                    + "sysctl -w net.ipv4.ping_group_range=\"0 2147483647\"\n");
            assertThat(up.stdout()).startsWith("lab rootless is up (");
            // The warning is true: exactly the expectations through tap0 fail; the lab itself works.
            Shell.Result test = netlab(USER_A, "test", "rootless");
            assertThat(test.exitCode()).as(test.stdout()).isEqualTo(1);
            assertThat(test.stdout().lines().filter(line -> line.startsWith("FAIL  ")).map(RootlessSeedTest::statement))
                    .containsExactly("host reaches 8.8.8.8 ttl 255", "container reaches 8.8.8.8 ttl 254");
            assertThat(test.stdout().lines().filter(line -> line.startsWith("pass  "))).hasSize(2);
        } finally {
            RootlessSandbox.setPingRange(RootlessSandbox.USER_B + " " + USER_A);
        }
        assertThat(succeeded(netlab(USER_A, "down", "rootless"))).isEqualTo("lab rootless is down\n");
        SANDBOX.assertNothingLeft(USER_A);
    }

    /** A report line's statement: {@code pass  FILE:LINE  STATEMENT   RESULT}. */
    private static String statement(String line) {
        return line.split(" {2,}")[2];
    }

    /** A report line's statement and result, without the time it took. */
    private static String verdict(String line) {
        String[] fields = line.split(" {2,}");
        return fields[2] + " | " + fields[3].replaceAll(" in [0-9.]+ m?s$", "");
    }
}
