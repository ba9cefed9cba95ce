package netlab.executor.step;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import netlab.kernel.NamespaceIdentity;

/**
 * The lab's record, kept in step with the changes: each is written before the change it
 * describes, so a netlab killed at any moment leaves a record of everything it may have made.
 */
public interface Journal {
    /** The journal of a session that only reads and removes: asking it to record is a bug. */
    Journal NONE = new Journal() {
        @Override
        public void aboutToCreate(List<Creation> creations) {
            throw new IllegalStateException("this session records nothing");
        }

        @Override
        public void namespacesAboutToBeNamed(Map<String, NamespaceIdentity> identities) {
            throw new IllegalStateException("this session records nothing");
        }

        @Override
        public void namespacesNotNamed(Collection<String> names) {
            throw new IllegalStateException("this session records nothing");
        }

        @Override
        public void notMade(List<Creation> creations) {
            throw new IllegalStateException("this session records nothing");
        }

        @Override
        public void hostSysctlChanging(String key, String oldValue) {
            throw new IllegalStateException("this session records nothing");
        }
    };

    /** Before the requests that create these are sent (namespaces have their own two calls). */
    void aboutToCreate(List<Creation> creations);

    /**
     * Recorded creations whose requests the kernel refused: they were not made, and are forgotten
     * (what is there instead may be someone else's: an address lo had already, say).
     */
    void notMade(List<Creation> creations);

    /**
     * Namespaces that exist, unnamed, and are about to get these names: recorded with what proves
     * each is the lab's, before any name is visible (see NamespaceBatch).
     */
    void namespacesAboutToBeNamed(Map<String, NamespaceIdentity> identities);

    /** Recorded namespaces that did not get their names (taken meanwhile: someone else's); forgotten. */
    void namespacesNotNamed(Collection<String> names);

    /** Before a host sysctl changes: the value to put back (only its first change counts). */
    void hostSysctlChanging(String key, String oldValue);
}
