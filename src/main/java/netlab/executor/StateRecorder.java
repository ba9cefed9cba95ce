package netlab.executor;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import netlab.plan.Operation;
import netlab.state.LabState;
import netlab.state.StateStore;
import netlab.topology.Node;

/**
 * Keeps the lab's state file in step with what {@code up} does. An object is recorded before
 * the request that creates it is sent, so a crash can never leave something made but unrecorded
 * (removal tolerates recorded things that do not exist).
 */
final class StateRecorder {
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
     * Recorded before the namespaces exist, with inode 0 ("pending"): if netlab dies before it
     * learns their inodes, down still knows the names were about to be made. One write for the
     * whole batch: the record grows with the lab, and rewriting it per namespace would cost the
     * square of the lab's size.
     */
    void namespacesCreating(List<String> names) {
        List<LabState.NamespaceRecord> namespaces = new ArrayList<>(state.namespaces());
        names.forEach(name -> namespaces.add(new LabState.NamespaceRecord(name, LabState.NamespaceRecord.PENDING)));
        update(new LabState(state.lab(), state.file(), state.since(), false, state.group(), namespaces,
                state.hostLinks(), state.hostSysctls(), state.tables()));
    }

    /**
     * The inodes of namespaces recorded as pending, now that they exist; and the pending ones
     * that were not made forgotten: a name taken meanwhile is someone else's, never to be removed.
     */
    void namespacesCreated(Map<String, Long> inodes, Collection<String> notMade) {
        List<LabState.NamespaceRecord> namespaces = new ArrayList<>(state.namespaces().size());
        for (LabState.NamespaceRecord record : state.namespaces()) {
            Long inode = inodes.get(record.name());
            if (inode != null) {
                namespaces.add(new LabState.NamespaceRecord(record.name(), inode));
            } else if (!(record.pending() && notMade.contains(record.name()))) {
                namespaces.add(record);
            }
        }
        update(new LabState(state.lab(), state.file(), state.since(), false, state.group(), namespaces, state.hostLinks(),
                state.hostSysctls(), state.tables()));
    }

    /** Records the host-side interfaces that link steps about to be sent together will create. */
    void aboutToCreate(List<Operation> steps) {
        List<String> names = new ArrayList<>();
        for (Operation step : steps) {
            names.addAll(switch (step) {
                case Operation.CreateBridge b when isHost(b.node()) -> List.of(b.name());
                case Operation.CreateVeth v -> hostEnds(v);
                case Operation.CreateMacvlan m when isHost(m.targetNode()) -> List.of(m.name());
                default -> List.of();
            });
        }
        if (!names.isEmpty()) {
            List<String> links = new ArrayList<>(state.hostLinks());
            links.addAll(names);
            update(new LabState(state.lab(), state.file(), state.since(), false, state.group(), state.namespaces(), links,
                    state.hostSysctls(), state.tables()));
        }
    }

    private static List<String> hostEnds(Operation.CreateVeth v) {
        List<String> names = new ArrayList<>();
        if (isHost(v.node())) {
            names.add(v.name());
        }
        if (isHost(v.peerNode())) {
            names.add(v.peerName());
        }
        return names;
    }

    /** Only the first change of a key keeps the value to restore. */
    void hostSysctlChanging(String key, String oldValue) {
        if (state.hostSysctls().stream().anyMatch(s -> s.key().equals(key))) {
            return;
        }
        List<LabState.SysctlRecord> sysctls = new ArrayList<>(state.hostSysctls());
        sysctls.add(new LabState.SysctlRecord(key, oldValue));
        update(new LabState(state.lab(), state.file(), state.since(), false, state.group(), state.namespaces(), state.hostLinks(),
                sysctls, state.tables()));
    }

    void aboutToCreateTable(String node, String family, String name) {
        List<LabState.TableRecord> tables = new ArrayList<>(state.tables());
        tables.add(new LabState.TableRecord(node, family, name));
        update(new LabState(state.lab(), state.file(), state.since(), false, state.group(), state.namespaces(), state.hostLinks(),
                state.hostSysctls(), tables));
    }

    LabState complete() {
        update(new LabState(state.lab(), state.file(), state.since(), true, state.group(), state.namespaces(), state.hostLinks(),
                state.hostSysctls(), state.tables()));
        return state;
    }

    private void update(LabState next) {
        state = next;
        store.save(state);
    }

    private static boolean isHost(String node) {
        return Node.HOST.equals(node);
    }
}
