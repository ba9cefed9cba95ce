package netlab.topology.dsl;

import java.net.InetAddress;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;
import netlab.topology.Cidr;

/**
 * Prefixes, each on an interface, with a "does any cover this address" lookup. One hash set per
 * prefix length, so a lookup costs at most 129 probes however many routes a node has.
 */
final class PrefixSet {
    /** Stands for "any interface" in keys; no interface name can contain a '/'. */
    private static final String ANY = "/";

    private final Set<String> keys = new HashSet<>();
    private final Set<Integer> lengths = new TreeSet<>();

    void add(Cidr prefix, String dev) {
        Cidr network = prefix.network();
        lengths.add(prefix.prefixLength());
        keys.add(key(network, dev));
        keys.add(key(network, ANY));
    }

    /** True when a prefix on {@code dev} (on any interface when null) contains {@code address}. */
    boolean covers(InetAddress address, String dev) {
        int bits = address.getAddress().length * 8;
        for (int length : lengths) {
            if (length <= bits && keys.contains(key(new Cidr(address, length).network(), dev == null ? ANY : dev))) {
                return true;
            }
        }
        return false;
    }

    private static String key(Cidr network, String dev) {
        return dev + " " + network;
    }
}
