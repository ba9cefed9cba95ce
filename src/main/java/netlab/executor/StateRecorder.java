package netlab.executor;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import netlab.executor.step.Creation;
import netlab.executor.step.Journal;
import netlab.kernel.NamespaceIdentity;
import netlab.state.HostChange;
import netlab.state.LabState;
import netlab.state.StateStore;
import netlab.topology.Route;

/**
 * Keeps the lab's state file in step with what {@code up} does. An object is recorded before
 * the request that creates it is sent, so a crash can never leave something made but unrecorded
 * (removal tolerates recorded things that do not exist).
 */
final class StateRecorder implements Journal {
    private final StateStore store;
    private LabState state;

    StateRecorder(StateStore store, LabState started) {
        this.store = store;
        this.state = started;
        store.save(state);
    }

    LabState current() {
        return state;
    }

    /**
     * One write for all of them: the record grows with the lab, and rewriting it per object
     * would cost the square of the lab's size.
     */
    @Override
    public void aboutToCreate(List<Creation> creations) {
        if (creations.isEmpty()) {
            return;
        }
        List<String> links = new ArrayList<>(state.hostLinks());
        List<LabState.TableRecord> tables = new ArrayList<>(state.tables());
        List<HostChange> changes = new ArrayList<>(state.hostChanges());
        for (Creation creation : creations) {
            switch (creation) {
                case Creation.Namespace n -> throw new IllegalArgumentException(
                        "namespace " + n.name() + " is recorded with its identity (namespacesAboutToBeNamed)");
                case Creation.HostLink l -> links.add(l.name());
                case Creation.Table t -> tables.add(table(t));
                // Only lo's first MTU is its own; another change of it would record the lab's.
                case Creation.LoopbackMtu m when changes.stream().anyMatch(HostChange.LoopbackMtu.class::isInstance) -> { }
                case Creation.LoopbackAddress a -> changes.add(hostChange(a));
                case Creation.LoopbackNeighbour n -> changes.add(hostChange(n));
                case Creation.HostRoute r -> changes.add(hostChange(r));
                case Creation.LoopbackMtu m -> changes.add(hostChange(m));
                case Creation.EtcNetns e -> changes.add(new HostChange.EtcNetns(e.node()));
                case Creation.EtcNetnsDirectory d -> changes.add(new HostChange.EtcNetnsDirectory());
            }
        }
        update(state.withHostLinks(links).withTables(tables).withHostChanges(changes));
    }

    @Override
    public void notMade(List<Creation> creations) {
        List<String> links = new ArrayList<>(state.hostLinks());
        List<LabState.TableRecord> tables = new ArrayList<>(state.tables());
        List<HostChange> changes = new ArrayList<>(state.hostChanges());
        for (Creation creation : creations) {
            switch (creation) {
                case Creation.Namespace n -> { } // namespacesNotNamed
                case Creation.HostLink l -> links.remove(l.name());
                case Creation.Table t -> tables.remove(table(t));
                case Creation.LoopbackAddress a -> changes.remove(hostChange(a));
                case Creation.LoopbackNeighbour n -> changes.remove(hostChange(n));
                case Creation.HostRoute r -> changes.remove(hostChange(r));
                case Creation.LoopbackMtu m -> changes.remove(hostChange(m));
                case Creation.EtcNetns e -> changes.remove(new HostChange.EtcNetns(e.node()));
                case Creation.EtcNetnsDirectory d -> changes.remove(new HostChange.EtcNetnsDirectory());
            }
        }
        update(state.withHostLinks(links).withTables(tables).withHostChanges(changes));
    }

    private static LabState.TableRecord table(Creation.Table t) {
        return new LabState.TableRecord(t.node(), t.family(), t.name());
    }

    private static HostChange hostChange(Creation.LoopbackAddress a) {
        return new HostChange.LoopbackAddress(a.address().address(), a.address().prefixLength());
    }

    private static HostChange hostChange(Creation.LoopbackNeighbour n) {
        return new HostChange.LoopbackNeighbour(n.address(), n.lladdr());
    }

    private static HostChange hostChange(Creation.HostRoute r) {
        Route route = r.route();
        return new HostChange.Route(route.destination().address(), route.destination().prefixLength(), route.via(),
                route.dev().orElse(""), route.metric().isPresent() ? OptionalLong.of(route.metric().getAsInt())
                        : OptionalLong.empty());
    }

    private static HostChange hostChange(Creation.LoopbackMtu m) {
        return new HostChange.LoopbackMtu(m.oldMtu());
    }

    @Override
    public void namespacesAboutToBeNamed(Map<String, NamespaceIdentity> identities) {
        if (identities.isEmpty()) {
            return;
        }
        List<LabState.NamespaceRecord> namespaces = new ArrayList<>(state.namespaces());
        identities.forEach((name, identity) -> namespaces.add(
                new LabState.NamespaceRecord(name, identity.inode(), identity.cookie())));
        update(state.withNamespaces(namespaces));
    }

    @Override
    public void namespacesNotNamed(Collection<String> names) {
        update(state.withNamespaces(state.namespaces().stream().filter(n -> !names.contains(n.name())).toList()));
    }

    @Override
    public void hostSysctlChanging(String key, String oldValue) {
        if (state.hostSysctls().stream().anyMatch(s -> s.key().equals(key))) {
            return;
        }
        List<LabState.SysctlRecord> sysctls = new ArrayList<>(state.hostSysctls());
        sysctls.add(new LabState.SysctlRecord(key, oldValue));
        update(state.withHostSysctls(sysctls));
    }

    LabState complete() {
        update(state.withStatus(LabState.Status.UP));
        return state;
    }

    private void update(LabState next) {
        state = next;
        store.save(state);
    }
}
