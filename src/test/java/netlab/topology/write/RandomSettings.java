package netlab.topology.write;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import netlab.topology.Node;
import netlab.topology.write.RandomInterface.Kind;

/**
 * What {@link RandomTopology} sets in its nodes: routes of every form, neighbours, sysctls,
 * masquerade and snat with every option, impairments and expectations. Routes and NAT draw their
 * networks from ranges no interface has, so none repeats a route the kernel adds for an address.
 */
final class RandomSettings {
    private final RandomTopology lab;
    private int unique;

    RandomSettings(RandomTopology lab) {
        this.lab = lab;
    }

    void add() {
        for (String node : lab.nodes) {
            List<RandomInterface> own = lab.made.stream().filter(m -> m.node.equals(node) && m.named()).toList();
            Set<String> defaults = new HashSet<>();
            for (int r = lab.random.nextInt(4); r > 0 && !own.isEmpty(); r--) {
                route(node, own, defaults);
            }
            for (int n = lab.random.nextInt(3); n > 0 && !own.isEmpty(); n--) {
                neighbour(node, own);
            }
            sysctls(node, own);
            for (int n = lab.random.nextInt(3); n > 0; n--) {
                nat(node, own);
            }
            own.stream().filter(m -> lab.chance(4)).forEach(m -> new RandomImpairment(lab).impair(m));
        }
        for (int e = lab.random.nextInt(6); e > 0; e--) {
            new RandomExpectation(lab).add();
        }
    }

    private void route(String node, List<RandomInterface> own, Set<String> defaults) {
        int k = ++unique;
        RandomInterface dev = lab.pick(own);
        List<RandomInterface> v4 = own.stream().filter(m -> !m.v4.isEmpty()).toList();
        List<RandomInterface> v6 = own.stream().filter(m -> !m.v6.isEmpty()).toList();
        boolean ipv6 = v4.isEmpty() || (!v6.isEmpty() && lab.random.nextBoolean());
        List<RandomInterface> addressed = ipv6 ? v6 : v4;
        String metric = lab.chance(3) ? " metric " + lab.random.nextInt(2000) : "";
        String line = switch (lab.random.nextInt(addressed.isEmpty() ? 3 : 6)) {
            case 0 -> (ipv6 ? "route fd99:" + Integer.toHexString(k) + "::/64 via fe80::" + Integer.toHexString(k)
                    : "route 172.17." + k + ".0/24 via 192.0.2." + k) + " dev " + dev.name + (ipv6 ? "" : " onlink");
            case 1 -> "route " + (ipv6 ? "2001:db8:3::" + Integer.toHexString(k) : "198.51.100." + k)
                    + lab.pick(List.of("", ipv6 ? "/128" : "/32")) + " dev " + dev.name;
            case 2 -> defaultRoute(ipv6 ? "6" : "4", metric, defaults) ? (ipv6 ? "route ::/0" : "route default") + " dev "
                    + dev.name : null;
            case 3 -> {
                RandomInterface via = lab.pick(addressed);
                String gateway = gateway(via, ipv6);
                String withDev = lab.random.nextBoolean() ? " dev " + via.name : "";
                yield defaultRoute(ipv6 ? "6" : "4", metric, defaults) ? "route default via " + gateway + withDev : null;
            }
            case 4 -> {
                lab.line(node, "route " + (ipv6 ? "fd96:" + Integer.toHexString(k) + "::/64" : "172.20." + k + ".0/24")
                        + " dev " + dev.name);
                yield "route " + (ipv6 ? "fd95:" + Integer.toHexString(k) + "::/64 via fd96:" + Integer.toHexString(k) + "::9"
                        : "172.21." + k + ".0/24 via 172.20." + k + ".9");
            }
            default -> {
                RandomInterface via = lab.pick(addressed);
                yield "route " + (ipv6 ? "fd99:" + Integer.toHexString(k) + "::/64" : "172.16." + k + ".0/24") + " via "
                        + gateway(via, ipv6) + (lab.random.nextBoolean() ? " dev " + via.name : "");
            }
        };
        if (line != null) {
            lab.line(node, line + metric + source(node, ipv6));
        }
    }

    /** Whether this node may have one more default route of the family and metric. */
    private static boolean defaultRoute(String family, String metric, Set<String> defaults) {
        String effective = metric.isEmpty() ? (family.equals("4") ? " metric 0" : " metric 1024") : metric;
        return defaults.add(family + effective);
    }

    /** An address in the interface's prefix that no interface holds (they count from 1, up to a few dozen). */
    private String gateway(RandomInterface via, boolean ipv6) {
        int host = 250 + lab.random.nextInt(5);
        return ipv6 ? lab.spell6("fd00:" + Integer.toHexString(via.segment) + "::" + Integer.toHexString(host))
                : "10." + via.segment + ".0." + host;
    }

    /** {@code src} and one of the node's own addresses of the family, now and then. */
    private String source(String node, boolean ipv6) {
        List<String> own = lab.made.stream().filter(m -> m.node.equals(node)).flatMap(m -> (ipv6 ? m.v6 : m.v4).stream())
                .toList();
        return own.isEmpty() || lab.chance(2) ? "" : " src " + lab.pick(own);
    }

    private void neighbour(String node, List<RandomInterface> own) {
        RandomInterface dev = lab.pick(own);
        int k = ++unique;
        String address = lab.random.nextBoolean() ? "192.0.2." + k : lab.spell6("2001:db8:1::" + Integer.toHexString(k));
        String lladdr = dev.kind == Kind.VETH && lab.random.nextBoolean() ? "peer"
                : String.format(Locale.ROOT, "%02X:%02x:00:%02x:%02X:%02x", 2, lab.random.nextInt(256), k % 256, lab.random.nextInt(256),
                        lab.random.nextInt(256));
        List<String> options = new ArrayList<>(List.of("dev " + dev.name, "lladdr " + lladdr));
        Collections.shuffle(options, lab.random);
        lab.line(node, "neigh " + address + " " + String.join(" ", options));
    }

    private void sysctls(String node, List<RandomInterface> own) {
        List<String> keys = new ArrayList<>(List.of("net.ipv4.ip_forward", "net.ipv6.conf.all.forwarding",
                "net.ipv4.conf.default.rp_filter", "net.core.somaxconn", "net.ipv4.tcp_congestion_control"));
        own.stream().filter(m -> !m.name.contains(".")).forEach(m -> keys.add("net.ipv4.conf." + m.name + ".proxy_arp"));
        own.stream().filter(m -> !m.name.contains(".")).forEach(m -> keys.add("net.ipv6.neigh." + m.name + ".retrans_time_ms"));
        if (node.equals(Node.HOST)) {
            keys.add("net.ipv4.conf.eth9.forwarding");
        }
        Collections.shuffle(keys, lab.random);
        for (String key : keys.subList(0, lab.random.nextInt(4))) {
            lab.line(node, "sysctl " + key + "=" + lab.pick(List.of("1", "0", "2", "4096", "cubic", "a=b")));
        }
    }

    /** A masquerade or snat rule of one family, with any of its options, {@code dst !} and plain hosts among them. */
    private void nat(String node, List<RandomInterface> own) {
        int k = ++unique;
        boolean ipv6 = lab.random.nextBoolean();
        List<String> options = new ArrayList<>();
        String network = ipv6 ? "fd98:" + Integer.toHexString(k) + "::/64" : "172.24." + k + ".0/24";
        String host = ipv6 ? lab.spell6("fd97::" + Integer.toHexString(k)) + lab.pick(List.of("", "/128"))
                : "172.25.0." + k + lab.pick(List.of("", "/32"));
        boolean sameNetworks = lab.chance(5);
        if (sameNetworks || lab.random.nextBoolean()) {
            options.add("src " + (sameNetworks || lab.random.nextBoolean() ? network : host));
        }
        if (sameNetworks) {
            options.add("dst !" + network);
        } else if (lab.random.nextBoolean()) {
            String other = ipv6 ? "fd94:" + Integer.toHexString(k) + "::/48" : "172." + (26 + k % 4) + ".0.0/16";
            options.add("dst " + (lab.random.nextBoolean() ? "!" : "") + (lab.random.nextBoolean() ? other : host));
        }
        List<String> outs = new ArrayList<>(own.stream().map(m -> m.name).toList());
        if (node.equals(Node.HOST)) {
            outs.add("tap0");
        }
        if (!outs.isEmpty() && lab.random.nextBoolean()) {
            options.add("out " + lab.pick(outs));
        }
        Collections.shuffle(options, lab.random);
        String head = lab.random.nextBoolean() ? "masquerade"
                : "snat " + (ipv6 ? lab.spell6("2001:db8:5::" + Integer.toHexString(k)) : "198.51.100." + k);
        lab.line(node, head + (options.isEmpty() ? "" : " " + String.join(" ", options)));
    }
}
