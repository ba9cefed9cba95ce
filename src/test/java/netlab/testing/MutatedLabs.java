package netlab.testing;

import java.util.Random;

/**
 * A topology text with a few random edits, from a seed (printed with a failure, it replays it):
 * words of the language inserted, text deleted or replaced. Most results are broken files; some
 * still parse, with names, addresses and options nobody would write on purpose.
 */
public final class MutatedLabs {
    private static final String[] PIECES = {"node", "host", "link", "to", "br0", "ns1:eth0", "address", "route", "default",
            "via", "dev", "onlink", "metric", "-1", "99999999999999999999", "::", "::ffff:1.2.3.4/96", "0.0.0.0/0", "/",
            ":", "!", "lo", "peer", "neigh", "lladdr", "snat", "masquerade", "port", "macvlan", "on", "host:eth0", "mode",
            "\n", "#", "=", "sysctl", "net.x=1", "255.255.255.255/32", "fe80::1", "mtu", "68", "bridge", "expect",
            "reaches", "!reaches", "ttl", "as", "within", "300ms", "0s", "ns2:eth0", "host:br0", "192.168.0.2", "vxlan",
            "vni", "remote", "local", "dstport", "4789", "\n  vxlan vx0 vni 1 remote 192.168.0.2 local 192.168.0.1\n"};

    private MutatedLabs() {}

    public static String of(String lab, long seed) {
        Random random = new Random(seed);
        StringBuilder text = new StringBuilder(lab);
        int edits = 1 + random.nextInt(6);
        for (int e = 0; e < edits; e++) {
            int at = random.nextInt(text.length() + 1);
            switch (random.nextInt(3)) {
                case 0 -> text.insert(at, " " + PIECES[random.nextInt(PIECES.length)] + " ");
                case 1 -> text.delete(at, Math.min(text.length(), at + 1 + random.nextInt(12)));
                default -> text.replace(at, Math.min(text.length(), at + 1 + random.nextInt(8)),
                        PIECES[random.nextInt(PIECES.length)]);
            }
        }
        return text.toString();
    }
}
