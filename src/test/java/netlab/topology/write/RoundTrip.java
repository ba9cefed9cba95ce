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
    /** A node's parts, compared one by one so that a message names the one that differs, in this order. */
    private static final List<Map.Entry<String, Function<Node, List<?>>>> PARTS = List.of(
            Map.entry("interfaces", Node::interfaces), Map.entry("routes", Node::routes),
            Map.entry("neighbours", Node::neighbours), Map.entry("sysctls", Node::sysctls), Map.entry("nat", Node::nat),
            Map.entry("impairments", Node::impairments));

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
                for (Map.Entry<String, Function<Node, List<?>>> part : PARTS) {
                    List<?> before = part.getValue().apply(node);
                    List<?> after = part.getValue().apply(nodeBack);
                    if (!before.equals(after)) {
                        differences.add("node " + node.name() + ": " + part.getKey() + "\n  read:    " + before
                                + "\n  back as: " + after);
                    }
                }
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
