package netlab.partition;

import java.util.Random;

/**
 * The first split: parts grown one after another from a start vertex, each time taking the
 * unplaced vertex with the most nets into the part (ties: the first in the file), until the part
 * reaches the average weight; the last part takes what is left. Part 0 starts from the host
 * block, which stays there; the others from a vertex drawn with the seed, as does a part that
 * runs out of connected vertices (a lab in several pieces).
 */
final class GreedyGrowing {
    private GreedyGrowing() {}

    static void grow(PartitionGraph graph, PartState state, int limit, long seed) {
        Random random = new Random(seed);
        int vertices = graph.vertexCount();
        double average = graph.totalWeight() / (double) state.parts();
        int placed = 0;
        if (graph.hostVertex() >= 0) {
            state.place(graph.hostVertex(), 0);
            placed++;
        }
        for (int p = 0; p < state.parts() - 1 && placed < vertices; p++) {
            int[] links = new int[vertices];
            if (p == 0 && graph.hostVertex() >= 0) {
                count(graph, state, graph.hostVertex(), links);
            }
            while (state.weight(p) < average && placed < vertices) {
                int next = mostLinked(state, links);
                if (next < 0) {
                    if (closeEnough(graph, state, p, limit)) {
                        // Nothing linked is left: a part nearly full ends here rather than
                        // reach into another piece of the lab (a second copy of a bridge).
                        break;
                    }
                    next = drawn(state, vertices, random);
                }
                if (state.weight(p) > 0 && state.weight(p) + graph.weight(next) > limit) {
                    break;
                }
                state.place(next, p);
                placed++;
                count(graph, state, next, links);
            }
        }
        for (int v = 0; v < vertices; v++) {
            if (state.partOf(v) == PartState.NONE) {
                state.place(v, state.parts() - 1);
            }
        }
    }

    /**
     * True when part {@code p} weighs at least the average less the balance allowance, and the
     * parts after it can still take what is unplaced without going over the limit.
     */
    private static boolean closeEnough(PartitionGraph graph, PartState state, int p, int limit) {
        double average = graph.totalWeight() / (double) state.parts();
        int placed = 0;
        for (int q = 0; q <= p; q++) {
            placed += state.weight(q);
        }
        long room = (long) (state.parts() - 1 - p) * limit;
        return state.weight(p) >= average * (1 - Partitioner.BALANCE) && graph.totalWeight() - placed <= room;
    }

    /** Counts, for every unplaced vertex sharing a net with {@code v}, one more link into v's part. */
    private static void count(PartitionGraph graph, PartState state, int v, int[] links) {
        for (int e : graph.netsOf(v)) {
            if (state.pinsIn(e, state.partOf(v)) == 1) {
                // The net just entered this part: each of its unplaced vertices gains a link.
                for (int u : graph.pins(e)) {
                    if (state.partOf(u) == PartState.NONE) {
                        links[u]++;
                    }
                }
            }
        }
    }

    private static int mostLinked(PartState state, int[] links) {
        int best = -1;
        for (int v = 0; v < links.length; v++) {
            if (state.partOf(v) == PartState.NONE && links[v] > 0 && (best < 0 || links[v] > links[best])) {
                best = v;
            }
        }
        return best;
    }

    private static int drawn(PartState state, int vertices, Random random) {
        int unplaced = 0;
        for (int v = 0; v < vertices; v++) {
            if (state.partOf(v) == PartState.NONE) {
                unplaced++;
            }
        }
        int pick = random.nextInt(unplaced);
        for (int v = 0; ; v++) {
            if (state.partOf(v) == PartState.NONE && pick-- == 0) {
                return v;
            }
        }
    }
}
