package netlab.kernel;

/**
 * What proves a network namespace is a given one: its nsfs inode, which a stat of its file under
 * /run/netns shows, and its cookie ({@code SO_NETNS_COOKIE}; 0 where the kernel has none). The
 * inode alone is not enough: a kernel may hand a freed namespace's inode number to the next one
 * made (proc_alloc_inum took the lowest free number for years), so a namespace someone makes
 * after netlab's died may carry the very inode netlab recorded. A cookie is never given twice.
 */
public record NamespaceIdentity(long inode, long cookie) {
    /** Whether {@code seen} is this namespace: same inode, and same cookie where both are known. */
    public boolean matches(NamespaceIdentity seen) {
        return inode == seen.inode && (cookie == 0 || seen.cookie == 0 || cookie == seen.cookie);
    }
}
