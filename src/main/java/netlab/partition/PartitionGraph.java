package netlab.partition;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import netlab.topology.Endpoint;
import netlab.topology.Lab;
import netlab.topology.NetInterface;
import netlab.topology.Node;

/**
 * A lab as the partitioner sees it: a hypergraph. A vertex is a group of nodes that must run on
 * one machine ({@link KeptTogether}: a node with the nodes whose macvlans sit on its interfaces,
 * the two ends of a veth that must stay a veth), weighted by what its
 * nodes hold. A net is what a cut costs: a veth pair between two vertices (cut: one VXLAN link),
 * or a bridge with the vertices at the far ends of its ports (split: one copy of the bridge on
 * each machine that has a port, joined by one VNI). A net spanning λ parts costs λ - 1, the
 * "connectivity" metric of hypergraph partitioners: a bridge on four machines costs 3, however
 * many ports it has. Vertices and nets are numbered in the file's order, so that a partition
 * depends only on the file and the seed.
 */
public final class PartitionGraph {
    private final List<List<String>> vertexNodes;
    private final int[] weights;
    private final int[][] nets;
    private final boolean[] bridgeNet;
    private final List<String> netNames;
    private final int hostVertex;
    private final int[][] netsOfVertex;

    private PartitionGraph(List<List<String>> vertexNodes, int[] weights, int[][] nets, boolean[] bridgeNet,
            List<String> netNames, int hostVertex) {
        this.vertexNodes = vertexNodes;
        this.weights = weights;
        this.nets = nets;
        this.bridgeNet = bridgeNet;
        this.netNames = List.copyOf(netNames);
        this.hostVertex = hostVertex;
        List<List<Integer>> incidence = new ArrayList<>();
        for (int v = 0; v < weights.length; v++) {
            incidence.add(new ArrayList<>());
        }
        for (int e = 0; e < nets.length; e++) {
            for (int v : nets[e]) {
                incidence.get(v).add(e);
            }
        }
        netsOfVertex = incidence.stream().map(l -> l.stream().mapToInt(Integer::intValue).toArray()).toArray(int[][]::new);
    }

    /** The lab's hypergraph. */
    public static PartitionGraph of(Lab lab) {
        List<Node> nodes = lab.nodes();
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < nodes.size(); i++) {
            index.put(nodes.get(i).name(), i);
        }
        NodeGroups groups = new NodeGroups(nodes.size());
        KeptTogether.join(lab, index, groups);
        Map<Integer, Integer> vertexOfGroup = new LinkedHashMap<>();
        int[] vertexOfNode = new int[nodes.size()];
        List<List<String>> vertexNodes = new ArrayList<>();
        for (int n = 0; n < nodes.size(); n++) {
            int vertex = vertexOfGroup.computeIfAbsent(groups.root(n), root -> {
                vertexNodes.add(new ArrayList<>());
                return vertexNodes.size() - 1;
            });
            vertexOfNode[n] = vertex;
            vertexNodes.get(vertex).add(nodes.get(n).name());
        }
        int[] weights = new int[vertexNodes.size()];
        for (int n = 0; n < nodes.size(); n++) {
            weights[vertexOfNode[n]] += NodeWeights.of(lab, nodes.get(n));
        }
        List<int[]> nets = new ArrayList<>();
        List<Boolean> bridges = new ArrayList<>();
        List<String> names = new ArrayList<>();
        Map<Endpoint, List<Integer>> bridgePins = new LinkedHashMap<>();
        for (Node node : nodes) {
            for (NetInterface i : node.interfaces()) {
                if (i instanceof NetInterface.Bridge bridge) {
                    bridgePins.put(new Endpoint(node.name(), bridge.name()),
                            new ArrayList<>(List.of(vertexOfNode[index.get(node.name())])));
                }
            }
        }
        for (Node node : nodes) {
            for (NetInterface i : node.interfaces()) {
                if (!(i instanceof NetInterface.VethEnd end) || !end.creator()) {
                    continue;
                }
                int here = vertexOfNode[index.get(node.name())];
                int there = vertexOfNode[index.get(end.peer().node())];
                Optional<String> peerMaster = NodeWeights.bridgeOf(lab, end.peer());
                if (peerMaster.isPresent() && end.master().isEmpty()) {
                    bridgePins.get(new Endpoint(end.peer().node(), peerMaster.get())).add(here);
                } else if (end.master().isPresent() && peerMaster.isEmpty()) {
                    bridgePins.get(new Endpoint(node.name(), end.master().get())).add(there);
                } else if (here != there) {
                    nets.add(new int[] {here, there});
                    bridges.add(false);
                    names.add(node.name() + ":" + end.name() + " -- " + end.peer());
                }
            }
        }
        bridgePins.forEach((bridge, pins) -> {
            int[] distinct = pins.stream().mapToInt(Integer::intValue).distinct().toArray();
            if (distinct.length > 1) {
                nets.add(distinct);
                bridges.add(true);
                names.add(bridge.toString());
            }
        });
        boolean[] bridgeNet = new boolean[bridges.size()];
        for (int e = 0; e < bridgeNet.length; e++) {
            bridgeNet[e] = bridges.get(e);
        }
        Integer host = index.get(Node.HOST);
        return new PartitionGraph(vertexNodes, weights, nets.toArray(int[][]::new), bridgeNet, names,
                host == null ? -1 : vertexOfNode[host]);
    }

    public int vertexCount() {
        return weights.length;
    }

    /** The nodes of vertex {@code v}, in the file's order. */
    public List<String> nodes(int v) {
        return List.copyOf(vertexNodes.get(v));
    }

    public int weight(int v) {
        return weights[v];
    }

    public int totalWeight() {
        int total = 0;
        for (int w : weights) {
            total += w;
        }
        return total;
    }

    public int netCount() {
        return nets.length;
    }

    /** The vertices of net {@code e}, each once. */
    int[] pins(int e) {
        return nets[e];
    }

    /** The bridge ({@code host:br0}) or the veth pair ({@code ns1:eth0 -- ns2:eth0}) net {@code e} stands for. */
    public String netName(int e) {
        return netNames.get(e);
    }

    /** True for a bridge's net, false for a veth pair's. */
    public boolean isBridge(int e) {
        return bridgeNet[e];
    }

    int[] netsOf(int v) {
        return netsOfVertex[v];
    }

    /** The vertex holding the host block (it stays on the first machine), or -1 without one. */
    public int hostVertex() {
        return hostVertex;
    }
}
