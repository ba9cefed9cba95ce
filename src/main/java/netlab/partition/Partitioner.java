package netlab.partition;

/**
 * Splits a lab's hypergraph into K balanced parts with few cut nets, in the manner of METIS and
 * its hypergraph cousins: greedy growing gives a first split, Fiduccia-Mattheyses passes improve
 * it. Deterministic for a given seed. The host block stays in part 0 (the first machine: the one
 * whose host block the file describes). A part may weigh at most 5 % over the average, or the
 * average plus the heaviest vertex when the vertices are too coarse for that (three nodes do not
 * split evenly over two machines). No part is left empty while there are vertices enough.
 */
public final class Partitioner {
    /** How far over the average a part may weigh. */
    public static final double BALANCE = 0.05;

    private Partitioner() {}

    public static Partition partition(PartitionGraph graph, int parts, long seed) {
        if (parts < 1) {
            throw new IllegalArgumentException("a lab splits into at least one part, not " + parts);
        }
        int limit = weightLimit(graph, parts);
        PartState state = new PartState(graph, parts);
        GreedyGrowing.grow(graph, state, limit, seed);
        Rebalance.apply(graph, state, limit);
        FmRefinement.refine(graph, state, limit);
        FillEmptyParts.apply(graph, state);
        return new Partition(graph, parts, state.assignment());
    }

    /** The most a part may weigh. */
    public static int weightLimit(PartitionGraph graph, int parts) {
        int heaviest = 0;
        for (int v = 0; v < graph.vertexCount(); v++) {
            heaviest = Math.max(heaviest, graph.weight(v));
        }
        double average = graph.totalWeight() / (double) parts;
        return Math.max((int) Math.ceil(average) + heaviest, (int) Math.floor(average * (1 + BALANCE)));
    }
}
