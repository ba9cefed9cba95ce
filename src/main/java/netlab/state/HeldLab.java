package netlab.state;

/**
 * The outside record of a lab that lives in a holder process's namespaces (docs/rootless.md):
 * which kind, and the processes that make it, each recorded as soon as it exists, before netlab
 * does anything through it. Everything else about the lab is recorded inside the holder, where
 * it dies with it. {@code holder} and {@code egress} are null until they exist.
 */
public record HeldLab(String lab, Kind kind, ProcessStamp unshare, ProcessStamp holder, ProcessStamp egress) {
    /** How the holder was made: with a user namespace (a user's lab) or without (root's contained lab). */
    public enum Kind {
        ROOTLESS,
        CONTAINED;

        String word() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public HeldLab withHolder(ProcessStamp stamp) {
        return new HeldLab(lab, kind, unshare, stamp, egress);
    }

    public HeldLab withEgress(ProcessStamp stamp) {
        return new HeldLab(lab, kind, unshare, holder, stamp);
    }

    /** Whether the user namespace must be entered too to reach the lab. */
    public boolean hasUserNamespace() {
        return kind == Kind.ROOTLESS;
    }
}
