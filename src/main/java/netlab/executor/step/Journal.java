package netlab.executor.step;

import java.util.Collection;
import java.util.List;
import java.util.Map;

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
        public void namespacesCreated(Map<String, Long> inodes, Collection<String> notMade) {
            throw new IllegalStateException("this session records nothing");
        }

        @Override
        public void hostSysctlChanging(String key, String oldValue) {
            throw new IllegalStateException("this session records nothing");
        }
    };

    /** Before the requests that create these are sent (namespaces as pending: no inode yet). */
    void aboutToCreate(List<Creation> creations);

    /**
     * The inodes of namespaces recorded as pending, now that they exist; the pending ones that
     * were not made are forgotten (a name taken meanwhile is someone else's).
     */
    void namespacesCreated(Map<String, Long> inodes, Collection<String> notMade);

    /** Before a host sysctl changes: the value to put back (only its first change counts). */
    void hostSysctlChanging(String key, String oldValue);
}
