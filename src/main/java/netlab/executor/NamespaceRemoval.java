package netlab.executor;

import java.util.Optional;
import netlab.kernel.NamedNamespaces;
import netlab.kernel.NamespacePresence;
import netlab.state.LabState;

/**
 * Removing one namespace a lab's record lists, whatever a killed {@code up} or {@code down}
 * left at its name: the lab's own namespace is unmounted and unlinked; an empty file with nothing
 * mounted on it (a removal or creation stopped between its two halves) is no namespace and is
 * unlinked; anything else is someone else's and is left alone, which {@code down} reports.
 */
final class NamespaceRemoval {
    private NamespaceRemoval() {}

    /** Removes it if it is the lab's; otherwise says why it was left alone. */
    static Optional<String> remove(LabSession session, String lab, LabState.NamespaceRecord record) {
        String name = record.name();
        session.forget(name);
        return switch (NamedNamespaces.presence(name)) {
            case NamespacePresence.Absent absent -> Optional.empty();
            case NamespacePresence.EmptyFile empty -> {
                NamedNamespaces.removeEmptyFile(name);
                yield Optional.empty();
            }
            // A pending record: netlab died right around creating it. The name was free when it
            // decided to (up checks), so the namespace there now is the one it made.
            case NamespacePresence.Mounted mounted when record.pending() || mounted.inode() == record.inode() -> {
                NamedNamespaces.delete(name);
                yield Optional.empty();
            }
            case NamespacePresence.Mounted mounted -> Optional.of("namespace " + name + " is not the one lab " + lab
                    + " made (inode " + mounted.inode() + ", recorded " + record.inode() + "); left alone");
            case NamespacePresence.Other other -> Optional.of("/run/netns/" + name + " is " + other.what()
                    + ", not a namespace of lab " + lab + "; left alone");
        };
    }
}
