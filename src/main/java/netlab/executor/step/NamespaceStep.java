package netlab.executor.step;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import netlab.kernel.NamespaceBatch;
import netlab.kernel.NetNamespace;
import netlab.plan.Operation;
import netlab.sys.NetlinkSocket;

/**
 * {@code ip netns add NODE}: a named network namespace, bind-mounted at /run/netns/NODE as
 * iproute2 does. All of a plan's namespaces are made at once by a few workers, each of which also
 * opens the node's rtnetlink socket while it is inside the new namespace.
 *
 * <p>Undone: recorded with its identity (inode and cookie) after it is made and before it gets
 * its name; {@code down} deletes it only while the name holds that very namespace.
 */
public record NamespaceStep(Operation.CreateNamespace operation) implements Step {
    /**
     * Workers making namespaces. The kernel lets several copies of the network stack be set up
     * at once; beyond the number of cores they only queue for the same locks.
     */
    static final int WORKERS = Math.clamp(Runtime.getRuntime().availableProcessors(), 2, 4);

    @Override
    public String command() {
        return "ip netns add " + Commands.quoted(operation.node());
    }

    @Override
    public List<Creation> creates() {
        return List.of(new Creation.Namespace(operation.node()));
    }

    @Override
    public List<InterfaceUse> interfacesUsed() {
        return List.of();
    }

    /**
     * Makes every namespace of {@code steps}: made unnamed, recorded with their identities in one
     * write (rewriting the record per namespace would cost the square of the lab's size), named,
     * and handed to the session with their sockets. A killed netlab therefore never leaves a name
     * its record cannot prove is the lab's.
     */
    public static void createAll(List<NamespaceStep> steps, StepContext context) {
        Map<String, NamespaceStep> byName = new LinkedHashMap<>();
        steps.forEach(step -> byName.put(step.node(), step));
        List<String> names = List.copyOf(byName.keySet());
        NamespaceBatch.Result<NetlinkSocket> result = NamespaceBatch.create(names, WORKERS,
                name -> NetlinkSocket.open(NetlinkSocket.NETLINK_ROUTE, 0), context.journal()::namespacesAboutToBeNamed);
        if (!result.notNamed().isEmpty()) {
            context.journal().namespacesNotNamed(result.notNamed());
        }
        Map<String, NetNamespace> namespaces = new LinkedHashMap<>();
        Map<String, NetlinkSocket> sockets = new LinkedHashMap<>();
        result.made().forEach((name, made) -> {
            namespaces.put(name, made.namespace());
            if (made.setup() != null) {
                sockets.put(name, made.setup());
            }
        });
        context.adopt(namespaces, sockets);
        if (result.failure().isPresent()) {
            NamespaceBatch.Failure failure = result.failure().get();
            throw new StepFailedException(byName.get(failure.name()), failure.cause());
        }
    }
}
