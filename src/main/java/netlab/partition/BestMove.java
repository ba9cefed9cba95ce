package netlab.partition;

import java.util.function.IntPredicate;

/**
 * The move that lowers the cut most (or raises it least) among the vertices {@code movable}
 * allows, to any other part with room for it; ties go to the first vertex and the first part.
 */
record BestMove(int vertex, int to) {
    /** The best move, or null when no allowed vertex fits in another part. */
    static BestMove find(PartitionGraph graph, PartState state, int limit, IntPredicate movable) {
        int bestVertex = -1;
        int bestTo = -1;
        int bestGain = Integer.MIN_VALUE;
        for (int v = 0; v < graph.vertexCount(); v++) {
            if (!movable.test(v)) {
                continue;
            }
            for (int to = 0; to < state.parts(); to++) {
                if (to != state.partOf(v) && state.weight(to) + graph.weight(v) <= limit) {
                    int gain = state.gain(v, to);
                    if (gain > bestGain) {
                        bestGain = gain;
                        bestVertex = v;
                        bestTo = to;
                    }
                }
            }
        }
        return bestVertex < 0 ? null : new BestMove(bestVertex, bestTo);
    }
}
