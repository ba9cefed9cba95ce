package netlab.topology;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import netlab.topology.NetInterface.Bridge;
import netlab.topology.NetInterface.Macvlan;
import netlab.topology.NetInterface.VethEnd;
import netlab.topology.NetInterface.Vxlan;

/**
 * The MAC address of each interface netlab creates in a lab: the one the file gives it
 * ({@code mac IF MAC}), or one derived from the lab's, the node's and the interface's names. So a
 * lab has the same addresses every time it comes up, a neighbour entry can name its peer's address
 * before the peer exists ({@code lladdr peer}), and the plan is a script that builds exactly what
 * {@code up} builds.
 *
 * <p>Every derived address is a locally administered unicast one (first octet {@code x2},
 * {@code x6}, {@code xa} or {@code xe}), which no network card ships with. Two interfaces of one lab
 * never share one: the given ones are taken first (the language refuses one given twice), and a
 * derived one that meets one taken hashes again with a counter, the interfaces in the order
 * {@code up} creates them (bridges, veth pairs with the creator's end first, macvlans, vxlans).
 */
public final class Macs {
    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

    private final Map<Endpoint, String> macs = new HashMap<>();

    private Macs() {}

    public static Macs of(Lab lab) {
        Macs macs = new Macs();
        Set<String> taken = new HashSet<>();
        for (Node node : lab.nodes()) {
            for (NetInterface i : node.interfaces()) {
                i.mac().ifPresent(mac -> {
                    macs.macs.put(new Endpoint(node.name(), i.name()), mac);
                    taken.add(mac);
                });
            }
        }
        for (Endpoint endpoint : inCreationOrder(lab)) {
            if (!macs.macs.containsKey(endpoint)) {
                macs.macs.put(endpoint, derive(List.of(lab.name(), endpoint.node(), endpoint.interfaceName()), taken));
            }
        }
        return macs;
    }

    /** The address of {@code endpoint}, an interface netlab creates. */
    public String mac(Endpoint endpoint) {
        String mac = macs.get(endpoint);
        if (mac == null) {
            throw new IllegalArgumentException("netlab creates no interface " + endpoint);
        }
        return mac;
    }

    public String mac(String node, String name) {
        return mac(new Endpoint(node, name));
    }

    /** Every MAC of the lab, one for each interface netlab creates. */
    public Set<String> all() {
        return Set.copyOf(macs.values());
    }

    /**
     * The first derivation of {@code key} that {@code taken} does not hold, which it then holds:
     * of the key itself, then of the key with 1, 2, ... after it. A derivation is the 64-bit FNV-1a
     * hash of the key's words joined by NUL (no name may hold one), its low six bytes as the
     * address with the multicast bit cleared and the local bit set.
     */
    public static String derive(List<String> key, Set<String> taken) {
        for (int attempt = 0; ; attempt++) {
            List<String> words = new ArrayList<>(key);
            if (attempt > 0) {
                words.add(Integer.toString(attempt));
            }
            String mac = hash(String.join("\0", words));
            if (taken.add(mac)) {
                return mac;
            }
        }
    }

    private static String hash(String key) {
        long hash = FNV_OFFSET;
        for (byte b : key.getBytes(StandardCharsets.UTF_8)) {
            hash = (hash ^ (b & 0xff)) * FNV_PRIME;
        }
        StringBuilder mac = new StringBuilder(17);
        for (int i = 0; i < 6; i++) {
            int octet = (int) (hash >>> (8 * (5 - i))) & 0xff;
            if (i == 0) {
                octet = (octet & 0xfc) | 0x02;
            }
            if (i > 0) {
                mac.append(':');
            }
            mac.append(Character.forDigit(octet >> 4, 16)).append(Character.forDigit(octet & 0xf, 16));
        }
        return mac.toString();
    }

    /** Every interface netlab creates, in the order {@code up} creates them. */
    private static List<Endpoint> inCreationOrder(Lab lab) {
        List<Endpoint> order = new ArrayList<>();
        for (Class<?> kind : List.of(Bridge.class, VethEnd.class, Macvlan.class, Vxlan.class)) {
            for (Node node : lab.nodes()) {
                for (NetInterface i : node.interfaces()) {
                    if (!kind.isInstance(i)) {
                        continue;
                    }
                    if (i instanceof VethEnd end) {
                        if (end.creator()) {
                            order.add(new Endpoint(node.name(), end.name()));
                            order.add(end.peer());
                        }
                    } else {
                        order.add(new Endpoint(node.name(), i.name()));
                    }
                }
            }
        }
        return order;
    }
}
