package netlab.executor;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import netlab.error.LabStateException;
import netlab.executor.step.HostsFileStep;
import netlab.executor.step.NodeNameStep;
import netlab.executor.step.SharedHostSysctls;
import netlab.kernel.Answers;
import netlab.kernel.Kernel;
import netlab.kernel.KernelException;
import netlab.kernel.NetNamespace;
import netlab.kernel.NetlinkChannel;
import netlab.kernel.NftablesTransaction;
import netlab.kernel.UtsNamespaces;
import netlab.netlink.nftables.NfProto;
import netlab.netlink.nftables.NftRequests;
import netlab.netlink.nftables.TableMessage;
import netlab.state.HostChange;
import netlab.state.LabState;
import netlab.state.StateStore;
import netlab.sys.Errno;
import netlab.topology.Node;

/**
 * Removes what a lab state records, and only that: the lab's tables in the host, what it set on
 * the host's lo and its nodes' /etc/netns files (HostChangeRemoval), its interfaces in the host
 * (explicitly, so their names are free at once), the namespaces that are still the ones netlab
 * made (NamespaceRemoval) and its nodes' UTS namespaces, the host sysctls back to their old
 * values; then the record.
 *
 * <p>Every removal is idempotent (what is gone already is done), and the record says "going
 * down" before the first one and loses each kind of thing once it is removed, so a {@code down}
 * killed at any moment leaves a broken lab whose record the next {@code down} completes. It
 * keeps going past failures and reports them all at the end, keeping the record of what is left.
 */
final class Teardown {
    private final StateStore store;
    private final SharedHostSysctls hostSysctls;
    private final List<String> problems = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private final TeardownProgress progress;
    private LabState state;

    Teardown(StateStore store, TeardownProgress progress) {
        this.store = store;
        this.hostSysctls = new SharedHostSysctls(store.hostSysctls());
        this.progress = progress;
    }

    /** Takes the lab down; returns what down left alone and why (someone else's namespace, say). */
    List<String> down(LabState recorded) {
        return down(recorded, new Kernel());
    }

    /** {@link #down(LabState)} over {@code kernel}, which it closes. */
    List<String> down(LabState recorded, Kernel kernel) {
        state = recorded;
        try (LabSession session = new LabSession(state.lab(), state.group(), kernel)) {
            save(state.withStatus(LabState.Status.GOING_DOWN));
            progress.starting(state.tables().size() + state.hostChanges().size() + state.hostLinks().size()
                    + state.namespaces().size() + state.hostSysctls().size());
            progress.phase("delete nf_tables tables");
            List<LabState.TableRecord> tablesLeft = new ArrayList<>();
            for (LabState.TableRecord table : state.tables()) {
                // A node's table goes with its namespace.
                if (!Node.HOST.equals(table.node()) || !attempt(() -> deleteTable(session, table))) {
                    tablesLeft.add(table);
                }
                progress.removed(1);
            }
            save(state.withTables(tablesLeft));
            progress.phase("undo changes to the host");
            // The host changes (mostly the nodes' /etc/netns files) are undone on another thread
            // while the namespaces are removed here: they share nothing, and the record learns
            // of both on this thread, each once it is done.
            CompletableFuture<HostChangeRemoval.Outcome> hostChanges = undoHostChanges(session);
            // The kernel deletes the host's links while the namespaces' files are unmounted here:
            // the two share no lock, and a big lab's down takes the longer of them, not the sum.
            HostLinkRemoval.Started hostLinks = null;
            if (!state.hostLinks().isEmpty()) {
                session.forgetLinks(Node.HOST);
                hostLinks = HostLinkRemoval.start(session.route(Node.HOST), state);
            }
            progress.phase("remove namespaces");
            removeNamespaces(session);
            recordHostChanges(hostChanges);
            // The nodes' host names: everything in the lab's uts directory is the lab's.
            attempt(() -> UtsNamespaces.removeAll(NodeNameStep.utsDirectory(store.directoryOf(state.lab()))));
            HostLinkRemoval.Started hostLinksRemoval = hostLinks;
            progress.phase("delete the host's interfaces");
            if (hostLinksRemoval == null || attempt(() -> awaitHostLinks(hostLinksRemoval))) {
                save(state.withHostLinks(List.of()));
            }
            progress.removed(state.hostLinks().size());
            progress.phase("restore host sysctls");
            restoreHostSysctls();
        }
        if (!problems.isEmpty()) {
            throw new LabStateException("lab " + state.lab() + " was not removed completely:\n  "
                    + String.join("\n  ", problems) + "\nits record is kept in " + store.directoryOf(state.lab()));
        }
        store.delete(state.lab());
        return notes;
    }

    /** Waits until the lab's host interfaces are deleted, keeping what was left alone for the report. */
    private void awaitHostLinks(HostLinkRemoval.Started removal) {
        notes.addAll(Answers.await(removal.notes()));
        Answers.await(removal.deletion());
    }

    /** Starts undoing the lab's host changes on a thread of its own; nothing to do, nothing started. */
    private CompletableFuture<HostChangeRemoval.Outcome> undoHostChanges(LabSession session) {
        List<HostChange> changes = state.hostChanges();
        if (changes.isEmpty()) {
            return CompletableFuture.completedFuture(new HostChangeRemoval.Outcome(List.of(), List.of(), List.of()));
        }
        NetlinkChannel host = session.route(Node.HOST);
        Path labHosts = HostsFileStep.file(store.directoryOf(state.lab()));
        return CompletableFuture.supplyAsync(() -> HostChangeRemoval.undoAll(host, changes, labHosts),
                task -> Thread.ofPlatform().name("netlab-host-changes").daemon(true).start(task));
    }

    /** Waits for the host changes' undoing; the record keeps those that could not be undone. */
    private void recordHostChanges(CompletableFuture<HostChangeRemoval.Outcome> undoing) {
        HostChangeRemoval.Outcome host;
        try {
            host = undoing.join();
        } catch (CompletionException e) {
            // undoAll keeps going past each change's failure; this is something else: all are left.
            problems.add(e.getCause().getMessage());
            host = new HostChangeRemoval.Outcome(state.hostChanges(), List.of(), List.of());
        }
        problems.addAll(host.problems());
        notes.addAll(host.notes());
        progress.removed(state.hostChanges().size());
        save(state.withHostChanges(host.left()));
    }

    /** The namespaces that are the lab's; the record keeps those that could not be removed. */
    private void removeNamespaces(LabSession session) {
        NamespaceRemoval.Outcome outcome = NamespaceRemoval.removeAll(session, state.lab(), state.namespaces(),
                () -> progress.removed(1));
        notes.addAll(outcome.notes());
        problems.addAll(outcome.problems());
        List<String> names = outcome.left().stream().map(LabState.NamespaceRecord::name).toList();
        List<LabState.TableRecord> tables = state.tables().stream()
                .filter(t -> Node.HOST.equals(t.node()) || names.contains(t.node())).toList();
        save(state.withNamespaces(outcome.left()).withTables(tables));
    }

    private void restoreHostSysctls() {
        List<LabState.SysctlRecord> left = new ArrayList<>();
        try (NetNamespace host = NetNamespace.host()) {
            for (LabState.SysctlRecord sysctl : state.hostSysctls().reversed()) {
                if (!attempt(() -> hostSysctls.release(host, state.lab(), sysctl.key()))) {
                    left.add(sysctl);
                }
                progress.removed(1);
            }
        }
        save(state.withHostSysctls(left.reversed()));
    }

    private void save(LabState next) {
        if (!next.equals(state)) {
            state = next;
            store.save(state);
        }
    }

    /** Runs one removal; false (and the reason kept for the report) if it failed. */
    private boolean attempt(Runnable step) {
        try {
            step.run();
            return true;
        } catch (RuntimeException e) {
            problems.add(e.getMessage());
            return false;
        }
    }

    private static void deleteTable(LabSession session, LabState.TableRecord table) {
        int family = NfProto.of(table.family());
        try {
            NftablesTransaction.apply(session.netfilter(table.node()), "delete table " + table.family() + " "
                    + table.name(), List.of(NftRequests.deleteTable(TableMessage.delete(family, table.name()))));
        } catch (KernelException e) {
            if (e.errno() != Errno.ENOENT) {
                throw e;
            }
        }
    }
}
