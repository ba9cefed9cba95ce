package netlab.topology.write;

import java.util.ArrayList;
import java.util.List;
import netlab.topology.Cidr;
import netlab.topology.Endpoint;
import netlab.topology.NetInterface;
import netlab.topology.NetInterface.Bridge;
import netlab.topology.NetInterface.Loopback;
import netlab.topology.NetInterface.Macvlan;
import netlab.topology.NetInterface.MacvlanMode;
import netlab.topology.NetInterface.VethEnd;
import netlab.topology.NetInterface.Vxlan;
import netlab.topology.Node;

/**
 * The statements that make a node's interfaces, and the {@code address}, {@code mtu} and
 * {@code mac} lines of what those cannot carry. A veth pair is made once, by the {@code link} in its creator's block.
 */
final class InterfaceLines {
    private final LabIndex lab;

    InterfaceLines(LabIndex lab) {
        this.lab = lab;
    }

    /**
     * In the order of the node's interfaces: the reader lists a node's interfaces in the order of
     * the lines that made them, so lines in that order, blocks in the lab's, give every node its
     * order back, the far ends of other blocks' links included.
     */
    List<String> made(Node node) {
        List<String> lines = new ArrayList<>();
        for (NetInterface i : node.interfaces()) {
            switch (i) {
                case Loopback lo -> {} // every node has one
                case Bridge bridge -> lines.add(withAddresses("bridge " + bridge.name(), "", bridge.addresses()));
                case VethEnd end when end.creator() -> lines.add(link(node, end));
                case VethEnd end -> {} // made by the link in its creator's block
                case Macvlan macvlan -> lines.add(macvlan(macvlan));
                case Vxlan vxlan -> lines.add(VxlanLine.of(vxlan));
            }
        }
        return lines;
    }

    /** {@code address IF ...} for the interfaces whose statement has no place for addresses here. */
    List<String> addressed(Node node) {
        return node.interfaces().stream()
                .filter(i -> !i.addresses().isEmpty() && !madeWithAddresses(i))
                .map(i -> "address " + i.name() + " " + Words.addresses(i.addresses()))
                .toList();
    }

    /** {@code mtu IF N}, but for a vxlan, whose own statement says it. */
    List<String> mtus(Node node) {
        return node.interfaces().stream()
                .filter(i -> i.mtu().isPresent() && !(i instanceof Vxlan))
                .map(i -> "mtu " + i.name() + " " + i.mtu().getAsInt())
                .toList();
    }

    /** {@code mac IF MAC}: no statement that makes an interface carries its MAC. */
    List<String> macs(Node node) {
        return node.interfaces().stream()
                .filter(i -> i.mac().isPresent())
                .map(i -> "mac " + i.name() + " " + i.mac().get())
                .toList();
    }

    private static boolean madeWithAddresses(NetInterface i) {
        return switch (i) {
            case Bridge bridge -> true;
            case VethEnd end -> end.creator();
            case Macvlan macvlan -> true;
            case Loopback lo -> false;
            case Vxlan vxlan -> false;
        };
    }

    /**
     * {@code link IF to NODE:IF}, or to a bridge {@code link IF to [NODE:]BR [port NAME]}: the
     * bridge's bare name when it is the only one so called, the port's name when the reader
     * would not give it that name by itself.
     */
    private String link(Node node, VethEnd end) {
        Endpoint peer = end.peer();
        String target = peer.toString();
        String port = "";
        if (lab.find(peer).orElse(null) instanceof VethEnd far && far.master().isPresent()) {
            String bridge = far.master().get();
            target = lab.uniqueBridge(bridge) ? bridge : peer.node() + ":" + bridge;
            boolean automatic = peer.interfaceName().equals(AutomaticPortName.of(node.name(), end.name()));
            port = automatic ? "" : " port " + peer.interfaceName();
        }
        return withAddresses("link " + end.name() + " to " + target + port, " address", end.addresses());
    }

    /** {@code macvlan IF on NODE:IF [mode M] [address ...]}; bridge, the reader's default mode, goes unsaid. */
    private static String macvlan(Macvlan macvlan) {
        String mode = macvlan.mode() == MacvlanMode.BRIDGE ? "" : " mode " + macvlan.mode().keyword();
        return withAddresses("macvlan " + macvlan.name() + " on " + macvlan.parent() + mode, " address",
                macvlan.addresses());
    }

    private static String withAddresses(String line, String option, List<Cidr> addresses) {
        return addresses.isEmpty() ? line : line + option + " " + Words.addresses(addresses);
    }
}
