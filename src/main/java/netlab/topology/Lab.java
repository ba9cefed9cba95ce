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
 * @param expectations the file's {@code expect} statements, in file order
 */
public record Lab(String name, String file, List<Node> nodes, List<Expectation> expectations) {
    public Lab {
        nodes = List.copyOf(nodes);
        expectations = List.copyOf(expectations);
    }

    /** A lab that expects nothing. */
    public Lab(String name, String file, List<Node> nodes) {
        this(name, file, nodes, List.of());
    }

    /** The same lab under another name: one copy of a file brought up with {@code --name}. */
    public Lab named(String other) {
        return new Lab(other, file, nodes, expectations);
    }

    /** The same lab with {@code more} expectations after its own (an expectations file's). */
    public Lab withExpectations(List<Expectation> more) {
        List<Expectation> all = new java.util.ArrayList<>(expectations);
        all.addAll(more);
        return new Lab(name, file, nodes, all);
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
