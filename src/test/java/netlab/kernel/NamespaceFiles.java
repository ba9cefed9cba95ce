package netlab.kernel;

import java.nio.file.Path;

/** Opens a namespace by its file anywhere, not only under this machine's /run/netns: for tests. */
public final class NamespaceFiles {
    private NamespaceFiles() {}

    /** The namespace bound at {@code file}, called {@code name} in messages. */
    public static NetNamespace open(String name, Path file) {
        return NetNamespace.open(name, file);
    }
}
