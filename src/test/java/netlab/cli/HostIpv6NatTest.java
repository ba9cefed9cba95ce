package netlab.cli;

import static netlab.cli.Cli.netlab;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import netlab.testing.KernelTest;
import netlab.testing.LeavesNoLab;
import netlab.testing.NetlabRunner.Run;
import netlab.testing.Shell;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * IPv6 NAT in the host block: once check passed it and up failed with a refusal the kernel never
 * made. Now the host gets an ip6 table of the lab's, which nft lists as the file says, and down
 * removes it with the rest.
 */
@KernelTest
@ExtendWith(LeavesNoLab.class)
class HostIpv6NatTest {
    @TempDir
    Path directory;

    @Test
    void anIpv6MasqueradeInTheHostIsBuiltListedAndRemoved() throws Exception {
        Path file = Cli.topology(directory, "v6.topo", """
                lab v6
                host
                  bridge v6br fd00:1::1/64
                  masquerade src fd00:1::/64
                  snat 2001:db8::1 src fd00:1::5 out v6br
                node n1
                  link eth0 to v6br address fd00:1::5/64
                """);

        Run up = netlab("up", file.toString());

        assertThat(up.exitCode()).as(up.err()).isZero();
        assertThat(Shell.check("nft", "list", "table", "ip6", "netlab-v6")).contains(
                "ip6 saddr fd00:1::/64 ip6 daddr != fd00:1::/64 masquerade",
                "oifname \"v6br\" ip6 saddr fd00:1::5 snat to 2001:db8::1");
        assertThat(Shell.check("nft", "list", "tables")).doesNotContain("table ip netlab-v6\n");
        assertThat(netlab("show", "v6").out()).contains("ip6 saddr fd00:1::/64 ip6 daddr != fd00:1::/64 masquerade");

        Run down = netlab("down", "v6");

        assertThat(down.exitCode()).as(down.err()).isZero();
        assertThat(Shell.check("nft", "list", "tables")).doesNotContain("netlab-v6");
    }
}
