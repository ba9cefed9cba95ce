package netlab.topology.dsl;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import netlab.topology.Addresses;
import netlab.topology.Cidr;
import netlab.topology.Endpoint;

/**
 * No address twice in one node, nor twice on one segment. A segment is what one frame can reach:
 * the two ends of a veth pair, a bridge with its ports (and so whatever is at the far end of
 * them), a macvlan with its parent. The same address in two parts of the lab that share no
 * segment is legal: they are separate networks.
 */
final class AddressCheck {
    private record Entry(InterfaceDraft owner, Located<Cidr> address) {}

    private final Map<Endpoint, Endpoint> parents = new HashMap<>();

    private AddressCheck() {}

    static void check(Collection<NodeDraft> nodes, Problems problems) {
        AddressCheck segments = new AddressCheck();
        List<Entry> entries = new ArrayList<>();
        for (NodeDraft node : nodes) {
            for (InterfaceDraft i : node.interfaces.values()) {
                if (i.peer != null) {
                    segments.union(i.endpoint(), i.peer);
                }
                if (i.master != null) {
                    segments.union(i.endpoint(), new Endpoint(i.node, i.master));
                }
                if (i.parent != null) {
                    segments.union(i.endpoint(), new Endpoint(i.parentNode.text(), i.parent.text()));
                }
                i.addresses.forEach(a -> entries.add(new Entry(i, a)));
            }
        }
        // Report the later of two writings, so the message points back to the first.
        entries.sort(Comparator.comparingInt((Entry e) -> e.address().source().line())
                .thenComparingInt(e -> e.address().source().column()));
        Map<String, Entry> inNode = new HashMap<>();
        Map<String, Entry> onSegment = new HashMap<>();
        for (Entry entry : entries) {
            InetAddress address = entry.address().value().address();
            String text = Addresses.format(address);
            Entry first = inNode.putIfAbsent(entry.owner().node + "\0" + text, entry);
            if (first != null) {
                problems.add(entry.address().source(), "address " + text + " is already on " + Word.quote(first.owner().name)
                        + " in this node (" + first.address().source() + ")");
                continue;
            }
            first = onSegment.putIfAbsent(segments.find(entry.owner().endpoint()) + "\0" + text, entry);
            if (first != null) {
                problems.add(entry.address().source(), "address " + text + " is already used on this segment by "
                        + Word.quote(first.owner().endpoint().toString()) + " (" + first.address().source() + ")");
            }
        }
    }

    private Endpoint find(Endpoint endpoint) {
        Endpoint root = endpoint;
        for (Endpoint parent = parents.get(root); parent != null; parent = parents.get(root)) {
            root = parent;
        }
        // Path compression: a bridge with thousands of ports stays cheap.
        Endpoint step = endpoint;
        while (!step.equals(root)) {
            Endpoint next = parents.get(step);
            parents.put(step, root);
            step = next;
        }
        return root;
    }

    private void union(Endpoint a, Endpoint b) {
        Endpoint rootA = find(a);
        Endpoint rootB = find(b);
        if (!rootA.equals(rootB)) {
            parents.put(rootA, rootB);
        }
    }
}
