package netlab.rootless;

import static netlab.rootless.Outcomes.answered;
import static netlab.rootless.Outcomes.succeeded;
import static netlab.rootless.RootlessSandbox.INTERNET;
import static netlab.rootless.RootlessSandbox.LAN;
import static netlab.rootless.RootlessSandbox.USER_A;
import static netlab.rootless.RootlessSandbox.netlab;
import static org.assertj.core.api.Assertions.assertThat;

import netlab.testing.KernelTest;
import netlab.testing.Shell;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Where the user cannot open /dev/net/tun (mode 0600, as Debian ships it), a lab that goes out
 * through its host still comes up without a way out: {@code up} says so in one line, the nodes
 * reach each other, nothing leaves the lab, and {@code down} leaves nothing.
 */
@KernelTest
class NoTunTest {
    @RegisterExtension
    static final RootlessSandbox SANDBOX = RootlessSandbox.withRootOnlyTun();

    @Test
    void upSaysThereIsNoWayOutAndTheLabComesUpWithoutOne() {
        Shell.Result up = netlab(USER_A, "up", LAN);

        assertThat(up.exitCode()).as(up.stderr()).isZero();
        assertThat(up.stderr()).isEqualTo("netlab: /dev/net/tun cannot be opened here (EACCES (Permission denied)), "
                + "so this lab has no way out through tap0 (ask the admin: chmod 0666 /dev/net/tun)\n");
        assertThat(up.stdout()).startsWith("lab lan is up (");
        answered(netlab(USER_A, "exec", "ns1", "ping", "-c1", "-W5", "192.168.0.2"), "192.168.0.2", 64);
        Shell.Result out = netlab(USER_A, "exec", "ns1", "ping", "-c1", "-W1", INTERNET);
        assertThat(out.exitCode()).as("ping %s without a way out: %s", INTERNET, out.stdout()).isNotZero();
        assertThat(out.stdout()).contains("1 packets transmitted, 0 received");
        assertThat(RootlessSandbox.processesOf(USER_A)).as("unshare and the holder, no slirp4netns").hasSize(2)
                .noneMatch(process -> process.command().contains("slirp4netns"));

        assertThat(succeeded(netlab(USER_A, "down", "lan"))).isEqualTo("lab lan is down\n");
        SANDBOX.assertNothingLeft(USER_A);
    }

    /** A lab whose NAT names tap0 (the seed's) cannot do without it: refused, and nothing is left. */
    @Test
    void aLabThatGoesOutThroughTap0ByNameIsRefused() {
        Shell.Result up = netlab(USER_A, "up", "../topologies/rootless.topo");

        assertThat(up.exitCode()).as(up.stderr()).isEqualTo(6);
        assertThat(up.stdout()).isEmpty();
        assertThat(up.stderr()).isEqualTo("netlab: /dev/net/tun cannot be opened here (EACCES (Permission denied)), "
                + "so this lab has no way out through tap0 (ask the admin: chmod 0666 /dev/net/tun); this lab's NAT "
                + "goes out through tap0, so it cannot come up without it\n");
        SANDBOX.assertNothingLeft(USER_A);
    }
}
