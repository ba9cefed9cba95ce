package netlab.partition.parts;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import netlab.topology.Addresses;
import netlab.topology.MachineAddresses;

/**
 * The network between the machines: each part's address on it (where the other parts' tunnels
 * send to), and its MTU, which every tunnel's is clamped under.
 *
 * @param addresses the address of each part's machine, index = part
 * @param mtu the underlay's MTU; a tunnel carries that less its overhead (50 bytes over IPv4)
 */
public record Underlay(List<InetAddress> addresses, int mtu) {
    /** TEST-NET-1 (RFC 5737): never routed, so an address left unmapped harms no one. */
    public static final String DEFAULT_FIRST = "192.0.2.1";

    public static final int DEFAULT_MTU = 1500;

    public Underlay {
        addresses = List.copyOf(addresses);
        if (addresses.stream().map(a -> a instanceof Inet4Address).distinct().count() > 1) {
            throw new IllegalArgumentException("the underlay's addresses are of one family");
        }
        for (InetAddress address : addresses) {
            requireUnicast(address);
        }
        if (new HashSet<>(addresses).size() < addresses.size()) {
            throw new IllegalArgumentException("each machine needs an address of its own, not "
                    + addresses.stream().map(Addresses::format).toList());
        }
    }

    /** A tunnel's far end is one machine, reached by routing ({@link MachineAddresses}). */
    private static void requireUnicast(InetAddress address) {
        if (!MachineAddresses.isMachineAddress(address)) {
            throw new IllegalArgumentException(Addresses.format(address) + " is not a machine's address ("
                    + MachineAddresses.REFUSED + ")");
        }
        if (address instanceof java.net.Inet6Address v6 && v6.getScopeId() != 0) {
            throw new IllegalArgumentException(address.getHostAddress() + ": a zone is not a machine's address");
        }
    }

    /** {@code parts} addresses: {@code given} as they are, or one given and those after it. */
    public static Underlay of(List<InetAddress> given, int parts, int mtu) {
        // Before any arithmetic: InetAddress.getByAddress would turn an IPv4-mapped one into IPv4.
        given.forEach(Underlay::requireUnicast);
        if (given.size() == parts) {
            return new Underlay(given, mtu);
        }
        if (given.size() != 1) {
            throw new IllegalArgumentException("give one underlay address per machine (" + parts
                    + "), or only the first, not " + given.size());
        }
        List<InetAddress> addresses = new ArrayList<>();
        byte[] next = given.getFirst().getAddress();
        for (int p = 0; p < parts; p++) {
            if (p > 0 && isZero(next)) {
                throw new IllegalArgumentException(parts + " addresses from " + Addresses.format(given.getFirst())
                        + " run past the end of the address space");
            }
            try {
                addresses.add(InetAddress.getByAddress(next.clone()));
            } catch (UnknownHostException impossible) {
                throw new AssertionError(impossible); // 4 or 16 bytes, from an address
            }
            increment(next);
        }
        return new Underlay(addresses, mtu);
    }

    private static boolean isZero(byte[] address) {
        for (byte b : address) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }

    private static void increment(byte[] address) {
        for (int i = address.length - 1; i >= 0 && ++address[i] == 0; i--) {
            // carry into the next byte
        }
    }

    public InetAddress of(int part) {
        return addresses.get(part);
    }

    /** The largest MTU a tunnel over this underlay carries without fragments. */
    public int tunnelMtu() {
        return mtu - netlab.topology.NetInterface.Vxlan.overhead(addresses.getFirst());
    }
}
