package netlab.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import netlab.netlink.testing.Property;
import org.junit.jupiter.api.Test;

/**
 * The state file's text: every value is one word that cannot start a record, whatever bytes it
 * holds (issue 14, item 1: a path with newlines forged records); anything a netlab of this
 * version could not have written is refused with a one-line reason.
 */
class StateTextTest {
    private static final Set<String> KEYWORDS = Set.of("lab", "file", "since", "status", "group", "namespace", "link",
            "sysctl", "table");

    private static LabState lan(String file, String sysctlValue) {
        return new LabState("lan", file, Instant.parse("2026-11-23T11:00:00Z"), LabState.Status.UP, LabGroups.of("lan"),
                List.of(new LabState.NamespaceRecord("ns 1", 4026532281L, 8)), List.of("br0"),
                List.of(new LabState.SysctlRecord("net.ipv4.ping_group_range", sysctlValue)),
                List.of(new LabState.TableRecord("host", "ip", "netlab-lan"), new LabState.TableRecord("ns 1", "ip6",
                        "netlab-lan")), List.of());
    }

    private static LabState read(String text) {
        return StateText.read(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aPathThatHoldsRecordsIsOneWordAndReadsBackAsItWas() {
        String file = "/tmp/x\ntable host ip victim\nnamespace foreign 0\nlab /etc\n100% sure/ü/a.topo";
        LabState state = lan(file, "1\t0");

        String text = StateText.write(state);

        assertThat(text).startsWith("netlab-state 2\nlab lan\n"
                + "file /tmp/x%0Atable%20host%20ip%20victim%0Anamespace%20foreign%200%0Alab%20/etc%0A100%25%20sure/%C3%BC/a.topo\n")
                .contains("\nnamespace ns%201 4026532281 8\n", "\nsysctl net.ipv4.ping_group_range 1%090\n",
                        "\ntable ns%201 ip6 netlab-lan\n", "\nstatus up\n");
        assertThat(read(text)).isEqualTo(state);
    }

    @Test
    void changesToTheHostsLoReadBackOfTheirFamily() throws Exception {
        // ::ffff:10.0.0.1, which InetAddress would make IPv4.
        InetAddress mapped = Inet6Address.getByAddress(null, new byte[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, -1, -1, 10, 0, 0, 1}, -1);
        LabState state = lan("/a.topo", "0").withHostChanges(List.of(new HostChange.LoopbackMtu(65536),
                new HostChange.LoopbackAddress(InetAddress.ofLiteral("10.77.0.1"), 24),
                new HostChange.LoopbackAddress(InetAddress.ofLiteral("2001:db8::1"), 64),
                new HostChange.LoopbackNeighbour(InetAddress.ofLiteral("10.77.0.9"), "02:00:00:00:77:0a"),
                new HostChange.Route(InetAddress.ofLiteral("10.88.0.0"), 24, Optional.empty(), "lo", OptionalLong.empty()),
                new HostChange.Route(InetAddress.ofLiteral("0.0.0.0"), 0, Optional.of(InetAddress.ofLiteral("10.77.0.2")),
                        "", OptionalLong.of(7)),
                new HostChange.Route(mapped, 128, Optional.empty(), "lo", OptionalLong.of(1024))));

        String text = StateText.write(state);

        assertThat(text).contains("\nlo-mtu 65536\nlo-address 10.77.0.1 24\n", "\nhost-route 10.88.0.0 24  lo \n",
                "\nhost-route 0.0.0.0 0 10.77.0.2  7\n");
        LabState read = read(text);
        assertThat(read).isEqualTo(state);
        assertThat(((HostChange.Route) read.hostChanges().getLast()).destination()).isInstanceOf(Inet6Address.class);
    }

    @Test
    void anyValueReadsBackAndEveryLineStartsWithAKnownKeyword() {
        Property.forAll("state values", 500, random -> {
            StringBuilder value = new StringBuilder();
            int length = random.nextInt(40);
            for (int i = 0; i < length; i++) {
                // Control characters, blanks, '%', ASCII, Latin-1, and beyond the BMP.
                int[] picks = {random.nextInt(0x20), ' ', '%', '\n', 0x21 + random.nextInt(0x5e), 0xa0 + random.nextInt(0x60),
                        0x1f600 + random.nextInt(0x50)};
                value.appendCodePoint(picks[random.nextInt(picks.length)]);
            }
            LabState state = lan("/" + value, value.toString());

            String text = StateText.write(state);

            List<String> lines = text.lines().toList();
            assertThat(lines.getFirst()).isEqualTo("netlab-state 2");
            assertThat(lines.subList(1, lines.size())).hasSize(10)
                    .allSatisfy(line -> assertThat(KEYWORDS).contains(line.split(" ", -1)[0]));
            assertThat(read(text)).isEqualTo(state);
        });
    }

    @Test
    void everyDamageIsRefusedWithItsLine() {
        String good = StateText.write(lan("/a.topo", "0"));
        record Damage(String text, String reason) {}
        List<Damage> damages = List.of(
                new Damage("", "the file is empty"),
                new Damage(good.substring(0, good.length() - 1), "the last line is cut short"),
                new Damage(good.replace("netlab-state 2\n", ""), "a record without a version line, from an older netlab"),
                new Damage(good.replace("netlab-state 2", "netlab-state 3"), "state version 3, but this netlab reads version 2: written by a newer netlab"),
                new Damage("#!/bin/sh\n", "line 1: not a netlab state (no 'netlab-state' line)"),
                new Damage(good + "route 10.0.0.0/8\n", "line 12: unknown record 'route'"),
                new Damage(good + "link\n", "line 12: 'link' takes 1 value, not 0"),
                new Damage(good + "link a b\n", "line 12: 'link' takes 1 value, not 2"),
                new Damage(good + "lab other\n", "line 12: a second 'lab' record"),
                new Damage(good.replace("status up\n", ""), "no 'status' record"),
                new Damage(good.replace("status up", "status gone"), "line 5: unknown status 'gone'"),
                new Damage(good.replace("since 2026-11-23T11:00:00Z", "since yesterday"), "line 4: 'yesterday' is not a time"),
                new Damage(good.replaceFirst("group \\d+", "group 0"), "line 6: group 0 is the group of every interface, never a lab's"),
                new Damage(good.replaceFirst("group \\d+", "group 4294967296"), "line 6: 4294967296 is out of range"),
                new Damage(good.replaceFirst("group \\d+", "group -1"), "line 6: '-1' is not a number"),
                new Damage(good.replace("lab lan\n", "lab ../../etc\n"), "line 2: '../../etc' is not a plain file name"),
                new Damage(good.replace("namespace ns%201", "namespace a/b"), "line 7: 'a/b' is not a plain file name"),
                new Damage(good.replace("namespace ns%201", "namespace %2E%2E"), "line 7: '..' is not a plain file name"),
                new Damage(good + "namespace x 0 9\n", "line 12: inode 0 is no namespace's"),
                new Damage(good + "namespace x 9 18446744073709551616\n", "line 12: 18446744073709551616 is out of range"),
                new Damage(good + "lo-address 10.0.0.256 24\n", "line 12: '10.0.0.256' is not an IP address"),
                new Damage(good + "lo-address localhost 24\n", "line 12: 'localhost' is not an IP address"),
                new Damage(good + "lo-address 10.0.0.1 33\n", "line 12: 33 is out of range"),
                new Damage(good + "lo-neighbour 10.0.0.1 02:00:00:00:00\n", "line 12: '02:00:00:00:00' is not a MAC address"),
                new Damage(good + "host-route 10.0.0.0 8  eth0 \n", "line 12: a host route on 'eth0', which is not lo"),
                new Damage(good + "host-route 10.0.0.0 8 2001:db8::1 lo \n", "line 12: a route's gateway of another family than its destination"),
                new Damage(good + "link a%0Ab\n", "line 12: 'a?b' is not an interface name"),
                new Damage(good + "sysctl kernel.core_pattern x\n", "line 12: 'kernel.core_pattern' is not a network sysctl key"),
                new Damage(good + "table host ip victim\n", "line 12: table 'victim' is not lab lan's (netlab-lan)"),
                new Damage(good + "table host inet netlab-lan\n", "line 12: table family 'inet' is not ip, ip6 or netdev"),
                new Damage(good + "table other ip netlab-lan\n", "line 12: a table in 'other', which is neither the host nor a namespace of the lab"),
                new Damage(good + "link a%2\n", "line 12: '%' without two hex digits in 'a%2'"),
                new Damage(good + "link a%zz\n", "line 12: '%' without two hex digits in 'a%zz'"),
                new Damage(good + "link %FF\n", "line 12: '%FF' is not UTF-8 text"),
                new Damage(good + "link a\tb\n", "line 12: byte 0x09, which netlab never writes"),
                new Damage(good + "link \u00fc\n", "line 12: byte 0xc3, which netlab never writes"));

        for (Damage damage : damages) {
            assertThatThrownBy(() -> read(damage.text())).as(damage.text()).isInstanceOf(CorruptStateException.class)
                    .hasMessage(damage.reason());
        }
    }
}
