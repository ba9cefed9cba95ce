package netlab.state;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import netlab.error.LabStateException;

/**
 * Lab states under a directory (/run/netlab normally: gone at reboot, like the namespaces it
 * describes). Each lab has its own directory holding {@code state}, replaced atomically (written
 * to a temporary file, then renamed), so a reader never sees half a state.
 */
public final class StateStore {
    public static final Path DEFAULT_ROOT = Path.of("/run/netlab");
    /**
     * Lock files live where lock files go (/run/lock), not beside the states: /run/netlab holds
     * exactly the labs that are up, and a lock file cannot be removed safely while another
     * process may be waiting on it.
     */
    public static final Path DEFAULT_LOCKS = Path.of("/run/lock/netlab");
    private static final String STATE = "state";

    private final Path root;
    private final Path locks;

    public StateStore(Path root) {
        this.root = root;
        this.locks = root.equals(DEFAULT_ROOT) ? DEFAULT_LOCKS : root.resolveSibling(root.getFileName() + "-locks");
    }

    public static StateStore system() {
        return new StateStore(DEFAULT_ROOT);
    }

    /** The lab's lock (its name checked as for its directory); null if another netlab holds it longer than {@code patience}. */
    public LabLock lock(String lab, java.time.Duration patience) {
        directoryOf(lab);
        return LabLock.acquire(locks, lab, patience);
    }

    /** The lab's own directory; a name that is not one plain path element is refused, never resolved. */
    /** The directory that holds every lab's record. */
    public Path root() {
        return root;
    }

    public Path directoryOf(String lab) {
        String problem = RecordNames.pathElementProblem(lab);
        if (problem != null) {
            throw new LabStateException("not a lab name: " + problem);
        }
        return root.resolve(lab);
    }

    public void save(LabState state) {
        Path directory = directoryOf(state.lab());
        try {
            Files.createDirectories(directory);
            Path temporary = directory.resolve(STATE + ".tmp");
            Files.write(temporary, StateText.write(state).getBytes(StandardCharsets.US_ASCII));
            try {
                Files.move(temporary, directory.resolve(STATE), StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, directory.resolve(STATE), StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot record the state of lab " + state.lab() + " in " + directory, e);
        }
    }

    /**
     * The lab's record, readable or not; empty if there is none. A record is readable only if
     * this netlab could have written every byte of it, for this very lab.
     */
    public Optional<LabRecord> record(String lab) {
        Path file = directoryOf(lab).resolve(STATE);
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of(new LabRecord.Unreadable(lab, "cannot read " + file + ": " + e.getMessage()));
        }
        try {
            LabState state = StateText.read(bytes);
            if (!state.lab().equals(lab)) {
                return Optional.of(new LabRecord.Unreadable(lab, "it names lab '" + StateWords.shown(state.lab())
                        + "', not the lab of its directory"));
            }
            return Optional.of(new LabRecord.Readable(state));
        } catch (CorruptStateException e) {
            return Optional.of(new LabRecord.Unreadable(lab, e.getMessage()));
        }
    }

    /** The lab's state; empty if it has none, refused (with the reason and what to do) if unreadable. */
    public Optional<LabState> load(String lab) {
        return record(lab).map(record -> switch (record) {
            case LabRecord.Readable readable -> readable.state();
            case LabRecord.Unreadable unreadable -> throw new LabStateException(refusal(unreadable));
        });
    }

    /**
     * Why netlab will not act on an unreadable record, and how to remove the lab by hand: what
     * netlab cannot read, it cannot prove it made.
     */
    public String refusal(LabRecord.Unreadable record) {
        Path directory = root.resolve(record.lab());
        return "lab " + record.lab() + " is broken: its record " + directory.resolve(STATE) + " cannot be read ("
                + record.reason() + "), and netlab acts on no part of a record it cannot read; remove what it lists "
                + "by hand (ip netns del NAME, ip link del NAME, nft delete table FAMILY NAME, sysctl -w KEY=VALUE), "
                + "then: rm -r " + directory;
    }

    /** The host sysctls labs share (see there), kept beside the labs' records. */
    public HostSysctlLedger hostSysctls() {
        return new HostSysctlLedger(root, locks);
    }

    /**
     * Every lab with a record, by name: one that cannot be read (or whose directory is no lab
     * name) is listed as unreadable, and never stops the listing of the others.
     */
    public List<LabRecord> list() {
        List<LabRecord> records = new ArrayList<>();
        try (Stream<Path> directories = Files.list(root)) {
            for (Path directory : directories.sorted(Comparator.naturalOrder()).toList()) {
                String lab = directory.getFileName().toString();
                if (lab.equals(HostSysctlLedger.FILE) || lab.equals(HostSysctlLedger.COPY)) {
                    continue;
                }
                String problem = RecordNames.pathElementProblem(lab);
                if (problem != null) {
                    records.add(new LabRecord.Unreadable(StateWords.shown(lab), "not a lab name: " + problem));
                } else {
                    record(lab).ifPresent(records::add);
                }
            }
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + root, e);
        }
        return records;
    }

    public void delete(String lab) {
        Path directory = directoryOf(lab);
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.toList()) {
                Files.delete(file);
            }
            Files.delete(directory);
        } catch (NoSuchFileException e) {
            // Already gone.
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove the state of lab " + lab, e);
        }
    }
}
