package netlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import netlab.testing.KernelTest;
import netlab.testing.KernelTraces;
import netlab.testing.NetlabRunner.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * up looks every sysctl key up before it changes anything, where it will be set: a node's in a
 * new namespace (what every node starts as), the host's in the host, a key of one of the lab's
 * interfaces as lo's. A key this kernel lacks there, cannot write or that is a group is a file
 * error at its statement (exit 3), with the closest existing key; it used to fail after steps
 * were made ("cannot read /proc/sys/...", exit 4).
 */
@KernelTest
class SysctlKeysTest {
    @TempDir
    Path directory;

    @Test
    void everyKeyIsLookedUpBeforeAnyChange() throws Exception {
        Path file = Files.writeString(directory.resolve("keys.topo"), """
                lab keys
                host
                  bridge brk 10.6.0.1/24
                  sysctl net.ipv4.ip_fowrard=1
                  sysctl net.ipv4.conf.brk.proxy_arpp=1
                  sysctl net.ipv4.conf.brk.proxy_arp=1
                  sysctl net.ipv4.conf.eth9.forwarding=1
                node a
                  link eth0 to brk address 10.6.0.2/24
                  sysctl net.ipv4.conf.eth0.fowarding=1
                  sysctl net.ipv6.conf.eth0.accept_dad=0
                  sysctl net.core.rmem_max=1000000
                  sysctl net.ipv4.conf.all=1
                  sysctl net.ipv5.ip_forward=1
                """);
        KernelTraces before = KernelTraces.take();

        Run up = Cli.netlab("up", file.toString());

        assertThat(up.exitCode()).as(up.err()).isEqualTo(ExitCodes.TOPOLOGY);
        assertThat(up.err().lines().filter(line -> line.startsWith(file.toString())).toList()).containsExactly(
                file + ":4:3: the host has no sysctl net.ipv4.ip_fowrard (did you mean 'net.ipv4.ip_forward'?)",
                // The lab's brk does not exist yet: its key is looked up as lo's, suggested as brk's.
                file + ":5:3: the host has no sysctl net.ipv4.conf.brk.proxy_arpp (did you mean "
                        + "'net.ipv4.conf.brk.proxy_arp'?)",
                file + ":7:3: the host has no interface eth9 (this machine's interfaces: lo)",
                file + ":10:3: a node's namespace has no sysctl net.ipv4.conf.eth0.fowarding (did you mean "
                        + "'net.ipv4.conf.eth0.forwarding'?)",
                // The host may write it; a node's namespace only reads it.
                file + ":12:3: sysctl net.core.rmem_max is read-only in a node's namespace",
                file + ":13:3: sysctl net.ipv4.conf.all is a group of settings, not one",
                file + ":14:3: a node's namespace has no sysctl net.ipv5.ip_forward (did you mean 'net.ipv4.ip_forward'?)");
        assertThat(up.err()).contains("\n    sysctl net.ipv4.ip_fowrard=1\n    ^\n");
        assertThat(KernelTraces.take()).isEqualTo(before);
    }

    @Test
    void keysOfANodesOwnInterfacesAreFoundAndSet() throws Exception {
        Path file = Files.writeString(directory.resolve("good.topo"), """
                lab good
                host
                  bridge brg 10.7.0.1/24
                node a
                  link eth0 to brg address 10.7.0.2/24
                  sysctl net.ipv4.neigh.eth0.gc_stale_time=30
                  sysctl net.ipv6.conf.eth0.accept_dad=0
                """);

        Run up = Cli.netlab("up", file.toString());
        try {
            assertThat(up.exitCode()).as(up.err()).isEqualTo(ExitCodes.OK);
            assertThat(netlab.testing.Shell.check("ip", "netns", "exec", "a", "cat",
                    "/proc/sys/net/ipv4/neigh/eth0/gc_stale_time").strip()).isEqualTo("30");
        } finally {
            Cli.netlab("down", "good");
        }
    }
}
