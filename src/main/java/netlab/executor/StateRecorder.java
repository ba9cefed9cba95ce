package netlab.executor;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import netlab.executor.step.Creation;
import netlab.executor.step.Journal;
import netlab.state.LabState;
import netlab.state.StateStore;

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
     * would cost the square of the lab's size. Namespaces are recorded with inode 0 ("pending"):
     * if netlab dies before it learns their inodes, down still knows the names were about to be made.
     */
    @Override
    public void aboutToCreate(List<Creation> creations) {
        if (creations.isEmpty()) {
            return;
        }
        List<LabState.NamespaceRecord> namespaces = new ArrayList<>(state.namespaces());
        List<String> links = new ArrayList<>(state.hostLinks());
        List<LabState.TableRecord> tables = new ArrayList<>(state.tables());
        for (Creation creation : creations) {
            switch (creation) {
                case Creation.Namespace n -> namespaces.add(new LabState.NamespaceRecord(n.name(),
                        LabState.NamespaceRecord.PENDING));
                case Creation.HostLink l -> links.add(l.name());
                case Creation.Table t -> tables.add(new LabState.TableRecord(t.node(), t.family(), t.name()));
            }
        }
        update(state.withNamespaces(namespaces).withHostLinks(links).withTables(tables));
    }

    @Override
    public void namespacesCreated(Map<String, Long> inodes, Collection<String> notMade) {
        List<LabState.NamespaceRecord> namespaces = new ArrayList<>(state.namespaces().size());
        for (LabState.NamespaceRecord record : state.namespaces()) {
            Long inode = inodes.get(record.name());
            if (inode != null) {
                namespaces.add(new LabState.NamespaceRecord(record.name(), inode));
            } else if (!(record.pending() && notMade.contains(record.name()))) {
                namespaces.add(record);
            }
        }
        update(state.withNamespaces(namespaces));
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
