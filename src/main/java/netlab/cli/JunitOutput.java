package netlab.cli;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;

/**
 * Where {@code --junit} writes, checked before the lab comes up: not a directory, device or
 * FIFO; not the lab file, an expectations file, nor anything of netlab's own under /run; in a
 * directory where a file can be made. The report is written to a new file beside it and renamed
 * over the name at the end, so a symbolic link there is replaced, never written through, and a
 * reader never sees half a report.
 */
final class JunitOutput {
    /** What netlab keeps under /run and a report must never replace. */
    private static final List<Path> NETLAB_OWN = List.of(Path.of("/run/netlab"), Path.of("/run/netns"),
            Path.of("/run/lock/netlab"));

    /** Why OUT cannot take the report; said as a usage error. */
    static final class Refused extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Refused(String message) {
            super(message);
        }
    }

    private final Path target;
    private final Path temporary;

    private JunitOutput(Path target, Path temporary) {
        this.target = target;
        this.temporary = temporary;
    }

    /** Checks {@code out} against {@code inputs} (the files the test reads) and makes its new file. */
    static JunitOutput prepare(Path out, List<Path> inputs, Path stateRoot) {
        Path absolute = out.toAbsolutePath().normalize();
        if (Files.exists(absolute, LinkOption.NOFOLLOW_LINKS) && !Files.isSymbolicLink(absolute)
                && !Files.isRegularFile(absolute, LinkOption.NOFOLLOW_LINKS)) {
            throw new Refused("--junit " + out + ": not a regular file (a directory, a device or a FIFO)");
        }
        for (Path input : inputs) {
            if (same(absolute, input)) {
                throw new Refused("--junit " + out + ": that is " + input + ", which the test reads");
            }
        }
        for (Path own : Stream.concat(NETLAB_OWN.stream(), Stream.of(stateRoot)).toList()) {
            if (absolute.startsWith(own.toAbsolutePath().normalize()) || real(absolute).startsWith(real(own))) {
                throw new Refused("--junit " + out + ": inside " + own + ", which is netlab's own");
            }
        }
        Path directory = absolute.getParent();
        try {
            return new JunitOutput(absolute, Files.createTempFile(directory, "." + absolute.getFileName() + ".", ".tmp"));
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            throw new Refused("--junit " + out + ": cannot make a file in " + directory + " (" + reason(e) + ")");
        }
    }

    void write(String report) {
        try {
            Files.writeString(temporary, report);
            try {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            abandon();
            throw new Refused("--junit " + target + ": cannot write the report (" + reason(e) + ")");
        }
    }

    /** Removes the new file when no report will come (a failure, an interruption). */
    void abandon() {
        try {
            Files.deleteIfExists(temporary);
        } catch (IOException e) {
            // Nothing more to do: a stray hidden file beside the report is all that is left.
        }
    }

    private static boolean same(Path a, Path b) {
        try {
            return Files.exists(a) && Files.exists(b) && Files.isSameFile(a, b);
        } catch (IOException e) {
            return false;
        }
    }

    /** The path with every symbolic link resolved as far as it exists. */
    private static Path real(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        for (Path existing = absolute; existing != null; existing = existing.getParent()) {
            try {
                return existing.toRealPath().resolve(existing.relativize(absolute));
            } catch (IOException e) {
                // Not there (yet): try its parent.
            }
        }
        return absolute;
    }

    private static String reason(Exception e) {
        String message = e.getMessage();
        if (e instanceof FileSystemException fs && fs.getReason() != null) {
            return fs.getReason();
        }
        return message == null ? e.getClass().getSimpleName() : message;
    }
}
