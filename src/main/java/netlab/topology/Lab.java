package netlab.topology;

import java.util.List;
import java.util.Optional;

/**
 * A resolved lab: every reference checked, every default applied. Immutable; the planner turns
 * it into operations without looking at the file again.
 *
 * @param name the lab's name ({@code lab NAME}, or the file name without {@code .topo})
 * @param file the topology file it came from, as given on the command line
 * @param nodes the host block (if the file has one) and the nodes, in file order
 */
public record Lab(String name, String file, List<Node> nodes) {
    public Lab {
        nodes = List.copyOf(nodes);
    }

    public Optional<Node> node(String nodeName) {
        return nodes.stream().filter(n -> n.name().equals(nodeName)).findFirst();
    }

    public Optional<Node> host() {
        return nodes.stream().filter(Node::isHost).findFirst();
    }

    /** The nodes that are namespaces netlab creates (all but the host). */
    public List<Node> namespaces() {
        return nodes.stream().filter(n -> !n.isHost()).toList();
    }
}
