package netlab.topology.dsl;

import java.net.InetAddress;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import netlab.topology.Addresses;
import netlab.topology.Cidr;
import netlab.topology.NatRule;
import netlab.topology.Neighbour;
import netlab.topology.Source;
import netlab.topology.SysctlSetting;

/**
 * What each block says about interfaces that exist by now: addresses, MTUs, MACs, neighbours, and
 * its sysctls, NAT rules and routes. An interface is configured in the block of the node it is in,
 * whichever block's {@code link} made it.
 */
final class BlockResolver {
    private final Problems problems;
    private final Map<Syntax.Block, NodeDraft> owners;
    private final Map<String, Source> neighbours = new HashMap<>();
    /** Each MAC a {@code mac} line gives, and the interface it went to: no two interfaces of a lab share one. */
    private final Map<String, InterfaceDraft> macs = new HashMap<>();

    BlockResolver(Problems problems, Map<Syntax.Block, NodeDraft> owners) {
        this.problems = problems;
        this.owners = owners;
    }

    void resolve(List<Syntax.Block> blocks) {
        for (Syntax.Block block : blocks) {
            NodeDraft node = owners.get(block);
            for (Syntax.Statement statement : block.statements()) {
                switch (statement) {
                    case Syntax.Address a -> lookup(node, a.name()).ifPresent(i -> address(i, a));
                    case Syntax.Mtu m -> lookup(node, m.name()).ifPresent(i -> mtu(i, m));
                    case Syntax.Mac m -> lookup(node, m.name()).ifPresent(i -> mac(i, m));
                    case Syntax.Neigh n -> lookup(node, n.dev()).ifPresent(i -> neigh(node, i, n));
                    case Syntax.Sysctl s -> sysctl(node, s);
                    case Syntax.Nat n -> nat(node, n);
                    case Syntax.Route r -> {
                        if (r.dev().isEmpty() || lookup(node, r.dev().get()).isPresent()) {
                            node.routes.add(r);
                        }
                    }
                    case Syntax.Bridge b -> {}
                    case Syntax.Link l -> {}
                    case Syntax.Macvlan m -> {}
                    case Syntax.Vxlan v -> {}
                    case Syntax.Expect e -> {} // against the built lab: ExpectationResolver
                    case Syntax.Impair i -> {} // with the far ends of veths: ImpairResolver
                }
            }
        }
    }

    private void address(InterfaceDraft target, Syntax.Address statement) {
        if (target.isPort()) {
            problems.add(statement.name(), statement.name().quoted() + " is a port of bridge " + Word.quote(target.master)
                    + " and carries no addresses; give them to the bridge");
            return;
        }
        for (Located<Cidr> address : statement.addresses()) {
            if (target.kind == InterfaceDraft.Kind.LOOPBACK && isLoopbacksOwn(address.value())) {
                problems.add(address.source(), "lo has " + address.value() + " already, in every namespace; leave it out");
            } else {
                target.addresses.add(address);
            }
        }
    }

    /**
     * What the kernel gives every lo: 127.0.0.1/8 (another prefix length is another address to
     * it) and ::1, whatever the length (IPv6 compares the address alone). Adding either again is
     * refused (EEXIST).
     */
    private static boolean isLoopbacksOwn(Cidr address) {
        return address.isIpv4() ? address.toString().equals("127.0.0.1/8") : address.address().isLoopbackAddress();
    }

    private void mtu(InterfaceDraft target, Syntax.Mtu statement) {
        if (target.mtu != null) {
            problems.add(statement.source(), "mtu of " + statement.name().quoted() + " already set at " + target.mtu.source());
            return;
        }
        target.mtu = statement.mtu();
    }

    /** A MAC for an interface the lab makes: lo keeps the kernel's, all zero. */
    private void mac(InterfaceDraft target, Syntax.Mac statement) {
        if (target.kind == InterfaceDraft.Kind.LOOPBACK) {
            problems.add(statement.name(), "'lo' keeps the kernel's MAC; 'mac' names an interface the lab makes "
                    + "(a veth end, a bridge, a macvlan or a vxlan)");
            return;
        }
        if (target.mac != null) {
            problems.add(statement.source(), "mac of " + statement.name().quoted() + " already set at " + target.mac.source());
            return;
        }
        InterfaceDraft first = macs.putIfAbsent(statement.mac().value(), target);
        if (first != null) {
            problems.add(statement.mac().source(), "MAC " + statement.mac().value() + " is already given to "
                    + Word.quote(first.endpoint().toString()) + " (" + first.mac.source() + ")");
            return;
        }
        target.mac = statement.mac();
    }

    private void neigh(NodeDraft node, InterfaceDraft dev, Syntax.Neigh statement) {
        if (statement.lladdr().isEmpty() && dev.kind != InterfaceDraft.Kind.VETH) {
            problems.add(statement.lladdrWord(), "'lladdr peer' needs a veth end, but " + statement.dev().quoted()
                    + " is " + dev.describe());
            return;
        }
        InetAddress address = statement.address().value();
        String key = node.name + "\0" + dev.name + "\0" + Addresses.format(address);
        Source first = neighbours.putIfAbsent(key, statement.source());
        if (first != null) {
            problems.add(statement.source(), "neighbour " + Addresses.format(address) + " on " + statement.dev().quoted()
                    + " already defined at " + first);
            return;
        }
        node.neighbours.add(new Neighbour(address, dev.name, statement.lladdr(), statement.source()));
    }

    private void sysctl(NodeDraft node, Syntax.Sysctl statement) {
        String named = SysctlSetting.interfaceOf(statement.key().text()).orElse(null);
        if (named != null && !interfaceInKey(node, statement.key(), named)) {
            return;
        }
        SysctlSetting first = node.sysctls.get(statement.key().text());
        if (first != null) {
            problems.add(statement.key(), "sysctl " + statement.key().quoted() + " already set at " + first.source());
            return;
        }
        node.sysctls.put(statement.key().text(), new SysctlSetting(statement.key().text(), statement.value(), statement.source()));
    }

    /**
     * A key of an interface's settings ({@code net.ipv4.conf.IF.forwarding}) must name one of the
     * node's interfaces; in the host, one the lab does not make may be the machine's, which up
     * checks. A name with a '.' cannot be reached: the key's dots are /proc/sys's directories.
     */
    private boolean interfaceInKey(NodeDraft node, Word key, String name) {
        int start = SysctlSetting.interfaceStart(key.text());
        Word named = key.slice(start, start + name.length());
        String problem;
        if (name.indexOf('.') >= 0) {
            problem = "a sysctl key cannot name interface " + named.quoted() + ": the '.' in it would split the key";
        } else if (node.interfaces.containsKey(name)) {
            return true;
        } else if (node.isHost()) {
            problem = Names.interfaceProblem(name);
        } else {
            problem = unknownInterface(node, named);
        }
        if (problem != null) {
            problems.add(named, problem);
        }
        return problem == null;
    }

    /** In the host block, {@code out} may name one of the machine's own interfaces; the executor checks it at up. */
    private void nat(NodeDraft node, Syntax.Nat statement) {
        if (statement.out().isPresent()) {
            Word out = statement.out().get();
            String problem = node.interfaces.containsKey(out.text()) ? null
                    : node.isHost() ? Names.interfaceProblem(out.text()) : unknownInterface(node, out);
            if (problem == null) {
                problem = Names.oifnameProblem(out.text());
            }
            if (problem != null) {
                problems.add(out, problem);
                return;
            }
        }
        node.nat.add(new NatRule(statement.snatTo().map(Located::value), statement.src().map(Located::value),
                statement.dst().map(Located::value), statement.dstNegated(), statement.out().map(Word::text),
                statement.source()));
    }

    private java.util.Optional<InterfaceDraft> lookup(NodeDraft node, Word name) {
        InterfaceDraft found = node.interfaces.get(name.text());
        if (found == null) {
            problems.add(name, unknownInterface(node, name));
        }
        return java.util.Optional.ofNullable(found);
    }

    static String unknownInterface(NodeDraft node, Word name) {
        String hint = name.text().indexOf(':') >= 0
                ? "; an interface is configured in the block of the node it is in"
                : Suggestions.didYouMean(name.text(), node.interfaces.keySet());
        return "unknown interface " + name.quoted() + " in node " + Word.quote(node.name) + hint;
    }
}
