package netlab.executor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import netlab.kernel.EtcNetns;

/**
 * Removing a lab's files under /etc/netns, and nothing else: NODE/hosts only while it is still
 * the link to the lab's own hosts file, NODE itself and /etc/netns only when empty. What someone
 * put there (a resolv.conf beside the link, hosts replaced by a file of their own) stays, and so
 * does the directory holding it; that is a note, not a failure.
 */
final class EtcNetnsRemoval {
    private EtcNetnsRemoval() {}

    /** Removes the node's link and directory; returns why something was left, if it was. */
    static Optional<String> removeNode(String node, Path labHosts) {
        Optional<Path> etc = EtcNetns.directory();
        if (etc.isEmpty()) {
            return Optional.empty(); // a held lab's files went with its holder's /etc
        }
        Path directory = etc.get().resolve(node);
        Path link = directory.resolve("hosts");
        Optional<String> left = Optional.empty();
        try {
            if (Files.isSymbolicLink(link) && Files.readSymbolicLink(link).equals(labHosts)) {
                Files.deleteIfExists(link);
            } else if (Files.exists(link, LinkOption.NOFOLLOW_LINKS)) {
                left = Optional.of(link + " is no longer netlab's link to " + labHosts + "; left alone");
            }
            Files.deleteIfExists(directory);
        } catch (NoSuchFileException e) {
            // Gone already.
        } catch (DirectoryNotEmptyException e) {
            return Optional.of(left.orElse(directory + " holds files netlab did not write; left alone"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove " + directory, e);
        }
        return left;
    }

    /** Removes /etc/netns, which the lab made, when nothing is left in it (another lab's nodes, say). */
    static void removeDirectory() {
        Optional<Path> etc = EtcNetns.directory();
        if (etc.isEmpty()) {
            return;
        }
        try {
            Files.deleteIfExists(etc.get());
        } catch (DirectoryNotEmptyException e) {
            // In use by someone else now: theirs to keep.
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove " + etc.get(), e);
        }
    }
}
