package netlab.partition;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A lab split into parts, one per machine: each vertex's part, and what the split costs.
 *
 * @param graph the lab's hypergraph
 * @param parts how many parts (machines)
 * @param partOfVertex each vertex's part, 0 to {@code parts - 1}
 */
public record Partition(PartitionGraph graph, int parts, int[] partOfVertex) {
    public Partition {
        partOfVertex = partOfVertex.clone();
    }

    /** A copy: the record's array is its own, never the caller's to change. */
    @Override
    public int[] partOfVertex() {
        return partOfVertex.clone();
    }

    /** Each node's part, in the file's order of nodes within each vertex. */
    public Map<String, Integer> partOfNode() {
        Map<String, Integer> parts = new LinkedHashMap<>();
        for (int v = 0; v < graph.vertexCount(); v++) {
            for (String node : graph.nodes(v)) {
                parts.put(node, partOfVertex[v]);
            }
        }
        return parts;
    }

    public int[] partWeights() {
        int[] weights = new int[parts];
        for (int v = 0; v < graph.vertexCount(); v++) {
            weights[partOfVertex[v]] += graph.weight(v);
        }
        return weights;
    }

    /** How many parts net {@code e} spans. */
    public int span(int e) {
        boolean[] seen = new boolean[parts];
        int span = 0;
        for (int v : graph.pins(e)) {
            if (!seen[partOfVertex[v]]) {
                seen[partOfVertex[v]] = true;
                span++;
            }
        }
        return span;
    }

    /** The cost: over every net, the parts it spans minus one. */
    public int cut() {
        int cut = 0;
        for (int e = 0; e < graph.netCount(); e++) {
            cut += span(e) - 1;
        }
        return cut;
    }

    /** Veth pairs whose ends land on two machines: each becomes a VXLAN link of its own. */
    public int cutLinks() {
        int cut = 0;
        for (int e = 0; e < graph.netCount(); e++) {
            if (!graph.isBridge(e) && span(e) > 1) {
                cut++;
            }
        }
        return cut;
    }

    /**
     * Each bridge on more than one machine ({@code host:br0}) with how many copies it gets: one
     * per machine, each with one VXLAN device, in the file's order.
     */
    public Map<String, Integer> splitBridges() {
        Map<String, Integer> copies = new LinkedHashMap<>();
        for (int e = 0; e < graph.netCount(); e++) {
            if (graph.isBridge(e) && span(e) > 1) {
                copies.put(graph.netName(e), span(e));
            }
        }
        return copies;
    }

    /** The heaviest part over the average, minus one: 0.03 is 3 % over a perfect balance. */
    public double imbalance() {
        int heaviest = 0;
        for (int w : partWeights()) {
            heaviest = Math.max(heaviest, w);
        }
        return heaviest * (double) parts / graph.totalWeight() - 1;
    }
}
