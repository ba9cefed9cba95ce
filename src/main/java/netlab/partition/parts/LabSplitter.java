package netlab.partition.parts;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;
import netlab.partition.Partition;
import netlab.topology.Endpoint;
import netlab.topology.Expectation;
import netlab.topology.Lab;
import netlab.topology.Macs;
import netlab.topology.Mtus;
import netlab.topology.NetInterface;
import netlab.topology.NetInterface.Bridge;
import netlab.topology.NetInterface.Loopback;
import netlab.topology.NetInterface.VethEnd;
import netlab.topology.NetInterface.Vxlan;
import netlab.topology.Node;

/**
 * A lab split over machines, as one ordinary lab per machine (a part). A node goes to its part
 * whole. A veth pair whose ends fall on two machines becomes a tunnel: on each side a vxlan over
 * the machine ({@code underlay host}) with the end's name and addresses and its own VNI. A bridge
 * whose ports fall on several machines becomes a segment: a copy of the bridge on each of them
 * (in the bridge's node, which on another machine holds only that copy), each with one vxlan
 * port to all the others, sharing one VNI. Tunnels and segments take the MTU the underlay
 * carries when the file's is larger. VNIs are numbered from the base in the file's order.
 *
 * <p>MACs are chosen here, for all the parts at once, since a segment is one Ethernet across the
 * machines and no machine sees the others' parts: every interface of the lab keeps the lab's MAC
 * ({@link Macs}), and each one the split adds (a bridge's copy on another machine, every vxlan
 * port of a segment) gets a {@code mac} line with one of its own.
 */
public final class LabSplitter {
    private final Lab lab;
    private final Map<String, Integer> partOf;
    /** The lab's nodes by name. */
    private final Map<String, Node> nodes = new HashMap<>();
    private final Underlay underlay;
    private final Mtus mtus;
    private final Macs macs;
    /** Every MAC the parts hold between them: the lab's, then each one the split adds. */
    private final Set<String> macsTaken;
    private final List<Map<String, NodeDraft>> parts = new ArrayList<>();
    private int nextVni;
    /** VNIs of the lab's own vxlans over the machine on the split's port: the split's tunnels skip them (EEXIST). */
    private final Set<Integer> machineVnis = new HashSet<>();

    private LabSplitter(Lab lab, Partition partition, Underlay underlay, int vniBase) {
        this.lab = lab;
        this.partOf = partition.partOfNode();
        this.underlay = underlay;
        this.mtus = Mtus.of(lab);
        this.macs = Macs.of(lab);
        this.macsTaken = new HashSet<>(macs.all());
        lab.nodes().forEach(node -> nodes.put(node.name(), node));
        this.nextVni = vniBase;
        machineVnis.addAll(machineVnis(lab));
        for (int p = 0; p < partition.parts(); p++) {
            parts.add(new LinkedHashMap<>());
        }
    }

    /** How many VNIs the split of {@code lab} needs: one per cut veth pair and one per split bridge. */
    public static int vnisNeeded(Lab lab, Partition partition) {
        return partition.cutLinks() + partition.splitBridges().size();
    }

    /**
     * How many VNIs from a base the split may run over: those it needs, and at most one skipped
     * for each VNI the lab's own tunnels over the machine hold. A range claimed for the lab (k8s
     * up) must be this long, or the split's last VNIs would fall in another lab's.
     */
    public static int vniSpan(Lab lab, Partition partition) {
        return vnisNeeded(lab, partition) + machineVnis(lab).size();
    }

    /** The VNIs of the lab's own vxlans over the machine on the IANA port (the port the split's use). */
    private static Set<Integer> machineVnis(Lab lab) {
        Set<Integer> vnis = new HashSet<>();
        for (Node node : lab.nodes()) {
            for (NetInterface i : node.interfaces()) {
                if (i instanceof Vxlan v && (v.machine() || node.isHost()) && v.port() == Vxlan.IANA_PORT) {
                    vnis.add(v.vni());
                }
            }
        }
        return vnis;
    }

    /**
     * Refuses a split that leaves a machine nothing to build (more machines than nodes that can be
     * apart): its agent could only fail. The message names what to ask for instead.
     */
    public static void requireEveryPartUsed(Lab lab, Partition partition) {
        long used = partition.partOfNode().values().stream().distinct().count();
        if (used < partition.parts()) {
            throw new IllegalArgumentException("lab " + lab.name() + " fills only " + used + " of " + partition.parts()
                    + " machines (its nodes that can be apart), so " + (partition.parts() - used)
                    + " would have nothing to build; ask for " + used + " or fewer");
        }
    }

    /** The part of each machine, index = part, each named as the lab. */
    public static List<Lab> split(Lab lab, Partition partition, Underlay underlay, int vniBase) {
        if (underlay.addresses().size() != partition.parts()) {
            throw new IllegalArgumentException("an underlay address per part");
        }
        requireEveryPartUsed(lab, partition);
        VniBase.requireFits(vniBase, vnisNeeded(lab, partition));
        return new LabSplitter(lab, partition, underlay, vniBase).split();
    }

    private List<Lab> split() {
        for (Node node : lab.nodes()) {
            parts.get(partOf.get(node.name())).put(node.name(), NodeDraft.of(node));
        }
        for (Node node : lab.nodes()) {
            for (NetInterface i : node.interfaces()) {
                if (i instanceof Bridge bridge) {
                    segment(node, bridge);
                }
            }
        }
        for (Node node : lab.nodes()) {
            for (NetInterface i : node.interfaces()) {
                if (i instanceof VethEnd end && end.creator() && end.master().isEmpty() && !isPort(end.peer())
                        && part(end.peer()) != partOf.get(node.name()).intValue()) {
                    tunnel(node, end);
                }
            }
        }
        List<Lab> labs = new ArrayList<>();
        for (int p = 0; p < parts.size(); p++) {
            keepTheLabsMacs(p);
            clampMacvlans(p);
            labs.add(part(p));
        }
        return labs;
    }

    private Lab part(int p) {
        List<Node> nodes = ordered(parts.get(p)).stream().map(NodeDraft::build).toList();
        return new Lab(lab.name(), lab.file(), nodes, expectations(p));
    }

    /**
     * A {@code mac} line for each interface of the lab whose MAC the part alone would derive
     * otherwise: where the lab hashed one again past another interface's (which this part may
     * not hold), or where the part's own derivation meets a MAC the split added. Rare; it keeps
     * every interface's MAC the lab's on every machine.
     */
    private void keepTheLabsMacs(int p) {
        Macs derived = Macs.of(part(p));
        for (NodeDraft node : parts.get(p).values()) {
            String name = node.original.name();
            for (NetInterface i : List.copyOf(node.interfaces)) {
                boolean inTheLab = nodes.get(name).netInterface(i.name()).isPresent();
                if (inTheLab && !(i instanceof Loopback) && i.mac().isEmpty()
                        && !macs.mac(name, i.name()).equals(derived.mac(name, i.name()))) {
                    node.giveMac(i.name(), macs.mac(name, i.name()));
                }
            }
        }
    }

    /**
     * A macvlan's MTU no higher than its parent's in the part: a parent that became a split bridge
     * or a port under the tunnels' MTU took a lower one, as the file's larger MTUs do.
     */
    private void clampMacvlans(int p) {
        Mtus partMtus = Mtus.of(part(p));
        for (NodeDraft node : parts.get(p).values()) {
            for (NetInterface i : List.copyOf(node.interfaces)) {
                if (i instanceof NetInterface.Macvlan m && m.mtu().isPresent()) {
                    OptionalInt parent = partMtus.parentMtu(new Endpoint(node.original.name(), m.name()));
                    if (parent.isPresent() && parent.getAsInt() < m.mtu().getAsInt()) {
                        node.replace(m.name(), new NetInterface.Macvlan(m.name(), m.parent(), m.mode(), m.addresses(),
                                parent, m.mac(), m.source()));
                    }
                }
            }
        }
    }

    /**
     * The MAC of an interface the split adds on machine {@code part}: derived from the lab's, the
     * node's and the interface's names and the machine's number, hashed again while any part has it.
     */
    private Optional<String> addedMac(Node node, String name, int part) {
        return Optional.of(Macs.derive(List.of(lab.name(), node.name(), name, "part " + part), macsTaken));
    }

    /** The next VNI, past those the lab's own tunnels over the machine hold. */
    private int vni() {
        while (machineVnis.contains(nextVni)) {
            nextVni++;
        }
        if (nextVni >= VniBase.LIMIT) {
            throw new IllegalArgumentException("the split's VNIs run past " + (VniBase.LIMIT - 1) + " (the lab's own "
                    + "vxlans over the machine hold " + machineVnis.size() + " of them); take a lower --vni-base");
        }
        return nextVni++;
    }

    /** A veth pair across machines: each end becomes a vxlan towards the other's machine. */
    private void tunnel(Node node, VethEnd end) {
        int vni = vni();
        Endpoint near = new Endpoint(node.name(), end.name());
        NodeDraft here = draft(near.node());
        NodeDraft there = draft(end.peer().node());
        VethEnd far = (VethEnd) there.find(end.peer().interfaceName()).orElseThrow();
        here.replace(end.name(), vxlan(end.name(), vni, List.of(underlay.of(part(end.peer()))), Optional.empty(),
                end.addresses(), clamp(mtus.mtu(near)), end.mac(), end.source()));
        there.replace(far.name(), vxlan(far.name(), vni, List.of(underlay.of(part(near))), Optional.empty(),
                far.addresses(), clamp(mtus.mtu(end.peer())), far.mac(), far.source()));
        here.writePeerMac(end.name(), macs.mac(end.peer()));
        there.writePeerMac(far.name(), macs.mac(near));
    }

    /** A bridge with ports on several machines: a copy on each, one VNI, the far ends' MTUs clamped. */
    private void segment(Node node, Bridge bridge) {
        Map<VethEnd, Integer> ports = new LinkedHashMap<>();
        TreeSet<Integer> machines = new TreeSet<>(List.of(partOf.get(node.name())));
        for (NetInterface i : node.interfaces()) {
            if (i instanceof VethEnd port && port.master().filter(bridge.name()::equals).isPresent()) {
                ports.put(port, part(port.peer()));
                machines.add(part(port.peer()));
            }
        }
        if (machines.size() == 1) {
            return;
        }
        int vni = vni();
        int home = partOf.get(node.name());
        int limit = underlay.tunnelMtu();
        OptionalInt bridgeMtu = bridge.mtu().isPresent() && bridge.mtu().getAsInt() > limit ? OptionalInt.of(limit)
                : bridge.mtu();
        String vxlanName = "vx" + vni;
        for (int machine : machines) {
            NodeDraft holder = machine == home ? draft(node.name())
                    : parts.get(machine).computeIfAbsent(node.name(), n -> NodeDraft.copyOf(node));
            if (machine == home) {
                holder.replace(bridge.name(), new Bridge(bridge.name(), bridge.addresses(), bridgeMtu, bridge.mac(),
                        bridge.source()));
                clampLabVxlanPorts(node, bridge, limit);
            } else {
                holder.interfaces.add(new Bridge(bridge.name(), List.of(), bridgeMtu, addedMac(node, bridge.name(), machine),
                        bridge.source()));
            }
            List<InetAddress> others = machines.stream().filter(m -> m != machine).map(underlay::of).toList();
            String port = holder.freeName(vxlanName);
            holder.interfaces.add(vxlan(port, vni, others,
                    Optional.of(bridge.name()), List.of(), OptionalInt.of(Math.min(limit,
                            mtus.mtu(new Endpoint(node.name(), bridge.name())).orElse(limit))), addedMac(node, port, machine),
                    bridge.source()));
        }
        // Each port moves to its far end's machine, with its sysctls and impairments (the home copy takes back its own).
        ports.forEach((port, machine) -> {
            VethEnd clamped = clampEnd(new Endpoint(node.name(), port.name()), port);
            draft(node.name()).moveInterface(port.name(), clamped, parts.get(machine).get(node.name()));
            NodeDraft farNode = draft(port.peer().node());
            VethEnd far = (VethEnd) farNode.find(port.peer().interfaceName()).orElseThrow();
            farNode.replace(far.name(), clampEnd(port.peer(), far));
        });
    }

    /**
     * The lab's own vxlans that are ports of a split bridge (they stay home: a vxlan is not cut)
     * carry no more than the split's tunnels, as the veth ports do: a larger frame they bring in
     * could not cross to the bridge's other copies.
     */
    private void clampLabVxlanPorts(Node node, Bridge bridge, int limit) {
        for (NetInterface i : node.interfaces()) {
            if (i instanceof Vxlan v && v.master().filter(bridge.name()::equals).isPresent()
                    && mtus.mtu(new Endpoint(node.name(), v.name())).orElse(limit) > limit) {
                draft(node.name()).replace(v.name(), new Vxlan(v.name(), v.vni(), v.remotes(), v.local(), v.underlay(),
                        v.machine(), v.port(), v.master(), v.addresses(), OptionalInt.of(limit), v.mac(), v.source()));
            }
        }
    }

    private VethEnd clampEnd(Endpoint endpoint, VethEnd end) {
        OptionalInt mtu = mtus.mtu(endpoint);
        if (mtu.isPresent() && mtu.getAsInt() <= underlay.tunnelMtu()) {
            return end;
        }
        return new VethEnd(end.name(), end.peer(), end.creator(), end.master(), end.addresses(),
                OptionalInt.of(underlay.tunnelMtu()), end.mac(), end.source());
    }

    private Vxlan vxlan(String name, int vni, List<InetAddress> remotes, Optional<String> master,
            List<netlab.topology.Cidr> addresses, OptionalInt mtu, Optional<String> mac, netlab.topology.Source source) {
        return new Vxlan(name, vni, remotes, Optional.empty(), Optional.empty(), true, Vxlan.IANA_PORT, master,
                addresses, mtu, mac, source);
    }

    /** The end's MTU, or the underlay's for tunnels when that is smaller; always written out. */
    private OptionalInt clamp(OptionalInt mtu) {
        return OptionalInt.of(Math.min(mtu.orElse(Mtus.ETH_DATA_LEN), underlay.tunnelMtu()));
    }

    private boolean isPort(Endpoint endpoint) {
        return lab.node(endpoint.node()).flatMap(n -> n.netInterface(endpoint.interfaceName()))
                .filter(i -> i instanceof VethEnd end && end.master().isPresent()).isPresent();
    }

    private int part(Endpoint endpoint) {
        return partOf.get(endpoint.node());
    }

    private NodeDraft draft(String node) {
        return parts.get(partOf.get(node)).get(node);
    }

    /** The file's order, the host block first as the file has it; copies where their node would be. */
    private List<NodeDraft> ordered(Map<String, NodeDraft> part) {
        List<NodeDraft> ordered = new ArrayList<>();
        for (Node node : lab.nodes()) {
            Optional.ofNullable(part.get(node.name())).ifPresent(ordered::add);
        }
        return ordered;
    }

    /** The file's expectations that this part can check alone: its own nodes, to its own nodes. */
    private List<Expectation> expectations(int part) {
        return lab.expectations().stream()
                .filter(e -> owns(part, e.node()) && e.target().owners().stream().allMatch(o -> owns(part, o)))
                .toList();
    }

    /**
     * The node is the part's own, not a copy holding a bridge. The host of a lab without a host
     * block is every machine's own; its expectations go with part 0, as a host block would.
     */
    private boolean owns(int part, String node) {
        return partOf.getOrDefault(node, Node.HOST.equals(node) ? 0 : -1) == part;
    }
}
