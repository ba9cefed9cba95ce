package netlab.state;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import netlab.state.StateText.Line;

/**
 * The records of {@link HostChange}s, written and read back:
 *
 * <pre>
 * lo-address 10.77.0.1 24
 * lo-neighbour 2001:db8:77:0:0:0:0:9 02:00:00:00:77:09
 * lo-mtu 65536
 * host-route 10.88.0.0 24 GATEWAY DEVICE METRIC    (an empty word when there is none; DEVICE is lo)
 * etc-netns ns1
 * etc-netns-dir
 * </pre>
 *
 * An address is read as a literal only (never looked up), and an IPv6 one stays IPv6 (an
 * IPv4-mapped address too), so the deletion {@code down} sends is of the family the lab added.
 */
final class HostChangeRecords {
    private static final String MAC = "([0-9a-f]{2}:){5}[0-9a-f]{2}";

    private HostChangeRecords() {}

    /** The keyword and the values of {@code change}'s record. */
    static List<String> record(HostChange change) {
        return switch (change) {
            case HostChange.LoopbackAddress a -> List.of("lo-address", text(a.address()), Integer.toString(a.prefixLength()));
            case HostChange.LoopbackNeighbour n -> List.of("lo-neighbour", text(n.address()), n.lladdr());
            case HostChange.LoopbackMtu m -> List.of("lo-mtu", Integer.toString(m.oldMtu()));
            case HostChange.Route r -> List.of("host-route", text(r.destination()), Integer.toString(r.prefixLength()),
                    r.gateway().map(HostChangeRecords::text).orElse(""), r.device(),
                    r.metric().isPresent() ? Long.toString(r.metric().getAsLong()) : "");
            case HostChange.EtcNetns e -> List.of("etc-netns", e.node());
            case HostChange.EtcNetnsDirectory d -> List.of("etc-netns-dir");
        };
    }

    /** The change {@code line} records (its keyword is one of this class's). */
    static HostChange read(Line line) {
        return switch (line.keyword()) {
            case "lo-address" -> {
                InetAddress address = address(line, 0);
                yield new HostChange.LoopbackAddress(address, prefixLength(line, 1, address));
            }
            case "lo-neighbour" -> {
                if (!line.value(1).matches(MAC)) {
                    throw line.problem("'" + StateWords.shown(line.value(1)) + "' is not a MAC address");
                }
                yield new HostChange.LoopbackNeighbour(address(line, 0), line.value(1));
            }
            case "lo-mtu" -> new HostChange.LoopbackMtu((int) StateRecords.number(line, 0, Integer.MAX_VALUE));
            case "host-route" -> route(line);
            case "etc-netns" -> {
                String problem = RecordNames.pathElementProblem(line.value(0));
                if (problem != null) {
                    throw line.problem(problem);
                }
                yield new HostChange.EtcNetns(line.value(0));
            }
            case "etc-netns-dir" -> new HostChange.EtcNetnsDirectory();
            default -> throw line.problem("unknown record '" + line.keyword() + "'");
        };
    }

    private static HostChange.Route route(Line line) {
        InetAddress destination = address(line, 0);
        int prefixLength = prefixLength(line, 1, destination);
        Optional<InetAddress> gateway = line.value(2).isEmpty() ? Optional.empty() : Optional.of(address(line, 2));
        if (gateway.isPresent() && gateway.get().getClass() != destination.getClass()) {
            throw line.problem("a route's gateway of another family than its destination");
        }
        String device = line.value(3);
        if (!device.isEmpty() && !device.equals("lo")) {
            throw line.problem("a host route on '" + StateWords.shown(device) + "', which is not lo");
        }
        OptionalLong metric = line.value(4).isEmpty() ? OptionalLong.empty()
                : OptionalLong.of(StateRecords.number(line, 4, 0xffff_ffffL));
        return new HostChange.Route(destination, prefixLength, gateway, device, metric);
    }

    private static String text(InetAddress address) {
        return address.getHostAddress();
    }

    private static InetAddress address(Line line, int index) {
        String text = line.value(index);
        try {
            byte[] bytes = InetAddress.ofLiteral(text).getAddress();
            if (!text.contains(":")) {
                return InetAddress.getByAddress(bytes);
            }
            if (bytes.length == 4) { // ::ffff:a.b.c.d, which the JDK reads as IPv4
                byte[] mapped = new byte[16];
                mapped[10] = (byte) 0xff;
                mapped[11] = (byte) 0xff;
                System.arraycopy(bytes, 0, mapped, 12, 4);
                bytes = mapped;
            }
            return Inet6Address.getByAddress(null, bytes, -1);
        } catch (IllegalArgumentException | UnknownHostException e) {
            throw line.problem("'" + StateWords.shown(text) + "' is not an IP address");
        }
    }

    private static int prefixLength(Line line, int index, InetAddress address) {
        return (int) StateRecords.number(line, index, address instanceof Inet4Address ? 32 : 128);
    }
}
