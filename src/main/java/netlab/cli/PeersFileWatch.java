package netlab.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The peers file as a holding agent sees it: read again whenever its time changes, until two
 * reads a moment apart agree ({@link SettledText}: a file caught half written may still parse).
 * Once the part is up, a file that cannot be read or parsed, that is still changing, or that maps
 * nothing, is taken as one being rewritten (a half-written line, a file replaced by delete and
 * create, a truncation): the last good map stays, with one warning per change, and the part keeps
 * running. Only the first read, before anything is built, fails on such a file.
 */
final class PeersFileWatch {
    private final Path file;
    private final Consumer<String> warn;
    private PeerMap peers;
    private FileTime read;
    private String lastWarning;

    private PeersFileWatch(Path file, Consumer<String> warn, PeerMap peers, FileTime read) {
        this.file = file;
        this.warn = warn;
        this.peers = peers;
        this.read = read;
    }

    /** Reads the file once, strictly: a bad file is refused before the part is built. */
    static PeersFileWatch start(Path file, Consumer<String> warn) {
        FileTime time = time(file);
        return new PeersFileWatch(file, warn, PeerMap.read(file), time);
    }

    PeerMap peers() {
        return peers;
    }

    /** Reads the file again if it changed; true when a new map replaced the last good one. */
    boolean refresh() {
        FileTime time;
        PeerMap now;
        try {
            time = time(file);
            if (time.equals(read)) {
                return false;
            }
            now = PeerMap.read(file);
        } catch (PeersFileException e) {
            warnOnce(e.getMessage() + "; keeping the peers read before");
            return false;
        }
        read = time;
        if (now.isEmpty() && !peers.isEmpty()) {
            warnOnce("the peers file " + file + " maps no address (being written?); keeping the peers read before");
            return false;
        }
        lastWarning = null;
        peers = now;
        return true;
    }

    private void warnOnce(String warning) {
        if (!Objects.equals(warning, lastWarning)) {
            lastWarning = warning;
            warn.accept(warning);
        }
    }

    private static FileTime time(Path file) {
        try {
            return Files.getLastModifiedTime(file);
        } catch (IOException e) {
            throw new PeersFileException("cannot read the peers file " + file + ": " + IoReasons.about(file, e));
        }
    }
}
