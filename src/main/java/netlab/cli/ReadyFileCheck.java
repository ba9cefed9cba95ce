package netlab.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Optional;
import netlab.topology.Printable;

/**
 * What {@code up --hold --ready-file FILE} refuses before it builds anything: a FILE the agent
 * could not write once the part is up (its directory missing, a directory or device in its place),
 * and FILE being the part file or the peers file, which the agent would overwrite and then remove.
 */
final class ReadyFileCheck {
    private ReadyFileCheck() {}

    /** Why {@code ready} cannot be the ready file; empty when it can. */
    static Optional<String> problem(Path ready, Path part, Optional<Path> peers) {
        String named = "--ready-file " + Printable.line(ready.toString());
        if (sameFile(ready, part)) {
            return Optional.of(named + " is the part file itself; the agent writes the ready file and removes it");
        }
        if (peers.isPresent() && sameFile(ready, peers.get())) {
            return Optional.of(named + " is the peers file; the agent writes the ready file and removes it");
        }
        Path directory = ready.toAbsolutePath().getParent();
        if (directory == null || !Files.isDirectory(directory)) {
            return Optional.of(named + ": its directory " + Printable.line(String.valueOf(directory)) + " does not exist");
        }
        if (Files.exists(ready, LinkOption.NOFOLLOW_LINKS) && !Files.isRegularFile(ready, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.of(named + " is there already and is not a regular file (a directory, a link, a FIFO?)");
        }
        return Optional.empty();
    }

    private static boolean sameFile(Path a, Path b) {
        try {
            return Files.exists(a) && Files.exists(b) ? Files.isSameFile(a, b)
                    : a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
        } catch (IOException e) {
            return false;
        }
    }
}
