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
import netlab.sys.RegularFiles;

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
    /**
     * Records are read as regular files only, never through a link, never waiting on a FIFO, up
     * to these sizes (far beyond what netlab writes): root's ls --all-users reads users' records,
     * and a user's lab record inside its holder is the user's to replace.
     */
    private static final int MAX_RECORD_BYTES = 64 << 20;
    private static final int MAX_HELD_BYTES = 64 << 10;
    /** A held lab's outside record (docs/rootless.md). */
    private static final String HELD = "holder";

    private final Path root;
    private final Path locks;
    /** The user whose store this is, or -1 for root's. */
    private final int owner;

    public StateStore(Path root) {
        this(root, root.equals(DEFAULT_ROOT) ? DEFAULT_LOCKS : root.resolveSibling(root.getFileName() + "-locks"));
    }

    private StateStore(Path root, Path locks) {
        this(root, locks, -1);
    }

    private StateStore(Path root, Path locks, int owner) {
        this.root = root;
        this.locks = locks;
        this.owner = owner;
    }

    /**
     * An ordinary user's labs (docs/rootless.md): {@code $XDG_RUNTIME_DIR/netlab/}, or without
     * one {@code /tmp/netlab-UID/}, which must then be the user's own directory of mode 0700
     * (anyone may make a directory in /tmp, and a record there is acted on). Records in
     * {@code labs/}, locks in {@code locks/}.
     */
    public static StateStore forUser(int uid, String runtimeDirectory) {
        return forUser(uid, runtimeDirectory, Path.of("/tmp"));
    }

    /** As {@link #forUser(int, String)}, with the fallback in {@code temporary} rather than /tmp (for tests). */
    static StateStore forUser(int uid, String runtimeDirectory, Path temporary) {
        Path runtime = runtimeDirectory != null && runtimeDirectory.startsWith("/")
                ? Path.of(runtimeDirectory).normalize() : null;
        Path base;
        if (runtime != null && Files.isDirectory(runtime)) {
            UserDirectory.requireRuntime(runtime, uid);
            base = runtime.resolve("netlab");
        } else {
            base = temporary.resolve("netlab-" + uid);
        }
        UserDirectory.check(base, uid);
        return new StateStore(base.resolve("labs"), base.resolve("locks"), uid);
    }

    /**
     * Makes a user's store (mode 0700) before a lab is recorded in it; reading needs none, so
     * that looking leaves nothing behind. A no-op for root's.
     */
    public void prepare() {
        if (owner >= 0) {
            UserDirectory.make(root.getParent(), owner);
        }
    }

    public static StateStore system() {
        return new StateStore(DEFAULT_ROOT);
    }

    /** The lab's lock (its name checked as for its directory); null if another netlab holds it longer than {@code patience}. */
    public LabLock lock(String lab, java.time.Duration patience) {
        directoryOf(lab);
        return LabLock.acquire(locks, lab, patience);
    }

    /** The directory that holds every lab's record. */
    public Path root() {
        return root;
    }

    /** The lab's own directory; a name that is not one plain path element is refused, never resolved. */
    public Path directoryOf(String lab) {
        String problem = RecordNames.pathElementProblem(lab);
        if (problem != null) {
            throw new LabStateException("not a lab name: " + problem);
        }
        return root.resolve(lab);
    }

    public void save(LabState state) {
        replace(state.lab(), STATE, StateText.write(state), "the state of lab " + state.lab());
    }

    /** Records the outside part of a held lab, replacing what was recorded. */
    public void saveHeld(HeldLab held) {
        replace(held.lab(), HELD, HeldLabText.write(held), "lab " + held.lab());
    }

    /** Writes a record of the lab's to a temporary file, then renames it: readers see all of it or none. */
    private void replace(String lab, String name, String text, String what) {
        Path directory = directoryOf(lab);
        try {
            Files.createDirectories(directory);
            Path temporary = directory.resolve(name + ".tmp");
            Files.write(temporary, text.getBytes(StandardCharsets.US_ASCII));
            try {
                Files.move(temporary, directory.resolve(name), StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, directory.resolve(name), StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot record " + what + " in " + directory, e);
        }
    }

    /** Lock files of labs that are gone are removed with them (held labs), so the store can empty. */
    public void removeLock(LabLock lock, String lab) {
        lock.closeAndRemove(locks, lab);
    }

    /** Removes the store's own directories when no lab and no lock is left in them (a user's store). */
    public void removeIfEmpty() {
        for (Path directory : new Path[] {root, locks, root.getParent()}) {
            try {
                Files.deleteIfExists(directory);
            } catch (IOException e) {
                return; // not empty: another lab is up or coming up
            }
        }
    }

    /**
     * The lab's record, readable or not; empty if there is none. A record is readable only if
     * this netlab could have written every byte of it, for this very lab.
     */
    public Optional<LabRecord> record(String lab) {
        Path held = directoryOf(lab).resolve(HELD);
        if (Files.exists(held, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return Optional.of(heldRecord(lab, held));
        }
        Path file = directoryOf(lab).resolve(STATE);
        byte[] bytes;
        try {
            bytes = RegularFiles.read(file, MAX_RECORD_BYTES);
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

    private static LabRecord heldRecord(String lab, Path file) {
        try {
            HeldLab held = HeldLabText.read(RegularFiles.read(file, MAX_HELD_BYTES));
            if (!held.lab().equals(lab)) {
                return new LabRecord.Unreadable(lab, "it names lab '" + held.lab() + "', not the lab of its directory");
            }
            return new LabRecord.Held(held);
        } catch (IOException e) {
            return new LabRecord.Unreadable(lab, "cannot read " + file + ": " + e.getMessage());
        } catch (CorruptStateException e) {
            return new LabRecord.Unreadable(lab, e.getMessage());
        }
    }

    /**
     * The lab's state; empty if it has none, refused (with the reason and what to do) if
     * unreadable. A held lab's state is inside its holder: its caller asks {@link #record}.
     */
    public Optional<LabState> load(String lab) {
        return record(lab).map(record -> switch (record) {
            case LabRecord.Readable readable -> readable.state();
            case LabRecord.Unreadable unreadable -> throw new LabStateException(refusal(unreadable));
            case LabRecord.Held held -> throw new LabStateException("lab " + lab + " lives in its own namespaces "
                    + "(netlab up --name, or a lab without root); this netlab cannot reach into them");
        });
    }

    /**
     * Why netlab will not act on an unreadable record, and how to remove the lab by hand: what
     * netlab cannot read, it cannot prove it made.
     */
    public String refusal(LabRecord.Unreadable record) {
        Path directory = root.resolve(record.lab());
        if (owner >= 0) {
            // A user's labs are all held: their processes are what is left to end.
            return "lab " + record.lab() + " is broken: its record in " + directory + " cannot be read ("
                    + record.reason() + "), and netlab acts on no part of a record it cannot read; end its processes "
                    + "by hand (its holder is a 'sleep infinity' child of an 'unshare' of yours, with slirp4netns "
                    + "beside it: ps -u $(id -u) -o pid,args), then: rm -r " + directory;
        }
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

    /**
     * The held labs' outside records only, readable ones: what {@code exec NODE} looks through
     * without parsing every machine-wide lab's record (a big lab's is long).
     */
    public List<HeldLab> heldLabs() {
        List<HeldLab> held = new ArrayList<>();
        try (Stream<Path> directories = Files.list(root)) {
            for (Path directory : directories.sorted(Comparator.naturalOrder()).toList()) {
                String lab = directory.getFileName().toString();
                if (RecordNames.pathElementProblem(lab) == null
                        && Files.exists(directory.resolve(HELD), java.nio.file.LinkOption.NOFOLLOW_LINKS)
                        && heldRecord(lab, directory.resolve(HELD)) instanceof LabRecord.Held(HeldLab readable)) {
                    held.add(readable);
                }
            }
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + root, e);
        }
        return held;
    }

    public void delete(String lab) {
        Path directory = directoryOf(lab);
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.toList()) {
                // A held lab's directory holds its staging mount point, an empty directory.
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
