package netlab.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import netlab.error.InterruptedWaitException;

/**
 * A file read while someone may be writing it: read again a moment later until two reads agree,
 * so that a file caught half written, whose first lines alone still make sense, is not taken for
 * the whole. A writer that stops longer than that in mid-file can still be caught; one that
 * renames a whole file into place (as Kubernetes does a ConfigMap's) never is.
 */
final class SettledText {
    static final Duration APART = Duration.ofMillis(50);
    static final int READS = 5;

    /** Where the text comes from: the file, or in a test, what it is made to say. */
    interface Source {
        String read() throws IOException;
    }

    private SettledText() {}

    /** A peers file's text ({@link PeersFileText}) once two reads {@link #APART} agree; empty when {@link #READS} reads never did. */
    static Optional<String> read(Path file) throws IOException {
        return read(() -> PeersFileText.read(file), APART, READS);
    }

    static Optional<String> read(Source source, Duration apart, int reads) throws IOException {
        String last = source.read();
        for (int n = 1; n < reads; n++) {
            try {
                Thread.sleep(apart);
            } catch (InterruptedException e) {
                throw new InterruptedWaitException("waiting for a file to be written whole", e);
            }
            String now = source.read();
            if (now.equals(last)) {
                return Optional.of(now);
            }
            last = now;
        }
        return Optional.empty();
    }
}
