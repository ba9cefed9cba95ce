package netlab.topology.write;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import netlab.topology.Node;
import netlab.topology.write.RandomInterface.Kind;

/**
 * A random topology text the reader takes, from a seed: nodes (odd names among them) and the
 * host block anywhere, bridges (one name in two nodes too), links between nodes and to bridges
 * (named and automatic ports), macvlans, vxlans with every option, addresses in several
 * spellings, MTUs, MACs, and what {@link RandomSettings} sets. Every address is unique in the lab, so
 * no two statements clash; each block's lines are shuffled, which puts the order of interfaces
 * the reader derives from lines to the test.
 */
final class RandomTopology {
    private static final List<String> NODE_NAMES = List.of("a", "b", "c", "r1", "reaches", "!reaches", "container-foo",
            "xœœœ-été", "x_y.z", "long-node-name-number-seven", "n$1=2");
    private static final List<String> INTERFACE_BASES = List.of("eth", "eth", "e", "veth", "x'y", "é", "a.b");

    final Random random;
    final List<String> nodes = new ArrayList<>();
    final Map<String, List<String>> blocks = new LinkedHashMap<>();
    final List<RandomInterface> made = new ArrayList<>();
    private final Map<String, Integer> names = new HashMap<>();
    private final Map<Integer, Integer> hosts = new HashMap<>();
    private int segments;
    private int vnis;

    private RandomTopology(Random random) {
        this.random = random;
    }

    static String text(long seed) {
        RandomTopology lab = new RandomTopology(new Random(seed));
        lab.nodes();
        lab.bridges();
        lab.links();
        lab.macvlans();
        lab.vxlans();
        lab.loopbacks();
        lab.mtus();
        lab.macs();
        new RandomSettings(lab).add();
        return lab.written(seed);
    }

    private void nodes() {
        List<String> pool = new ArrayList<>(NODE_NAMES);
        Collections.shuffle(pool, random);
        nodes.addAll(pool.subList(0, 2 + random.nextInt(5)));
        if (random.nextBoolean()) {
            nodes.add(random.nextInt(nodes.size() + 1), Node.HOST);
        }
        for (String node : nodes) {
            blocks.put(node, new ArrayList<>());
            made.add(new RandomInterface(node, "lo", Kind.LOOPBACK, -1));
        }
    }

    private void bridges() {
        for (String node : nodes) {
            for (String name : List.of("br0", "br1", "sw")) {
                if (chance(3)) {
                    RandomInterface bridge = add(new RandomInterface(node, name, Kind.BRIDGE, ++segments));
                    line(node, "bridge " + name + addresses(bridge, ""));
                }
            }
        }
    }

    private void links() {
        int count = nodes.size() + random.nextInt(nodes.size() + 2);
        for (int k = 0; k < count; k++) {
            String from = pick(nodes);
            List<RandomInterface> bridges = of(Kind.BRIDGE);
            RandomInterface end;
            if (!bridges.isEmpty() && random.nextInt(5) < 2) {
                RandomInterface bridge = pick(bridges);
                end = add(new RandomInterface(from, fresh(from, pick(INTERFACE_BASES)), Kind.VETH, bridge.segment));
                boolean unique = bridges.stream().filter(b -> b.name.equals(bridge.name)).count() == 1;
                String target = unique && random.nextBoolean() ? bridge.name : bridge.node + ":" + bridge.name;
                String port = chance(3) ? fresh(bridge.node, "p") : null;
                end.peer = add(new RandomInterface(bridge.node, port, Kind.PORT, bridge.segment));
                line(from, "link " + end.name + " to " + target + (port == null ? "" : " port " + port)
                        + addresses(end, " address"));
            } else {
                String to = chance(6) ? from : pick(nodes);
                int segment = ++segments;
                end = add(new RandomInterface(from, fresh(from, pick(INTERFACE_BASES)), Kind.VETH, segment));
                end.peer = add(new RandomInterface(to, fresh(to, pick(INTERFACE_BASES)), Kind.VETH, segment));
                line(from, "link " + end.name + " to " + to + ":" + end.peer.name + addresses(end, " address"));
                addressLine(end.peer);
            }
            end.peer.peer = end;
            if (chance(5)) {
                addressLine(end);
            }
        }
    }

    private void macvlans() {
        for (String node : nodes) {
            // Not lo, a port (the bridge takes its frames), a macvlan or a vxlan: the language refuses those.
            List<RandomInterface> parents = made.stream().filter(m -> m.kind == Kind.BRIDGE || m.kind == Kind.VETH).toList();
            boolean onTheMachine = nodes.contains(Node.HOST) && (parents.isEmpty() || chance(4));
            if (!chance(3) || (parents.isEmpty() && !onTheMachine)) {
                continue;
            }
            RandomInterface parent = onTheMachine ? null : pick(parents);
            RandomInterface macvlan = add(new RandomInterface(node, fresh(node, "mv"), Kind.MACVLAN, onTheMachine ? ++segments : parent.segment));
            String on = onTheMachine ? Node.HOST + ":" + pick(List.of("ens5", "wlp1s0")) : parent.node + ":" + parent.name;
            String mode = pick(List.of("", "", " mode bridge", " mode private", " mode vepa"));
            line(node, "macvlan " + macvlan.name + " on " + on + mode + addresses(macvlan, " address"));
            if (chance(4)) {
                // Not above a parent the lab makes, whose MTU may be as low as 1280 (a bridge with a vxlan port).
                line(node, "mtu " + macvlan.name + " " + (onTheMachine ? pick(List.of(1400, 9000)) : 1280));
            }
        }
    }

    private void vxlans() {
        for (String node : nodes) {
            if (!chance(3)) {
                continue;
            }
            boolean ipv6 = random.nextBoolean();
            List<String> options = new ArrayList<>(List.of("vni " + ++vnis, "remote " + (ipv6
                    ? spell6("2001:db8:2::" + Integer.toHexString(vnis)) : "192.0.2." + vnis)));
            List<String> locals = made.stream().filter(m -> m.node.equals(node) && m.kind == Kind.VETH)
                    .flatMap(m -> (ipv6 ? m.v6 : m.v4).stream()).toList();
            if (chance(3)) {
                // More far ends, flooding entries: the remote option takes every address after it.
                for (int more = 1 + random.nextInt(2); more > 0; more--) {
                    options.set(1, options.get(1) + " " + (ipv6 ? spell6("2001:db8:3::" + Integer.toHexString(vnis * 4 + more))
                            : "198.51.100." + (vnis * 2 + more) % 250));
                }
            }
            if (chance(4)) {
                options.add("underlay host"); // the machine's socket: no local address
            } else if (!locals.isEmpty() && random.nextBoolean()) {
                options.add("local " + pick(locals));
            }
            String port = pick(List.of("", "", "4789", "8472", String.valueOf(1 + random.nextInt(65535))));
            if (!port.isEmpty()) {
                options.add("dstport " + port);
            }
            // Below the smallest limit: an underlay of 1400 less IPv6's 70 bytes.
            int mtu = pick(List.of(0, 0, 1280, 1300, -1280));
            if (mtu > 0) {
                options.add("mtu " + mtu);
            }
            List<RandomInterface> bridges = made.stream().filter(m -> m.node.equals(node) && m.kind == Kind.BRIDGE).toList();
            RandomInterface vxlan = add(new RandomInterface(node, fresh(node, "vx"), Kind.VXLAN, ++segments));
            if (!bridges.isEmpty() && random.nextBoolean()) {
                options.add("to " + pick(bridges).name);
            } else {
                addressLine(vxlan);
            }
            Collections.shuffle(options, random);
            line(node, "vxlan " + vxlan.name + " " + String.join(" ", options));
            if (mtu < 0) {
                line(node, "mtu " + vxlan.name + " " + -mtu);
            }
        }
    }

    private void loopbacks() {
        int k = 0;
        for (RandomInterface lo : of(Kind.LOOPBACK)) {
            k++;
            if (chance(3)) {
                lo.v4.add("10.255.0." + k);
                line(lo.node, "address lo 10.255.0." + k + "/32");
            }
            if (chance(3)) {
                lo.v6.add("fd00:ff::" + Integer.toHexString(k));
                line(lo.node, "address lo " + spell6("fd00:ff::" + Integer.toHexString(k)) + "/128");
            }
        }
    }

    /** MTUs of 1280 and more everywhere: below it IPv6 goes, and with it what the file says of IPv6. */
    private void mtus() {
        for (RandomInterface m : made) {
            if (chance(5) && (m.kind == Kind.BRIDGE || m.kind == Kind.VETH || m.kind == Kind.LOOPBACK)) {
                List<Integer> values = m.kind == Kind.LOOPBACK ? List.of(1500, 9000, 65535) : List.of(1400, 1500, 9000);
                line(m.node, "mtu " + m.name + " " + pick(values));
            }
        }
    }

    /**
     * A MAC now and then on what the lab makes (a port only when named), each unique in the lab:
     * locally administered or not, in either case.
     */
    private void macs() {
        int k = 0;
        for (RandomInterface m : made) {
            if (m.kind != Kind.LOOPBACK && m.name != null && chance(6)) {
                k++;
                String mac = String.format("%s:00:5e:00:%02x:%02x", pick(List.of("02", "06", "0a", "00", "fc")), k >> 8,
                        k & 0xff);
                line(m.node, "mac " + m.name + " " + (random.nextBoolean() ? mac.toUpperCase(Locale.ROOT) : mac));
            }
        }
    }

    private String written(long seed) {
        StringBuilder text = new StringBuilder("# seed ").append(seed).append('\n');
        if (!chance(4)) {
            text.append("lab gen-").append(seed).append('\n');
        }
        for (String node : nodes) {
            text.append(node.equals(Node.HOST) ? "host" : "node " + node).append('\n');
            List<String> lines = blocks.get(node);
            Collections.shuffle(lines, random);
            for (String line : lines) {
                text.append(pick(List.of("  ", "  ", "\t", "")) + line + (chance(10) ? "  # a comment" : "") + "\n");
            }
        }
        return text.toString();
    }

    /** {@code address IF ...} in the interface's block, when chance gives it addresses. */
    void addressLine(RandomInterface m) {
        String addresses = addresses(m, "");
        if (!addresses.isEmpty()) {
            line(m.node, "address " + m.name + addresses);
        }
    }

    /** None, IPv4, IPv6 or both, on the interface's segment: {@code option} and the addresses, or "". */
    private String addresses(RandomInterface m, String option) {
        int families = random.nextInt(4);
        StringBuilder text = new StringBuilder();
        int host = hosts.merge(m.segment, 1, Integer::sum);
        if ((families & 1) != 0) {
            m.v4.add("10." + m.segment + ".0." + host);
            text.append(" 10.").append(m.segment).append(".0.").append(host).append("/24");
        }
        if ((families & 2) != 0) {
            String v6 = "fd00:" + Integer.toHexString(m.segment) + "::" + Integer.toHexString(host);
            m.v6.add(v6);
            text.append(' ').append(spell6(v6)).append("/64");
        }
        return text.isEmpty() ? "" : option + text;
    }

    /** An IPv6 address with one {@code ::} as written, in capitals or with its zeros, or not. */
    String spell6(String address) {
        return switch (random.nextInt(4)) {
            case 0 -> address.toUpperCase(Locale.ROOT);
            case 1 -> {
                int groups = address.split(":").length - 1;
                yield address.replace("::", ":" + "0:".repeat(8 - groups));
            }
            default -> address;
        };
    }

    void line(String node, String line) {
        blocks.get(node).add(line);
    }

    private RandomInterface add(RandomInterface m) {
        made.add(m);
        return m;
    }

    private List<RandomInterface> of(Kind kind) {
        return made.stream().filter(m -> m.kind == kind).toList();
    }

    /** A name no interface of the node has: the base and a number. */
    private String fresh(String node, String base) {
        return base + names.merge(node, 1, Integer::sum);
    }

    boolean chance(int oneIn) {
        return random.nextInt(oneIn) == 0;
    }

    <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }
}
