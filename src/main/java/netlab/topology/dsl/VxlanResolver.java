package netlab.topology.dsl;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import netlab.topology.Node;
import netlab.topology.Addresses;
import netlab.topology.Cidr;

/**
 * The interfaces that {@code vxlan} makes, in three passes: {@link #create} before links and
 * macvlans (a macvlan's parent is checked against every interface), {@link #masters} once links
 * have made theirs and before the blocks' addresses are read (a bridge port takes none), and
 * {@link #underlays} after those, since the underlay is the interface of the node that the file
 * gives {@code local} to.
 */
final class VxlanResolver {
    private final Problems problems;
    private final Map<String, NodeDraft> nodes;
    private final Map<Syntax.Block, NodeDraft> owners;
    private final List<InterfaceDraft> vxlans = new ArrayList<>();

    VxlanResolver(Problems problems, Map<String, NodeDraft> nodes, Map<Syntax.Block, NodeDraft> owners) {
        this.problems = problems;
        this.nodes = nodes;
        this.owners = owners;
    }

    void create(List<Syntax.Block> blocks) {
        Map<String, InterfaceDraft> byVni = new HashMap<>();
        for (Syntax.Block block : blocks) {
            NodeDraft node = owners.get(block);
            for (Syntax.Statement statement : block.statements()) {
                if (!(statement instanceof Syntax.Vxlan vxlan)) {
                    continue;
                }
                InterfaceDraft draft = new InterfaceDraft(InterfaceDraft.Kind.VXLAN, node.name, vxlan.name().text(),
                        vxlan.source());
                draft.vxlan = vxlan;
                draft.mtu = vxlan.mtu().orElse(null);
                if (!Resolver.add(problems, node, draft, vxlan.name(), false)) {
                    continue;
                }
                // The kernel keeps one vxlan per VNI and UDP port in the socket's namespace
                // (vxlan_vni_in_use: EEXIST): the node's, or for every vxlan over the machine (the host
                // block's and every 'underlay host' one), the machine's.
                boolean overMachine = vxlan.machine() || Node.HOST.equals(node.name);
                String socket = overMachine ? "\0machine" : node.name;
                InterfaceDraft first = byVni.putIfAbsent(socket + "\0" + vxlan.vni() + "\0" + vxlan.port(), draft);
                if (first != null) {
                    problems.add(vxlan.source(), "vxlan " + vxlan.name().quoted() + " has vni " + vxlan.vni()
                            + " and dstport " + vxlan.port() + " like " + Word.quote(first.name) + " (made at "
                            + first.source + "); the kernel takes one vxlan per vni and port in "
                            + (overMachine ? "the machine, over which both run" : "a node") + " (EEXIST)");
                    continue;
                }
                vxlans.add(draft);
            }
        }
    }

    /** Once links have made their interfaces: {@code to BR} names a bridge of the vxlan's own node. */
    void masters() {
        for (InterfaceDraft vxlan : vxlans) {
            vxlan.vxlan.master().ifPresent(bridge -> master(nodes.get(vxlan.node), vxlan, bridge));
        }
    }

    private void master(NodeDraft node, InterfaceDraft draft, Word bridge) {
        InterfaceDraft found = node.interfaces.get(bridge.text());
        if (found != null && found.kind == InterfaceDraft.Kind.BRIDGE) {
            draft.master = found.name;
            return;
        }
        List<String> elsewhere = nodes.values().stream()
                .filter(n -> n != node && n.interfaces.containsKey(bridge.text())
                        && n.interfaces.get(bridge.text()).kind == InterfaceDraft.Kind.BRIDGE)
                .map(n -> n.name).toList();
        if (found != null) {
            problems.add(bridge, bridge.quoted() + " is " + found.describe() + ", not a bridge; 'to' names a bridge of "
                    + Word.quote(node.name));
        } else if (!elsewhere.isEmpty()) {
            problems.add(bridge, "bridge " + bridge.quoted() + " is in node " + Word.quote(elsewhere.getFirst())
                    + ", not in " + Word.quote(node.name) + "; a vxlan is a port of a bridge of its own node");
        } else {
            problems.add(bridge, BlockResolver.unknownInterface(node, bridge));
        }
    }

    /** Once every address is known: each {@code local} names the interface holding it, the underlay. */
    void underlays() {
        for (InterfaceDraft vxlan : vxlans) {
            if (vxlan.vxlan.local().isPresent()) {
                underlay(nodes.get(vxlan.node), vxlan, vxlan.vxlan.local().get());
            }
        }
    }

    private void underlay(NodeDraft node, InterfaceDraft vxlan, Located<java.net.InetAddress> local) {
        InterfaceDraft holder = null;
        for (InterfaceDraft i : node.interfaces.values()) {
            if (holder == null && i.addresses.stream().map(Located::value).map(Cidr::address).anyMatch(local.value()::equals)) {
                holder = i;
            }
        }
        String address = Word.quote(Addresses.format(local.value()));
        String problem;
        if (holder == null) {
            problem = "local " + address + " is no address of node " + Word.quote(node.name)
                    + "; give it to the interface the tunnel runs over (the underlay)";
        } else if (holder == vxlan) {
            problem = "local " + address + " is the vxlan's own address; give the underlay's";
        } else if (holder.kind == InterfaceDraft.Kind.LOOPBACK) {
            problem = "local " + address + " is on lo, which cannot carry the tunnel; give the address of the interface "
                    + "it runs over";
        } else if (holder.kind == InterfaceDraft.Kind.VXLAN) {
            problem = "local " + address + " is on vxlan " + Word.quote(holder.name)
                    + "; netlab does not run a vxlan over another";
        } else if (hasVxlanPort(node, holder)) {
            // A vxlan's MTU follows its underlay's, and a bridge's its ports': up could not order them.
            problem = "local " + address + " is on bridge " + Word.quote(holder.name)
                    + ", which has a vxlan port; a vxlan cannot run over a bridge with vxlan ports";
        } else {
            vxlan.underlay = holder.name;
            return;
        }
        problems.add(local.source(), problem);
    }

    private static boolean hasVxlanPort(NodeDraft node, InterfaceDraft bridge) {
        return bridge.kind == InterfaceDraft.Kind.BRIDGE && node.interfaces.values().stream()
                .anyMatch(i -> i.kind == InterfaceDraft.Kind.VXLAN && bridge.name.equals(i.master));
    }
}
