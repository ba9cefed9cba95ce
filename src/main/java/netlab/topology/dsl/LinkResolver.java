package netlab.topology.dsl;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import netlab.topology.Endpoint;
import netlab.topology.NetInterface;

/**
 * The interfaces that {@code link} and {@code macvlan} make. A link makes two veth ends: the one
 * it names (the creator) in its own block's node, the other in the target node, either with the
 * name written ({@code NODE:IF}) or as a port of a bridge ({@code [NODE:]BR}), named by
 * {@code port NAME} or by {@link PortNames}.
 */
final class LinkResolver {
    private final Problems problems;
    private final Map<String, NodeDraft> nodes;
    private final Map<Syntax.Block, NodeDraft> owners;
    /**
     * The most ports a bridge can have: BR_MAX_PORTS (1024) less port number 0, which the kernel
     * never gives (net/bridge/br_if.c); the next one is refused with EXFULL, measured on 6.18.
     */
    static final int MAX_BRIDGE_PORTS = 1023;

    /** Bridges by name across the lab, built once: links to a bare BR must not scan every node. */
    private final Map<String, List<InterfaceDraft>> bridgesByName = new java.util.HashMap<>();
    private final Map<InterfaceDraft, Integer> ports = new IdentityHashMap<>();

    LinkResolver(Problems problems, Map<String, NodeDraft> nodes, Map<Syntax.Block, NodeDraft> owners) {
        this.problems = problems;
        this.nodes = nodes;
        this.owners = owners;
    }

    void resolve(List<Syntax.Block> blocks) {
        for (NodeDraft node : nodes.values()) {
            for (InterfaceDraft i : node.interfaces.values()) {
                if (i.kind == InterfaceDraft.Kind.BRIDGE) {
                    bridgesByName.computeIfAbsent(i.name, n -> new ArrayList<>()).add(i);
                }
            }
        }
        List<InterfaceDraft> macvlans = new ArrayList<>();
        for (Syntax.Block block : blocks) {
            NodeDraft node = owners.get(block);
            for (Syntax.Statement statement : block.statements()) {
                if (statement instanceof Syntax.Link link) {
                    link(node, link);
                } else if (statement instanceof Syntax.Macvlan macvlan) {
                    InterfaceDraft draft = new InterfaceDraft(InterfaceDraft.Kind.MACVLAN, node.name, macvlan.name().text(),
                            macvlan.source());
                    draft.parentNode = macvlan.parentNode();
                    draft.parent = macvlan.parent();
                    draft.mode = macvlan.mode();
                    draft.addresses.addAll(macvlan.addresses());
                    if (Resolver.add(problems, node, draft, macvlan.name(), false)) {
                        macvlans.add(draft);
                    }
                }
            }
        }
        // Parents are checked once every interface exists: a macvlan may sit on one made further down.
        macvlans.forEach(this::parent);
    }

    private void link(NodeDraft here, Syntax.Link link) {
        Optional<Target> target = target(link);
        if (target.isEmpty()) {
            return;
        }
        NodeDraft there = target.get().node();
        InterfaceDraft bridge = target.get().bridge();
        String otherName = bridge == null ? link.target().text()
                : link.port().map(Word::text).orElseGet(() -> PortNames.automatic(here.name, link.name().text()));
        Word otherWord = bridge == null ? link.target() : link.port().orElse(link.target());
        if (there == here && otherName.equals(link.name().text())) {
            problems.add(otherWord, "a link cannot connect " + Word.quote(here.name + ":" + otherName) + " to itself");
            return;
        }
        InterfaceDraft creator = new InterfaceDraft(InterfaceDraft.Kind.VETH, here.name, link.name().text(), link.source());
        creator.peer = new Endpoint(there.name, otherName);
        creator.creator = true;
        creator.addresses.addAll(link.addresses());
        InterfaceDraft other = new InterfaceDraft(InterfaceDraft.Kind.VETH, there.name, otherName, otherWord.source());
        other.peer = creator.endpoint();
        other.master = bridge == null ? null : bridge.name;
        if (Resolver.add(problems, here, creator, link.name(), false)
                && Resolver.add(problems, there, other, otherWord, bridge != null && link.port().isEmpty())
                && bridge != null && ports.merge(bridge, 1, Integer::sum) == MAX_BRIDGE_PORTS + 1) {
            problems.add(otherWord, "bridge " + Word.quote(bridge.name) + " already has " + MAX_BRIDGE_PORTS
                    + " ports, the most the kernel allows (BR_MAX_PORTS); this link would be port " + (MAX_BRIDGE_PORTS + 1));
        }
    }

    /** The node the other end goes to, and the bridge when it is a port. */
    private record Target(NodeDraft node, InterfaceDraft bridge) {}

    private Optional<Target> target(Syntax.Link link) {
        Word name = link.target();
        if (link.targetNode().isPresent()) {
            Word nodeWord = link.targetNode().get();
            NodeDraft there = nodes.get(nodeWord.text());
            if (there == null) {
                problems.add(nodeWord, "unknown node " + nodeWord.quoted() + Suggestions.didYouMean(nodeWord.text(), nodes.keySet()));
                return Optional.empty();
            }
            InterfaceDraft existing = there.interfaces.get(name.text());
            if (existing != null && existing.kind == InterfaceDraft.Kind.BRIDGE) {
                return Optional.of(new Target(there, existing));
            }
            if (link.port().isPresent()) {
                problems.add(link.port().get(), "'port' is for a link to a bridge, and node " + nodeWord.quoted()
                        + " has no bridge " + name.quoted());
                return Optional.empty();
            }
            return Optional.of(new Target(there, null));
        }
        List<InterfaceDraft> bridges = bridgesByName.getOrDefault(name.text(), List.of());
        if (bridges.size() == 1) {
            return Optional.of(new Target(nodes.get(bridges.getFirst().node), bridges.getFirst()));
        }
        if (bridges.size() > 1) {
            problems.add(name, "bridge name " + name.quoted() + " is ambiguous: nodes "
                    + String.join(", ", bridges.stream().map(b -> Word.quote(b.node)).toList())
                    + " have one; write NODE:" + name.text());
        } else if (nodes.containsKey(name.text())) {
            problems.add(name, "unknown bridge " + name.quoted() + "; to link to node " + name.quoted()
                    + " write " + name.text() + ":IF");
        } else {
            problems.add(name, "unknown bridge " + name.quoted() + Suggestions.didYouMean(name.text(), bridgesByName.keySet()));
        }
        return Optional.empty();
    }

    private void parent(InterfaceDraft macvlan) {
        NodeDraft node = nodes.get(macvlan.parentNode.text());
        if (node == null) {
            problems.add(macvlan.parentNode, "unknown node " + macvlan.parentNode.quoted()
                    + Suggestions.didYouMean(macvlan.parentNode.text(), nodes.keySet()));
            return;
        }
        InterfaceDraft parent = node.interfaces.get(macvlan.parent.text());
        if (parent == macvlan) {
            problems.add(macvlan.parent, "a macvlan cannot be its own parent");
        } else if (parent != null && parent.kind == InterfaceDraft.Kind.LOOPBACK) {
            problems.add(macvlan.parent, "a macvlan needs an Ethernet parent, not " + Word.quote(NetInterface.Loopback.NAME));
        } else if (parent != null && parent.kind == InterfaceDraft.Kind.MACVLAN) {
            problems.add(macvlan.parent, onMacvlan(macvlan, parent));
        } else if (parent != null && parent.kind == InterfaceDraft.Kind.VXLAN) {
            // up makes macvlans before vxlans: a vxlan may run over a macvlan, not both ways.
            problems.add(macvlan.parent, "a macvlan cannot sit on vxlan " + macvlan.parent.quoted()
                    + "; make the vxlan a port of a bridge ('to BR') and put the macvlan on the bridge");
        } else if (parent != null && parent.isPort()) {
            // The bridge owns a port's incoming frames, and a macvlan would need them too.
            problems.add(macvlan.parent, "a macvlan cannot sit on " + macvlan.parent.quoted() + ": it is a port of bridge "
                    + Word.quote(parent.master) + " (the kernel says EBUSY); put the macvlan on the bridge");
        } else if (parent == null && !node.isHost()) {
            // A host parent the lab does not make is one of the machine's own (eth0): the executor checks it.
            problems.add(macvlan.parent, BlockResolver.unknownInterface(node, macvlan.parent));
        } else if (parent == null) {
            String problem = Names.interfaceProblem(macvlan.parent.text());
            if (problem != null) {
                problems.add(macvlan.parent, problem);
            }
        }
    }

    /** The kernel would put a macvlan on a macvlan's parent (macvlan_common_newlink): the file should say that one. */
    private String onMacvlan(InterfaceDraft macvlan, InterfaceDraft parent) {
        NodeDraft node = nodes.get(parent.parentNode.text());
        InterfaceDraft grandparent = node == null ? null : node.interfaces.get(parent.parent.text());
        return "a macvlan cannot sit on macvlan " + macvlan.parent.quoted() + ": the kernel puts it on that one's parent; "
                + (grandparent != null && grandparent.kind == InterfaceDraft.Kind.MACVLAN ? "name a parent that is not a macvlan"
                        : "write " + Word.quote(parent.parentNode.text() + ":" + parent.parent.text()));
    }
}
