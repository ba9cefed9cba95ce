package netlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import netlab.state.LabState;
import netlab.state.StateStore;
import netlab.testing.KernelTest;
import netlab.testing.LeavesNoLab;
import netlab.testing.NetlabRunner;
import netlab.testing.NetlabRunner.Run;
import netlab.testing.Shell;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A broken lab is shown as far as it exists, not refused. The lab is broken as a {@code down}
 * killed half way leaves it: its record says going-down and ns2 is gone (with ns2's veth pair,
 * host end included), while the host's bridge, ns1 and the NAT table are still there. The MACs
 * are netlab's own choice from the names, so the whole text is known.
 */
@KernelTest
@ExtendWith(LeavesNoLab.class)
class ShowBrokenLabTest {
    private static final String SHOWN = """
            lab lan (broken: interrupted while brought up or down; shown as far as it exists; remove it with: netlab down lan)

            host
              INTERFACE  STATE  MAC                MTU   KIND    MASTER  PEER      ADDRESSES
              br0        UP     2a:b1:b5:6f:b2:de  1500  bridge  -       -         192.168.0.254/24
              ns1-eth0   UP     7a:be:71:39:33:ce  1500  veth    br0     ns1:eth0
              routes:
                192.168.0.0/24 dev br0 proto kernel scope link src 192.168.0.254
              neighbours: none
              nat (table ip netlab-lan):
                postrouting: ip saddr 192.168.0.0/24 ip daddr != 192.168.0.0/24 masquerade
              sysctls set by the lab (live values):
                net.ipv4.ip_forward = 1

            ns1
              INTERFACE  STATE    MAC                MTU    KIND  MASTER  PEER           ADDRESSES
              lo         UNKNOWN  00:00:00:00:00:00  65536  -     -       -              127.0.0.1/8 ::1/128
              eth0       UP       42:4c:c7:8e:40:ab  1500   veth  -       host:ns1-eth0  192.168.0.1/24
              routes:
                default via 192.168.0.254 dev eth0 proto 211
                192.168.0.0/24 dev eth0 proto kernel scope link src 192.168.0.1
              neighbours: none

            ns2
              cannot read: namespace ns2 is gone
            """;

    private static Run netlab(String... args) {
        return NetlabRunner.inProcess(args);
    }

    @Test
    void aLabWhoseFileIsGoneMarksOnlyRoutesAndSaysWhy(@TempDir Path directory) throws Exception {
        Path file = Files.copy(Path.of("../topologies/lan.topo"), directory.resolve("lan.topo"));
        Run up = netlab("up", file.toString());
        assertThat(up.exitCode()).as(up.err()).isZero();
        try {
            Files.delete(file);
            Shell.check("ip", "-n", "ns1", "addr", "add", "10.1.1.1/24", "dev", "eth0");
            Shell.check("ip", "-n", "ns1", "route", "add", "10.9.0.0/16", "via", "192.168.0.254");

            Run show = netlab("show", "lan", "ns1");
            assertThat(show.exitCode()).as(show.err()).isZero();
            assertThat(show.out()).isEqualTo("lab lan\n  not compared with the lab's plan (" + file
                    + " is gone): only routes are marked as made by hand\n\nns1\n" + """
                      INTERFACE  STATE    MAC                MTU    KIND  MASTER  PEER           ADDRESSES
                      lo         UNKNOWN  00:00:00:00:00:00  65536  -     -       -              127.0.0.1/8 ::1/128
                      eth0       UP       42:4c:c7:8e:40:ab  1500   veth  -       host:ns1-eth0  192.168.0.1/24 10.1.1.1/24
                      routes:
                        default via 192.168.0.254 dev eth0 proto 211
                        10.1.1.0/24 dev eth0 proto kernel scope link src 10.1.1.1
                        10.9.0.0/16 via 192.168.0.254 dev eth0
                        192.168.0.0/24 dev eth0 proto kernel scope link src 192.168.0.1
                      neighbours: none
                      made by hand since up (not the lab's):
                        route 10.9.0.0/16 via 192.168.0.254 dev eth0
                    """);
            // The oracle: the one route ip route add made (proto boot), and the address is there.
            assertThat(Shell.check("ip", "-n", "ns1", "route", "show", "proto", "boot"))
                    .isEqualTo("10.9.0.0/16 via 192.168.0.254 dev eth0 \n");
            // (eth0@ifN: the host end's ifindex depends on what the sandbox made before.)
            assertThat(Shell.check("ip", "-n", "ns1", "-br", "addr", "show", "eth0").split("\\s+"))
                    .containsExactly(Shell.check("ip", "-n", "ns1", "-br", "link", "show", "eth0").split("\\s+")[0],
                            "UP", "192.168.0.1/24", "10.1.1.1/24");

            JsonNode json = new ObjectMapper().readTree(netlab("show", "--json", "lan").out());
            assertThat(json.get("not_compared").asText()).isEqualTo(file + " is gone");
        } finally {
            Run down = netlab("down", "lan");
            assertThat(down.exitCode()).as(down.err()).isZero();
        }
    }

    @Test
    void aLabHalfTakenDownIsShownAsFarAsItExists() throws Exception {
        Run up = netlab("up", "../topologies/lan.topo");
        assertThat(up.exitCode()).as(up.err()).isZero();
        StateStore store = StateStore.system(); // /run/netlab, private to the sandbox
        LabState state = store.load("lan").orElseThrow();
        long recorded = state.namespaces().get(1).inode();
        store.save(state.withStatus(LabState.Status.GOING_DOWN));
        // The pair first: the kernel dismantles a deleted namespace's devices later, in a work queue.
        Shell.check("ip", "link", "del", "ns2-eth0");
        Shell.check("ip", "netns", "del", "ns2");
        try {
            // The oracle: what is left, as ip sees it.
            assertThat(Shell.check("ip", "netns", "list")).startsWith("ns1").doesNotContain("ns2");
            assertThat(Shell.run("ip", "link", "show", "ns2-eth0").exitCode()).isNotZero();
            assertThat(Shell.check("ip", "-br", "link", "show", "master", "br0")).startsWith("ns1-eth0@if2 ")
                    .hasLineCount(1);

            Run show = netlab("show", "lan");
            assertThat(show.exitCode()).as(show.err()).isZero();
            assertThat(show.err()).isEmpty();
            assertThat(show.out()).isEqualTo(SHOWN);

            Run ns2 = netlab("show", "lan", "ns2");
            assertThat(ns2.out()).isEqualTo("lab lan (broken: interrupted while brought up or down; shown as far as it "
                    + "exists; remove it with: netlab down lan)\n\nns2\n  cannot read: namespace ns2 is gone\n");

            JsonNode json = new ObjectMapper().readTree(netlab("show", "--json", "lan").out());
            assertThat(json.get("schema_version").asInt()).isEqualTo(1);
            assertThat(json.get("status").asText()).isEqualTo("broken");
            JsonNode gone = json.get("nodes").get(2);
            assertThat(gone.get("name").asText()).isEqualTo("ns2");
            assertThat(gone.get("problems").toString()).isEqualTo("[\"namespace ns2 is gone\"]");
            assertThat(gone.get("interfaces")).isEmpty();

            JsonNode ls = new ObjectMapper().readTree(netlab("ls", "--json").out());
            assertThat(ls.get("labs")).hasSize(1);
            assertThat(ls.get("labs").get(0).get("status").asText()).isEqualTo("broken");

            // A same-named namespace made since is a stranger: named, never read. The kernel may give
            // it the freed inode number, so the cookie may be what tells them apart.
            Shell.check("ip", "netns", "add", "ns2");
            try {
                String inode = Shell.check("stat", "-L", "-c", "%i", "/run/netns/ns2").strip();
                Run stranger = netlab("show", "lan", "ns2");
                assertThat(stranger.exitCode()).as(stranger.err()).isZero();
                assertThat(stranger.out()).containsPattern(inode.equals(Long.toString(recorded))
                        ? "\nns2\n  cannot read: namespace ns2 is not the one the lab made \\(cookie \\d+, recorded \\d+\\)\n$"
                        : "\nns2\n  cannot read: namespace ns2 is not the one the lab made \\(inode " + inode + ", recorded "
                                + recorded + "\\)\n$");
            } finally {
                Shell.check("ip", "netns", "del", "ns2");
            }
        } finally {
            Run down = netlab("down", "lan");
            assertThat(down.exitCode()).as(down.err()).isZero();
        }
    }
}
