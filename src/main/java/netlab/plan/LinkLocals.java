package netlab.plan;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import netlab.topology.Cidr;
import netlab.topology.Endpoint;
import netlab.topology.Macs;
import netlab.topology.Mtus;
import netlab.topology.NetInterface;
import netlab.topology.NetInterface.Loopback;
import netlab.topology.Node;
import netlab.topology.Route;

/**
 * IPv6 link-local addresses: which interfaces get one, and who makes it.
 *
 * <p>A router needs its link-local address at once: it solicits a neighbour for a packet it
 * forwards from that address, and sends no solicitation at all while the address is tentative
 * (duplicate address detection, one to two seconds after the link comes up with the kernel's
 * own). So on an interface the file gives IPv6, in a node whose sysctls turn IPv6 forwarding on,
 * and in the host (whose own forwarding netlab cannot know when planning), the kernel makes none
 * ({@code addrgenmode none}) and netlab adds the very address the kernel would have made
 * (fe80::/64 with the MAC's modified EUI-64), {@code nodad} like every address of the lab.
 * Detection has nothing to find: netlab chose every MAC of the lab, all different.
 *
 * <p>Every other node keeps the kernel's own: its traffic never needs it (it solicits from the
 * address its packet comes from), and a usable link-local address sets off at once the multicast
 * the kernel held back for it (listener reports, router solicitations), flooded to every port
 * of a bridge while the kernel holds the rtnl lock. Given to every node of a dual-stack
 * star-1000, it made {@code up} wait 9 to 14 s for that flood; the kernel's own spreads it over
 * the seconds after {@code up}, and traffic flows meanwhile. Other ways to ready a router cost more:
 * waiting until nothing is tentative adds 1.0 to 1.8 s to every IPv6 lab's {@code up};
 * {@code accept_dad=0} needs a sysctl per namespace and per host interface (which does not even
 * help on a host whose {@code all.accept_dad} is on), and the kernel still clears the tentative
 * mark later, from a work queue.
 *
 * <p>An interface without IPv6 in the file (an IPv4 one, a bridge port) gets none, and in a lab
 * without IPv6 that is every interface: its solicitations would only multicast to every port of a
 * bridge, work that grows with the square of a star's size, and teach nothing there. {@code lo}
 * keeps the kernel's {@code ::1}; the kernel gives it no link-local address.
 */
final class LinkLocals {
    private LinkLocals() {}

    /** Whether the kernel must make no link-local address on the interface (before it comes up). */
    static boolean kernelMakesNone(Mtus mtus, Node node, NetInterface i) {
        return hasIpv6(mtus, node, i) && (!carriesIpv6(node, i) || routesIpv6(node));
    }

    /** The link-local address netlab adds to the interface: on a router's (or the host's) IPv6 interfaces. */
    static Optional<Cidr> of(Mtus mtus, Node node, NetInterface i, Macs macs) {
        if (!hasIpv6(mtus, node, i) || !carriesIpv6(node, i) || !routesIpv6(node)) {
            return Optional.empty();
        }
        Cidr address = eui64(macs.mac(node.name(), i.name()));
        return i.addresses().stream().anyMatch(a -> a.address().equals(address.address())) ? Optional.empty()
                : Optional.of(address);
    }

    /**
     * Whether the kernel keeps IPv6 on the interface at all, so that its address generation can
     * be switched off ({@code addrgenmode} on an interface without IPv6 is EAFNOSUPPORT).
     */
    private static boolean hasIpv6(Mtus mtus, Node node, NetInterface i) {
        return !(i instanceof Loopback) && !mtus.withoutIpv6(new Endpoint(node.name(), i.name()));
    }

    /** The host, or a node whose file turns on IPv6 forwarding (all, default or one interface's). */
    private static boolean routesIpv6(Node node) {
        return node.isHost() || node.sysctls().stream().anyMatch(s -> s.key().startsWith("net.ipv6.conf.")
                && s.key().endsWith(".forwarding") && !s.value().equals("0"));
    }

    /** An IPv6 address on it, or an IPv6 route or neighbour through it. */
    private static boolean carriesIpv6(Node node, NetInterface i) {
        return i.addresses().stream().anyMatch(a -> !a.isIpv4())
                || node.routes().stream().anyMatch(r -> !r.destination().isIpv4() && throughIt(r, i))
                || node.neighbours().stream().anyMatch(n -> n.address() instanceof Inet6Address && n.dev().equals(i.name()));
    }

    private static boolean throughIt(Route route, NetInterface i) {
        return route.dev().filter(i.name()::equals).isPresent();
    }

    /** fe80::/64 with the modified EUI-64 of the MAC (RFC 4291, appendix A), as the kernel makes it. */
    static Cidr eui64(String mac) {
        byte[] m = netlab.topology.Neighbour.macBytes(mac);
        byte[] address = new byte[16];
        address[0] = (byte) 0xfe;
        address[1] = (byte) 0x80;
        address[8] = (byte) (m[0] ^ 0x02);
        address[9] = m[1];
        address[10] = m[2];
        address[11] = (byte) 0xff;
        address[12] = (byte) 0xfe;
        address[13] = m[3];
        address[14] = m[4];
        address[15] = m[5];
        try {
            InetAddress linkLocal = Inet6Address.getByAddress(null, address, -1);
            return new Cidr(linkLocal, 64);
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
    }
}
