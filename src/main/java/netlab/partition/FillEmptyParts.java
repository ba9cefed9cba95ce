package netlab.partition;

/**
 * Gives every part at least one vertex when there are enough: a lab split over K machines is
 * meant to use K machines, and a weight limit loose enough for coarse vertices (two nodes over
 * two machines may share one) would otherwise leave a machine with nothing to build. Each empty
 * part takes, from a part with two vertices or more, the vertex whose move costs the cut least
 * (ties: the first). The host block stays.
 */
final class FillEmptyParts {
    private FillEmptyParts() {}

    static void apply(PartitionGraph graph, PartState state) {
        int[] count = new int[state.parts()];
        for (int v = 0; v < graph.vertexCount(); v++) {
            count[state.partOf(v)]++;
        }
        for (int empty = 0; empty < state.parts(); empty++) {
            if (count[empty] > 0) {
                continue;
            }
            int best = -1;
            int bestGain = Integer.MIN_VALUE;
            for (int v = 0; v < graph.vertexCount(); v++) {
                if (v == graph.hostVertex() || count[state.partOf(v)] < 2) {
                    continue;
                }
                int gain = state.gain(v, empty);
                if (gain > bestGain) {
                    bestGain = gain;
                    best = v;
                }
            }
            if (best < 0) {
                return; // fewer vertices than parts
            }
            count[state.partOf(best)]--;
            count[empty]++;
            state.move(best, empty);
        }
    }
}
