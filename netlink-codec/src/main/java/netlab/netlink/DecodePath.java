package netlab.netlink;

/**
 * Where the decoder is, as names from the outermost message inward
 * ({@code RTM_NEWLINK > IFLA_LINKINFO > IFLA_INFO_KIND}); it exists to make errors precise.
 */
public final class DecodePath {
    private static final DecodePath ROOT = new DecodePath(null, "");

    private final DecodePath parent;
    private final String name;

    private DecodePath(DecodePath parent, String name) {
        this.parent = parent;
        this.name = name;
    }

    public static DecodePath root() {
        return ROOT;
    }

    public DecodePath child(String childName) {
        return new DecodePath(this, childName);
    }

    public boolean isEmpty() {
        return parent == null;
    }

    /** Fails the decoding here. */
    public CodecException fail(String problem) {
        return new CodecException(this, problem);
    }

    @Override
    public String toString() {
        if (parent == null) {
            return "";
        }
        return parent.isEmpty() ? name : parent + " > " + name;
    }
}
