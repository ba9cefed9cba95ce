package netlab.check;

import java.util.LinkedHashMap;
import java.util.Map;
import netlab.error.LabStateException;
import netlab.kernel.NamedNamespaces;
import netlab.kernel.NetNamespace;
import netlab.state.LabState;
import netlab.topology.Node;

/**
 * The namespaces of a running lab's nodes, opened once each and proven to be the ones the lab
 * made (the inode its record holds), so that a probe never starts in a namespace someone else
 * gave the same name.
 */
final class LabNamespaces implements NodeNamespaces, AutoCloseable {
    private final LabState state;
    private final Map<String, NetNamespace> open = new LinkedHashMap<>();

    LabNamespaces(LabState state) {
        this.state = state;
    }

    /** The namespace of {@code node} ({@link Node#HOST} is the one netlab runs in); any thread. */
    @Override
    public synchronized NetNamespace of(String node) {
        return open.computeIfAbsent(node, this::openChecked);
    }

    private NetNamespace openChecked(String node) {
        if (Node.HOST.equals(node)) {
            return NetNamespace.host();
        }
        LabState.NamespaceRecord record = state.namespaces().stream().filter(n -> n.name().equals(node)).findFirst()
                .orElseThrow(() -> new LabStateException("lab " + state.lab() + " has no node " + node));
        NetNamespace namespace;
        try {
            namespace = NamedNamespaces.open(node);
        } catch (RuntimeException e) {
            throw new LabStateException("node " + node + " of lab " + state.lab() + " is gone (" + e.getMessage()
                    + "); see netlab ls");
        }
        if (namespace.inode() != record.inode()) {
            namespace.close();
            throw new LabStateException("the namespace " + node + " is not the one lab " + state.lab()
                    + " made; see netlab ls");
        }
        return namespace;
    }

    @Override
    public synchronized void close() {
        open.values().forEach(NetNamespace::close);
        open.clear();
    }
}
