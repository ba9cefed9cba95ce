package netlab.executor;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import netlab.error.LabStateException;
import netlab.kernel.Answers;
import netlab.kernel.KernelException;
import netlab.kernel.NamedNamespaces;
import netlab.kernel.NetNamespace;
import netlab.kernel.NetlinkRequest;
import netlab.kernel.NftablesTransaction;
import netlab.kernel.Sysctl;
import netlab.netlink.NlMessage;
import netlab.netlink.nftables.NfProto;
import netlab.netlink.nftables.NftRequests;
import netlab.netlink.nftables.TableMessage;
import netlab.netlink.route.LinkRequests;
import netlab.state.LabState;
import netlab.state.StateStore;
import netlab.sys.Errno;
import netlab.topology.Node;

/**
 * Removes what a lab state records, and only that: the lab's tables and interfaces in the host
 * (explicitly, so their names are free at once), the namespaces that are still the ones netlab
 * made (same inode), the host sysctls back to their old values; then the record. Keeps going
 * past failures and reports them all at the end.
 */
final class Teardown {
    private final StateStore store;
    private final List<String> problems = new ArrayList<>();

    Teardown(StateStore store) {
        this.store = store;
    }

    void down(LabState state) {
        try (LabSession session = new LabSession(state.lab(), state.group())) {
            for (LabState.TableRecord table : state.tables()) {
                if (Node.HOST.equals(table.node())) {
                    attempt(() -> deleteTable(session, table));
                }
            }
            // The kernel deletes the host's links while the namespaces' files are unmounted here:
            // the two share no lock, and a big lab's down takes the longer of them, not the sum.
            CompletableFuture<List<NlMessage>> hostLinks = CompletableFuture.completedFuture(List.of());
            if (!state.hostLinks().isEmpty()) {
                try {
                    hostLinks = deleteHostLinks(session, state);
                } catch (RuntimeException e) {
                    problems.add(e.getMessage());
                }
            }
            for (LabState.NamespaceRecord namespace : state.namespaces().reversed()) {
                attempt(() -> deleteNamespace(session, namespace));
            }
            CompletableFuture<List<NlMessage>> hostLinksDeleted = hostLinks;
            attempt(() -> awaitHostLinksDeleted(hostLinksDeleted));
            try (NetNamespace host = NetNamespace.host()) {
                for (LabState.SysctlRecord sysctl : state.hostSysctls().reversed()) {
                    attempt(() -> Sysctl.write(host, sysctl.key(), sysctl.oldValue()));
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new LabStateException("lab " + state.lab() + " was not removed completely:\n  "
                    + String.join("\n  ", problems) + "\nits record is kept in " + store.directoryOf(state.lab()));
        }
        store.delete(state.lab());
    }

    private void attempt(Runnable step) {
        try {
            step.run();
        } catch (RuntimeException e) {
            problems.add(e.getMessage());
        }
    }

    private static void deleteTable(LabSession session, LabState.TableRecord table) {
        int family = table.family().equals("ip") ? NfProto.NFPROTO_IPV4 : NfProto.NFPROTO_IPV6;
        try {
            NftablesTransaction.apply(session.netfilter(table.node()), "delete table " + table.family() + " "
                    + table.name(), List.of(NftRequests.deleteTable(TableMessage.delete(family, table.name()))));
        } catch (KernelException e) {
            if (e.errno() != Errno.ENOENT) {
                throw e;
            }
        }
    }

    /**
     * Every interface carrying the lab's group goes in one request, renamed ones included; an
     * interface someone else added to a lab bridge keeps its own group and is only detached
     * (deleting a bridge releases its ports). Recorded names that survive are not the lab's.
     */
    private static CompletableFuture<List<NlMessage>> deleteHostLinks(LabSession session, LabState state) {
        return session.route(Node.HOST).send(new NetlinkRequest("delete the interfaces of lab " + state.lab()
                + " (group " + Integer.toUnsignedString(state.group()) + ") in the host namespace",
                LinkRequests.deleteGroup(state.group())));
    }

    private static void awaitHostLinksDeleted(CompletableFuture<List<NlMessage>> deletion) {
        try {
            Answers.await(deletion);
        } catch (KernelException e) {
            if (e.errno() != Errno.ENODEV) { // ENODEV: the group is empty (already gone)
                throw e;
            }
        }
    }

    private static void deleteNamespace(LabSession session, LabState.NamespaceRecord record) {
        session.forget(record.name());
        OptionalLong current = NamedNamespaces.inode(record.name());
        if (current.isEmpty()) {
            return;
        }
        long inode = current.getAsLong();
        // A pending record: netlab died right around creating it. The name was free when it
        // decided to (up checks), so the namespace there now is the one it made.
        if (!record.pending() && inode != record.inode()) {
            throw new LabStateException("namespace " + record.name() + " is not the one lab made (inode "
                    + inode + ", recorded " + record.inode() + "); left alone");
        }
        NamedNamespaces.delete(record.name());
    }
}
