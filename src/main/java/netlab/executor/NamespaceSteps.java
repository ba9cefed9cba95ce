package netlab.executor;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import netlab.kernel.NamespaceBatch;
import netlab.kernel.NetNamespace;
import netlab.plan.Operation;
import netlab.sys.NetlinkSocket;

/**
 * The {@code ip netns add} steps of a plan, all at once: recorded as pending in one write, made
 * by a few workers, each of which also opens the node's rtnetlink socket while it is inside the
 * new namespace, and recorded with their inodes in a second write.
 */
final class NamespaceSteps {
    /**
     * Workers making namespaces. The kernel lets several copies of the network stack be set up
     * at once; beyond the number of cores they only queue for the same locks.
     */
    static final int WORKERS = Math.clamp(Runtime.getRuntime().availableProcessors(), 2, 4);

    private NamespaceSteps() {}

    static void create(List<Operation> steps, LabSession session, StateRecorder recorder) {
        Map<String, Operation> byName = new LinkedHashMap<>();
        steps.forEach(step -> byName.put(step.node(), step));
        List<String> names = List.copyOf(byName.keySet());
        recorder.namespacesCreating(names);
        NamespaceBatch.Result<NetlinkSocket> result = NamespaceBatch.create(names, WORKERS,
                name -> NetlinkSocket.open(NetlinkSocket.NETLINK_ROUTE, 0));
        Map<String, Long> inodes = new LinkedHashMap<>();
        result.made().forEach((name, made) -> inodes.put(name, made.namespace().inode()));
        Set<String> notMade = new HashSet<>(names);
        notMade.removeAll(inodes.keySet());
        recorder.namespacesCreated(inodes, notMade);
        Map<String, NetNamespace> namespaces = new LinkedHashMap<>();
        Map<String, NetlinkSocket> sockets = new LinkedHashMap<>();
        result.made().forEach((name, made) -> {
            namespaces.put(name, made.namespace());
            if (made.setup() != null) {
                sockets.put(name, made.setup());
            }
        });
        session.adopt(namespaces, sockets);
        if (result.failure().isPresent()) {
            NamespaceBatch.Failure failure = result.failure().get();
            throw new OperationFailedException(byName.get(failure.name()), failure.cause());
        }
    }
}
