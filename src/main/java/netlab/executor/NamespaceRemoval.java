package netlab.executor;

import java.util.ArrayList;
import java.util.List;
import netlab.kernel.NamedNamespaces;
import netlab.kernel.NamespaceCookies;
import netlab.kernel.NamespaceIdentity;
import netlab.kernel.NamespacePresence;
import netlab.kernel.NetNamespace;
import netlab.state.LabState;

/**
 * Removing the namespaces a lab's record lists, whatever a killed {@code up} or {@code down}
 * left at their names: the lab's own namespace (same inode and same cookie as recorded) is
 * unmounted and unlinked; an empty file with nothing mounted on it (a removal or creation stopped
 * between its two halves) is no namespace and is unlinked; anything else is someone else's and
 * is left alone, which {@code down} reports. The cookies of all candidates are read in one trip.
 */
final class NamespaceRemoval {
    /** What is left in the record (removals that failed), what was left alone, and the failures. */
    record Outcome(List<LabState.NamespaceRecord> left, List<String> notes, List<String> problems) {}

    private final String lab;
    private final List<LabState.NamespaceRecord> left = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private final List<String> problems = new ArrayList<>();

    private NamespaceRemoval(String lab) {
        this.lab = lab;
    }

    /** Removes, newest first, those of {@code records} that are the lab's; {@code each} runs once per record. */
    static Outcome removeAll(LabSession session, String lab, List<LabState.NamespaceRecord> records, Runnable each) {
        NamespaceRemoval removal = new NamespaceRemoval(lab);
        List<LabState.NamespaceRecord> candidates = new ArrayList<>();
        List<NetNamespace> handles = new ArrayList<>();
        for (LabState.NamespaceRecord record : records.reversed()) {
            session.forget(record.name());
            try {
                NetNamespace handle = removal.sort(record);
                if (handle != null) {
                    candidates.add(record);
                    handles.add(handle);
                } else {
                    each.run();
                }
            } catch (RuntimeException e) {
                removal.failed(record, e);
                each.run();
            }
        }
        try {
            List<Long> cookies = NamespaceCookies.of(handles);
            for (int i = 0; i < candidates.size(); i++) {
                removal.removeIfTheLabs(candidates.get(i), new NamespaceIdentity(handles.get(i).inode(), cookies.get(i)));
                each.run();
            }
        } catch (RuntimeException e) {
            candidates.forEach(record -> removal.failed(record, e));
        } finally {
            handles.forEach(NetNamespace::close);
        }
        return new Outcome(removal.left.reversed(), removal.notes, removal.problems);
    }

    /**
     * Deals at once with what needs no proof (nothing there, an empty file, something else), and
     * returns an open handle on a namespace mounted with the recorded inode, whose cookie is yet
     * to be compared.
     */
    private NetNamespace sort(LabState.NamespaceRecord record) {
        String name = record.name();
        switch (NamedNamespaces.presence(name)) {
            case NamespacePresence.Absent absent -> { }
            case NamespacePresence.EmptyFile empty -> NamedNamespaces.removeEmptyFile(name);
            case NamespacePresence.Mounted mounted when mounted.inode() == record.inode() -> {
                return NamedNamespaces.open(name);
            }
            case NamespacePresence.Mounted mounted -> notOurs(record, "inode " + mounted.inode());
            case NamespacePresence.Other other -> notes.add("/run/netns/" + name + " is " + other.what()
                    + ", not a namespace of lab " + lab + "; left alone");
        }
        return null;
    }

    private void removeIfTheLabs(LabState.NamespaceRecord record, NamespaceIdentity seen) {
        if (!new NamespaceIdentity(record.inode(), record.cookie()).matches(seen)) {
            notOurs(record, "cookie " + Long.toUnsignedString(seen.cookie()));
            return;
        }
        try {
            NamedNamespaces.delete(record.name());
        } catch (RuntimeException e) {
            failed(record, e);
        }
    }

    private void notOurs(LabState.NamespaceRecord record, String seen) {
        notes.add("namespace " + record.name() + " is not the one lab " + lab + " made (" + seen + ", recorded inode "
                + record.inode() + " cookie " + Long.toUnsignedString(record.cookie()) + "): someone else's; left alone");
    }

    private void failed(LabState.NamespaceRecord record, RuntimeException e) {
        left.add(record);
        problems.add(e.getMessage());
    }
}
