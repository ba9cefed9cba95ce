package netlab.partition;

/**
 * Brings every part under the weight limit after growing, which may leave the last part, that
 * takes whatever is left, over it: the part over the limit gives up, one at a time, the vertex
 * whose move costs the cut least, to a part with room. The host block stays.
 */
final class Rebalance {
    private Rebalance() {}

    static void apply(PartitionGraph graph, PartState state, int limit) {
        while (true) {
            int heaviest = 0;
            for (int p = 1; p < state.parts(); p++) {
                if (state.weight(p) > state.weight(heaviest)) {
                    heaviest = p;
                }
            }
            if (state.weight(heaviest) <= limit || !moveOneOut(graph, state, heaviest, limit)) {
                return;
            }
        }
    }

    private static boolean moveOneOut(PartitionGraph graph, PartState state, int from, int limit) {
        BestMove move = BestMove.find(graph, state, limit, v -> state.partOf(v) == from && v != graph.hostVertex());
        if (move == null) {
            return false;
        }
        state.move(move.vertex(), move.to());
        return true;
    }
}
