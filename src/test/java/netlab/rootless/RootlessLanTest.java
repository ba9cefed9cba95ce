package netlab.rootless;

import static netlab.rootless.Outcomes.answered;
import static netlab.rootless.Outcomes.succeeded;
import static netlab.rootless.RootlessSandbox.LAN;
import static netlab.rootless.RootlessSandbox.USER_A;
import static netlab.rootless.RootlessSandbox.netlab;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.regex.Pattern;
import netlab.testing.KernelTest;
import netlab.testing.KernelTraces;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * An ordinary user's lan.topo (docs/rootless.md): uid 65534 brings it up without sudo; its nodes
 * reach each other, its expectations pass, {@code ls} lists it, a node reaches the internet
 * through slirp4netns; nothing of it is in the sandbox's own namespaces while it is up; and
 * {@code down} leaves nothing of the user's.
 */
@KernelTest
class RootlessLanTest {
    @RegisterExtension
    static final RootlessSandbox SANDBOX = RootlessSandbox.withPrivateTun();

    @Test
    void anOrdinaryUsersLanWorksWhereOnlyTheUserSeesItAndLeavesNothing() {
        assertThat(succeeded(netlab(USER_A, "up", LAN))).startsWith("lab lan is up (");

        answered(netlab(USER_A, "exec", "ns1", "ping", "-c1", "-W5", "192.168.0.2"), "192.168.0.2", 64);
        // The nodes' names, in the holder's own /etc (the sandbox's /etc/netns is in KernelTraces below).
        assertThat(succeeded(netlab(USER_A, "exec", "ns2", "hostname"))).isEqualTo("ns2\n");
        assertThat(succeeded(netlab(USER_A, "exec", "ns1", "ping", "-c1", "-W5", "ns2")))
                .contains("bytes from ns2 (192.168.0.2): icmp_seq=1 ttl=64 ");
        String test = succeeded(netlab(USER_A, "test", "lan"));
        assertThat(test.lines().filter(line -> line.startsWith("pass  "))).hasSize(4);
        assertThat(test.lines().toList().getLast()).startsWith("lab lan: 4 of 4 expectations passed (");
        assertThat(succeeded(netlab(USER_A, "ls"))).matches("LAB +STATUS +NODES +SINCE +FILE\n"
                + "lan +up +2  \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d  "
                + Pattern.quote(Path.of(LAN).toAbsolutePath().normalize().toString()) + "\n");
        // The host masquerades ns1 out of tap0; slirp4netns answers for 8.8.8.8 (TTL 255), one hop away.
        answered(netlab(USER_A, "exec", "ns1", "ping", "-c1", "-W5", RootlessSandbox.INTERNET), RootlessSandbox.INTERNET,
                254);
        assertThat(KernelTraces.take()).as("the sandbox while the lab is up").isEqualTo(SANDBOX.before());

        assertThat(succeeded(netlab(USER_A, "down", "lan"))).isEqualTo("lab lan is down\n");
        SANDBOX.assertNothingLeft(USER_A);
    }
}
