package netlab.partition;

import java.util.Arrays;

/**
 * A partition being built: each vertex's part (-1: none yet), each part's weight, and for each
 * net how many of its vertices are in each part, kept up to date on every move, so that the gain
 * of a move costs one look per net of the vertex, however many vertices a bridge's net has.
 */
final class PartState {
    static final int NONE = -1;

    private final PartitionGraph graph;
    private final int parts;
    private final int[] part;
    private final int[] weight;
    private final int[][] pinsInPart;
    private int cut;

    PartState(PartitionGraph graph, int parts) {
        this.graph = graph;
        this.parts = parts;
        this.part = new int[graph.vertexCount()];
        Arrays.fill(part, NONE);
        this.weight = new int[parts];
        this.pinsInPart = new int[graph.netCount()][parts];
    }

    int parts() {
        return parts;
    }

    int partOf(int v) {
        return part[v];
    }

    int weight(int p) {
        return weight[p];
    }

    int pinsIn(int e, int p) {
        return pinsInPart[e][p];
    }

    /** The connectivity cost of the vertices placed so far (each net: parts spanned minus one). */
    int cut() {
        return cut;
    }

    /** Puts unplaced vertex {@code v} into part {@code p}. */
    void place(int v, int p) {
        for (int e : graph.netsOf(v)) {
            if (spans(e) > 0 && pinsInPart[e][p] == 0) {
                cut++;
            }
            pinsInPart[e][p]++;
        }
        part[v] = p;
        weight[p] += graph.weight(v);
    }

    /** Moves placed vertex {@code v} to part {@code to}. */
    void move(int v, int to) {
        cut -= gain(v, to);
        int from = part[v];
        for (int e : graph.netsOf(v)) {
            pinsInPart[e][from]--;
            pinsInPart[e][to]++;
        }
        part[v] = to;
        weight[from] -= graph.weight(v);
        weight[to] += graph.weight(v);
    }

    /** How much the cut falls if placed vertex {@code v} moves to part {@code to} (negative: it grows). */
    int gain(int v, int to) {
        int from = part[v];
        int gain = 0;
        for (int e : graph.netsOf(v)) {
            if (pinsInPart[e][from] == 1) {
                gain++; // the net leaves part "from"
            }
            if (pinsInPart[e][to] == 0) {
                gain--; // and enters part "to"
            }
        }
        return gain;
    }

    private int spans(int e) {
        int span = 0;
        for (int p = 0; p < parts; p++) {
            if (pinsInPart[e][p] > 0) {
                span++;
            }
        }
        return span;
    }

    int[] assignment() {
        return part.clone();
    }
}
