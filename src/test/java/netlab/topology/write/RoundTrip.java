package netlab.topology.write;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import netlab.topology.Lab;
import netlab.topology.Node;
import netlab.topology.dsl.TopologyException;
import netlab.topology.dsl.TopologyReader;

/**
 * Read, write, read again: the second lab must equal the first but for positions, and writing it
 * again must give the same text (a fixed point). {@link #problem} says what went wrong, in words
 * fit for an assertion message, or nothing.
 */
final class RoundTrip {
    private static final Map<String, Function<Node, List<?>>> PARTS = Map.of(
            "interfaces", Node::interfaces, "routes", Node::routes, "neighbours", Node::neighbours,
            "sysctls", Node::sysctls, "nat", Node::nat, "impairments", Node::impairments);

    private RoundTrip() {}

    /** What goes wrong with {@code lab} (read from a file) through the writer and back; empty when nothing. */
    static Optional<String> problem(Lab lab) {
        String written = TopologyWriter.write(lab);
        Lab again;
        try {
            again = TopologyReader.parse("written.topo", written);
        } catch (TopologyException e) {
            return Optional.of("the written text is refused:\n" + String.join("\n", e.summaries()) + "\n" + numbered(written));
        }
        Optional<String> difference = difference(WithoutPositions.of(lab), WithoutPositions.of(again));
        if (difference.isPresent()) {
            return Optional.of(difference.get() + "\nwritten:\n" + numbered(written));
        }
        String rewritten = TopologyWriter.write(again);
        if (!rewritten.equals(written)) {
            return Optional.of("writing the lab read back gives another text:\n" + numbered(rewritten) + "\nfirst:\n"
                    + numbered(written));
        }
        return Optional.empty();
    }

    private static Optional<String> difference(Lab read, Lab back) {
        if (read.equals(back)) {
            return Optional.empty();
        }
        List<String> differences = new ArrayList<>();
        if (!read.name().equals(back.name())) {
            differences.add("lab name " + read.name() + " came back as " + back.name());
        }
        List<String> names = read.nodes().stream().map(Node::name).toList();
        List<String> namesBack = back.nodes().stream().map(Node::name).toList();
        if (!names.equals(namesBack)) {
            differences.add("nodes " + names + " came back as " + namesBack);
        } else {
            for (int n = 0; n < names.size(); n++) {
                Node node = read.nodes().get(n);
                Node nodeBack = back.nodes().get(n);
                PARTS.forEach((part, of) -> {
                    if (!of.apply(node).equals(of.apply(nodeBack))) {
                        differences.add("node " + node.name() + ": " + part + "\n  read:    " + of.apply(node)
                                + "\n  back as: " + of.apply(nodeBack));
                    }
                });
            }
        }
        if (!read.expectations().equals(back.expectations())) {
            differences.add("expectations\n  read:    " + read.expectations() + "\n  back as: " + back.expectations());
        }
        return Optional.of(String.join("\n", differences));
    }

    private static String numbered(String text) {
        List<String> lines = text.lines().toList();
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < lines.size(); i++) {
            out.append(String.format("%4d  %s%n", i + 1, lines.get(i)));
        }
        return out.toString();
    }
}
