package netlab.plan;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import netlab.topology.Endpoint;

/**
 * The MAC address netlab gives each interface it creates: derived from the lab's, the node's and
 * the interface's names, so a lab has the same addresses every time it comes up, a neighbour entry
 * can name its peer's address before the peer exists ({@code lladdr peer}), and the plan is a
 * script that builds exactly what {@code up} builds.
 *
 * <p>Every address is a locally administered unicast one (first octet {@code x2}, {@code x6},
 * {@code xa} or {@code xe}), which no network card ships with. Two interfaces of one lab never
 * share one: on a collision the later interface (in plan order) hashes again with a counter.
 */
final class MacAddresses {
    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

    private final String lab;
    private final Map<Endpoint, String> assigned = new HashMap<>();
    private final Set<String> taken = new HashSet<>();

    MacAddresses(String lab) {
        this.lab = lab;
    }

    /** The address of {@code node:name}, the same every time it is asked for. */
    String of(String node, String name) {
        return assigned.computeIfAbsent(new Endpoint(node, name), endpoint -> {
            for (int attempt = 0; ; attempt++) {
                String mac = derive(lab, node, name, attempt);
                if (taken.add(mac)) {
                    return mac;
                }
            }
        });
    }

    /**
     * 64-bit FNV-1a over {@code LAB NUL NODE NUL NAME [NUL ATTEMPT]} (no name may hold a NUL),
     * its low six bytes as the address with the multicast bit cleared and the local bit set.
     */
    static String derive(String lab, String node, String name, int attempt) {
        String key = lab + '\0' + node + '\0' + name + (attempt == 0 ? "" : "\0" + attempt);
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
}
