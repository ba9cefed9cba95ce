package netlab.kernel;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where a node's own files live: /etc/netns/NODE, whose entries {@code ip netns exec} and
 * {@code netlab exec} bind over /etc. Inside a held lab's holder, /etc/netns is a tmpfs private
 * to the holder ({@link PrivateRun}), so a held lab's nodes have files of their own there and the
 * machine's /etc does not change; where that could not be made, nodes have no files.
 */
public final class EtcNetns {
    public static final Path DIRECTORY = Path.of("/etc/netns");

    private EtcNetns() {}

    /** The directory that holds the nodes' files, or empty when this process may not write one. */
    public static Optional<Path> directory() {
        if (PrivateRun.lab() != null && !Files.exists(PrivateRun.ETC_MARK)) {
            return Optional.empty();
        }
        return Optional.of(DIRECTORY);
    }

    /** The directory of {@code node}'s files. */
    public static Path of(String node) {
        return DIRECTORY.resolve(NamespaceNames.require(node));
    }
}
