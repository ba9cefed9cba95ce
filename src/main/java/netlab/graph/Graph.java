package netlab.graph;

import java.util.List;

/**
 * A lab as a picture, before any drawing syntax: boxes for the nodes and bridges, lines for the
 * links. Each writer (DOT, Mermaid) spells the same graph, so the two pictures cannot disagree.
 *
 * @param lab the lab's name, the picture's title
 * @param vertices the host first, then each node with its bridges, in the file's order
 */
public record Graph(String lab, List<Vertex> vertices, List<Edge> edges) {
    public Graph {
        vertices = List.copyOf(vertices);
        edges = List.copyOf(edges);
    }

    public enum Shape {
        /** The host: the namespace netlab runs in. */
        HOST,
        /** A network namespace the lab made. */
        NAMESPACE,
        /** A bridge, drawn apart from its node so its ports can meet it. */
        BRIDGE
    }

    /**
     * @param id unique in the graph: the node's name, or NODE:BRIDGE
     * @param lines what the box says under its title: NAT rules, addresses not on a link
     */
    public record Vertex(String id, Shape shape, String title, List<String> lines) {
        public Vertex {
            lines = List.copyOf(lines);
        }
    }

    public enum Style {
        /** A veth pair: each end's interface name and addresses at that end. */
        VETH,
        /** A macvlan: from its parent interface to the node that holds it. */
        MACVLAN,
        /** A bridge belongs to its node. */
        BRIDGE_OF
    }

    /**
     * @param fromEnd text at the {@code from} end (an interface and its addresses), may be empty
     * @param toEnd text at the {@code to} end
     * @param label text along the middle (a macvlan's mode), may be empty
     */
    public record Edge(String from, String to, Style style, List<String> fromEnd, List<String> toEnd, String label) {
        public Edge {
            fromEnd = List.copyOf(fromEnd);
            toEnd = List.copyOf(toEnd);
        }
    }
}
