package netlab.api;

import java.net.InetAddress;
import java.util.List;
import java.util.concurrent.Callable;
import netlab.error.NetlabException;
import netlab.kernel.InNamespace;
import netlab.kernel.NamedNamespaces;
import netlab.kernel.NetNamespace;
import netlab.kernel.NodeExec;
import netlab.topology.Cidr;
import netlab.topology.NetInterface;
import netlab.topology.Node;

/** One node of a running {@link Lab}: a network namespace, where programs and Java code can run. */
public final class LabNode {
    private final Node node;

    LabNode(Node node) {
        this.node = node;
    }

    /**
     * The node's name.
     *
     * @return its name in the lab's file
     */
    public String name() {
        return node.name();
    }

    /**
     * Runs {@code command} inside the node (its network namespace: its interfaces, routes and
     * neighbours) and waits for it.
     *
     * @param command the program and its arguments, run without a shell
     * @return how it ended and what it printed
     * @throws LabException when the program cannot be started there
     */
    public ExecResult exec(String... command) {
        try (NetNamespace namespace = NamedNamespaces.open(node.name())) {
            NodeExec.Result result = NodeExec.run(namespace, List.of(command));
            return new ExecResult(result.exitCode(), result.stdout(), result.stderr());
        } catch (NetlabException e) {
            throw new LabException(e.getMessage(), e);
        }
    }

    /**
     * Runs {@code task} on a thread inside the node's network namespace and returns its result:
     * sockets it opens belong to the node (a server bound there listens on the node's addresses),
     * and stay the node's on any thread they are used from later. What {@code task} throws is
     * thrown here.
     *
     * @param <T> the result's type
     * @param task the code to run inside the node
     * @return what {@code task} returned
     */
    public <T> T run(Callable<T> task) {
        try (NetNamespace namespace = NamedNamespaces.open(node.name())) {
            return InNamespace.call(namespace.fd(), "netlab-" + node.name(), task);
        }
    }

    /**
     * An interface's address, as the lab's file gives it.
     *
     * @param interfaceName the interface's name in the node, e.g. {@code eth0}
     * @return its first address
     * @throws IllegalArgumentException when the node has no such interface or it has no address
     */
    public InetAddress address(String interfaceName) {
        List<Cidr> addresses = node.netInterface(interfaceName).map(NetInterface::addresses).orElseThrow(
                () -> new IllegalArgumentException("node " + node.name() + " has no interface " + interfaceName));
        if (addresses.isEmpty()) {
            throw new IllegalArgumentException(node.name() + ":" + interfaceName + " has no address in the lab's file");
        }
        return addresses.getFirst().address();
    }
}
