package netlab.partition;

import java.util.ArrayList;
import java.util.List;

/**
 * Fiduccia-Mattheyses passes over a k-way split. A pass moves, one at a time, the unlocked vertex
 * whose move to another part lowers the cut most (or raises it least), keeping every part within
 * the weight limit, and locks it; then it keeps the moves up to the lowest cut it passed through
 * and undoes the rest. Moves that raise the cut for a while let a pass climb out of a local
 * minimum. Passes repeat while one improves the cut. The host block is never moved.
 */
final class FmRefinement {
    /** Enough for the labs netlab builds; each pass after the first usually gains little. */
    private static final int MAX_PASSES = 8;

    private FmRefinement() {}

    static void refine(PartitionGraph graph, PartState state, int limit) {
        for (int pass = 0; pass < MAX_PASSES; pass++) {
            if (!pass(graph, state, limit)) {
                return;
            }
        }
    }

    private record Move(int vertex, int from) {}

    /** One pass; true if it lowered the cut. */
    private static boolean pass(PartitionGraph graph, PartState state, int limit) {
        boolean[] locked = new boolean[graph.vertexCount()];
        if (graph.hostVertex() >= 0) {
            locked[graph.hostVertex()] = true;
        }
        List<Move> moves = new ArrayList<>();
        int start = state.cut();
        int best = start;
        int bestLength = 0;
        while (true) {
            // A vertex on no net gains nothing anywhere: left where it is.
            BestMove move = BestMove.find(graph, state, limit, v -> !locked[v] && graph.netsOf(v).length > 0);
            if (move == null) {
                break;
            }
            moves.add(new Move(move.vertex(), state.partOf(move.vertex())));
            state.move(move.vertex(), move.to());
            locked[move.vertex()] = true;
            if (state.cut() < best) {
                best = state.cut();
                bestLength = moves.size();
            }
        }
        for (int i = moves.size() - 1; i >= bestLength; i--) {
            state.move(moves.get(i).vertex(), moves.get(i).from());
        }
        return best < start;
    }
}
