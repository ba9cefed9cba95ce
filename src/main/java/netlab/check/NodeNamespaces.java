package netlab.check;

import netlab.kernel.NetNamespace;

/** Where a check finds each node's network namespace. */
@FunctionalInterface
public interface NodeNamespaces {
    /** The namespace of {@code node}, open; called from any thread. */
    NetNamespace of(String node);
}
