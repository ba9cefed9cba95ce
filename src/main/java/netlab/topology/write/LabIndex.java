package netlab.topology.write;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import netlab.topology.Endpoint;
import netlab.topology.Lab;
import netlab.topology.NetInterface;
import netlab.topology.Node;

/**
 * What a line needs to know of the rest of the lab: the interface at the far end of a veth, and
 * whether a bridge's name is unique. Built once: {@link Lab#node} scans the nodes, and a star of
 * a thousand links would scan them a thousand times.
 */
final class LabIndex {
    private final Map<String, Node> nodes = new HashMap<>();
    private final Map<String, Integer> bridgesByName = new HashMap<>();

    LabIndex(Lab lab) {
        for (Node node : lab.nodes()) {
            nodes.putIfAbsent(node.name(), node);
            for (NetInterface i : node.interfaces()) {
                if (i instanceof NetInterface.Bridge bridge) {
                    bridgesByName.merge(bridge.name(), 1, Integer::sum);
                }
            }
        }
    }

    Optional<NetInterface> find(Endpoint endpoint) {
        Node node = nodes.get(endpoint.node());
        return node == null ? Optional.empty() : node.netInterface(endpoint.interfaceName());
    }

    /** True when no other node has a bridge of this name, so the bare name finds it. */
    boolean uniqueBridge(String name) {
        return bridgesByName.getOrDefault(name, 0) == 1;
    }
}
