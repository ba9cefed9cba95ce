package netlab.state;

import java.io.IOException;
import java.io.UncheckedIOException;
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

    /** The lab's lock; null if another netlab holds it longer than {@code patience}. */
    public LabLock lock(String lab, java.time.Duration patience) {
        return LabLock.acquire(locks, lab, patience);
    }

    public Path directoryOf(String lab) {
        return root.resolve(lab);
    }

    public void save(LabState state) {
        Path directory = directoryOf(state.lab());
        try {
            Files.createDirectories(directory);
            Path temporary = directory.resolve(STATE + ".tmp");
            Files.writeString(temporary, StateText.write(state));
            try {
                Files.move(temporary, directory.resolve(STATE), StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, directory.resolve(STATE), StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot record the state of lab " + state.lab() + " in " + directory, e);
        }
    }

    public Optional<LabState> load(String lab) {
        Path file = directoryOf(lab).resolve(STATE);
        try {
            return Optional.of(StateText.read(Files.readString(file)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the state of lab " + lab + " in " + file, e);
        }
    }

    /** Every recorded lab, by name. */
    public List<LabState> list() {
        List<LabState> states = new ArrayList<>();
        try (Stream<Path> directories = Files.list(root)) {
            for (Path directory : directories.sorted(Comparator.naturalOrder()).toList()) {
                load(directory.getFileName().toString()).ifPresent(states::add);
            }
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + root, e);
        }
        return states;
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
