package netlab.executor;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import netlab.executor.step.NodeNameStep;
import netlab.kernel.NamedNamespaces;
import netlab.kernel.NamespacePresence;
import netlab.state.LabRecord;
import netlab.state.StateStore;

/**
 * The UTS namespace {@code netlab exec} joins with a node's network namespace: the one its lab
 * keeps, when the namespace at /run/netns/NODE is the very one that lab recorded (same inode). A
 * namespace netlab did not make (ip netns add) has none: exec then keeps the machine's host name.
 */
public final class NodeUts {
    private NodeUts() {}

    public static Optional<Path> of(StateStore store, String node) {
        if (!(NamedNamespaces.presence(node) instanceof NamespacePresence.Mounted mounted)) {
            return Optional.empty();
        }
        for (LabRecord record : store.list()) {
            if (record instanceof LabRecord.Readable(var state) && state.namespaces().stream()
                    .anyMatch(n -> n.name().equals(node) && n.inode() == mounted.inode())) {
                Path file = NodeNameStep.utsFile(store.directoryOf(state.lab()), node);
                return Files.exists(file) ? Optional.of(file) : Optional.empty();
            }
        }
        return Optional.empty();
    }
}
