package netlab.state;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The host sysctls labs have changed, shared by every lab on the machine: for each key, the value
 * it had before the first lab changed it, the value the labs set, and which labs hold it. The
 * first lab to set a key records the old value; the last to let go puts it back, whatever the
 * order they come and go in. Kept beside the labs' records ({@value #FILE} in /run/netlab, gone
 * when no lab holds anything), read and changed only under a lock of its own.
 *
 * <pre>
 * netlab-host-sysctls 1
 * net.ipv4.ip_forward 0 1 lan bridge-nat
 * </pre>
 */
public final class HostSysctlLedger {
    /** Not a lab name (those never start with '.'), so the labs' listing passes it by. */
    public static final String FILE = ".host-sysctls";
    /** The new copy written beside the ledger, then renamed over it. */
    public static final String COPY = FILE + ".tmp";
    private static final String VERSION = "netlab-host-sysctls 1";
    private static final Duration PATIENCE = Duration.ofSeconds(10);

    /** One key: its value before any lab, the value the labs set, the labs that hold it. */
    public record Entry(String key, String original, String value, List<String> holders) {
        public Entry {
            holders = List.copyOf(holders);
        }
    }

    private final Path file;
    private final Path locks;

    HostSysctlLedger(Path root, Path locks) {
        this.file = root.resolve(FILE);
        this.locks = locks;
    }

    /** The entries as they are now (for a check before any change). */
    public Map<String, Entry> entries() {
        return read();
    }

    /**
     * Reads the ledger, lets {@code change} compute the next one (and do what it must while no
     * other netlab can: read or write the sysctl itself), and writes the result, all under the
     * ledger's lock. An empty ledger is no file at all.
     */
    public void change(UnaryOperator<Map<String, Entry>> change) {
        try (LabLock lock = LabLock.acquire(locks, FILE, PATIENCE)) {
            if (lock == null) {
                throw new IllegalStateException("another netlab held the host sysctls' lock for " + PATIENCE.toSeconds() + " s");
            }
            write(change.apply(new LinkedHashMap<>(read())));
        }
    }

    /**
     * Removes the new copy a netlab killed while writing the ledger left beside it (the ledger
     * itself is whole: the copy replaces it only once written). Down calls this, so that after
     * a kill one down leaves nothing of netlab's behind.
     */
    public void removeLeftovers() {
        Path temporary = file.resolveSibling(COPY);
        if (!Files.exists(temporary)) {
            return;
        }
        try (LabLock lock = LabLock.acquire(locks, FILE, PATIENCE)) {
            if (lock != null) {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove " + temporary, e);
        }
    }

    private Map<String, Entry> read() {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.US_ASCII);
        } catch (NoSuchFileException e) {
            return Map.of();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        if (lines.isEmpty() || !lines.getFirst().equals(VERSION)) {
            throw new IllegalStateException(file + " is not a ledger this netlab wrote; remove it by hand");
        }
        Map<String, Entry> entries = new LinkedHashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] words = line.split(" ");
            if (words.length < 4) {
                throw new IllegalStateException(file + " has a malformed line; remove it by hand");
            }
            List<String> holders = new ArrayList<>();
            for (int i = 3; i < words.length; i++) {
                holders.add(StateWords.decode(words[i]));
            }
            String key = StateWords.decode(words[0]);
            entries.put(key, new Entry(key, StateWords.decode(words[1]), StateWords.decode(words[2]), holders));
        }
        return entries;
    }

    private void write(Map<String, Entry> entries) {
        try {
            if (entries.isEmpty()) {
                Files.deleteIfExists(file);
                return;
            }
            StringBuilder text = new StringBuilder(VERSION).append('\n');
            for (Entry entry : entries.values()) {
                text.append(StateWords.encode(entry.key())).append(' ').append(StateWords.encode(entry.original()))
                        .append(' ').append(StateWords.encode(entry.value()));
                entry.holders().forEach(lab -> text.append(' ').append(StateWords.encode(lab)));
                text.append('\n');
            }
            Files.createDirectories(file.getParent());
            Path temporary = file.resolveSibling(COPY);
            Files.writeString(temporary, text, StandardCharsets.US_ASCII);
            try {
                Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
