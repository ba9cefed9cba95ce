package netlab.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import netlab.error.LabStateException;
import netlab.state.LabState;
import netlab.state.StateStore;
import netlab.topology.Lab;
import netlab.topology.dsl.TopologyReader;

/** Finding labs: from a topology file, or by name among the recorded ones. */
final class Labs {
    private Labs() {}

    /**
     * Where this user's labs are recorded: the machine's /run/netlab for root (or NETLAB_STATE_DIR),
     * the user's own runtime directory for anyone else, the lab's private /run inside a holder.
     */
    static StateStore store() {
        if (Placement.inside()) {
            return StateStore.system();
        }
        String root = System.getenv("NETLAB_STATE_DIR");
        if (root != null) {
            return new StateStore(Path.of(root));
        }
        return Placement.rootless() ? StateStore.forUser(Privileges.uid(), System.getenv("XDG_RUNTIME_DIR")) : StateStore.system();
    }

    /** Reads a topology file; problems name it as the user wrote it ({@code lan.topo:9:3}). */
    static Lab read(Path file) {
        return TopologyReader.read(file);
    }

    /**
     * A lab's name from {@code LAB} or {@code FILE}: a path to a topology file gives the name it
     * declares (or its file name without .topo, if it no longer parses); anything else is a name.
     */
    static String nameOf(String labOrFile) {
        return checked(nameFrom(labOrFile));
    }

    /** A name given on the command line ({@code up --name}), checked as a lab name. */
    static String requireName(String lab) {
        String problem = TopologyReader.labNameProblem(lab);
        if (problem != null) {
            throw new LabStateException("not a lab name: " + problem.replaceAll("\\p{Cntrl}", "?"));
        }
        return checked(lab);
    }

    /** A lab's name becomes a path under /run/netlab: only plain, safe names are accepted. */
    private static String checked(String lab) {
        String problem = netlab.kernel.NamespaceNames.problem(lab);
        if (problem != null || lab.contains(":")) {
            throw new LabStateException("not a lab name: '" + lab.replaceAll("\\p{Cntrl}", "?") + "'");
        }
        return lab;
    }

    /** Whether {@code labOrFile} names a topology file rather than a lab: it ends in .topo or is a file. */
    static boolean isTopologyFile(String labOrFile) {
        return labOrFile.endsWith(".topo") || Files.isRegularFile(Path.of(labOrFile));
    }

    private static String nameFrom(String labOrFile) {
        Path path = Path.of(labOrFile);
        if (isTopologyFile(labOrFile)) {
            if (Files.isRegularFile(path)) {
                try {
                    return read(path).name();
                } catch (RuntimeException e) {
                    // The file changed or broke since up: its name still says which lab.
                }
            }
            String file = path.getFileName().toString();
            return file.endsWith(".topo") ? file.substring(0, file.length() - ".topo".length()) : file;
        }
        return labOrFile;
    }

    /** Waits this long for another netlab working on the same lab, then gives up. */
    static final java.time.Duration LOCK_PATIENCE = java.time.Duration.ofSeconds(5);

    static netlab.state.LabLock lock(StateStore store, String lab) {
        netlab.state.LabLock lock = store.lock(lab, LOCK_PATIENCE);
        if (lock == null) {
            throw new LabStateException("lab " + lab + " is busy: another netlab is bringing it up or down "
                    + "(waited " + LOCK_PATIENCE.toSeconds() + " s); try again when it is done");
        }
        return lock;
    }

    /**
     * A lab that is up as the file it was brought up from describes it now: what {@code test}
     * checks and {@code pingall} probes (their expectations and addresses are in the file).
     */
    static Lab recordedLab(LabState state) {
        requireWhole(state);
        Path file = Path.of(state.file());
        if (!Files.isRegularFile(file)) {
            throw new LabStateException("lab " + state.lab() + " was brought up from " + file
                    + ", which is gone; what to check is there");
        }
        Lab lab = read(file);
        if (Placement.inside()) {
            return lab.named(state.lab()); // a copy brought up with up --name has a name of its own
        }
        if (!lab.name().equals(state.lab())) {
            throw new LabStateException(file + " now describes lab " + lab.name() + ", not lab " + state.lab());
        }
        return lab;
    }

    /** A lab whose record says up, not broken (half made, half taken down, or unreadable). */
    static LabState requireWhole(LabState state) {
        if (!state.isUp()) {
            throw new LabStateException("lab " + state.lab() + " is broken; take it down first: netlab down "
                    + state.lab());
        }
        return state;
    }

    static LabState requireUp(StateStore store, String lab) {
        return store.load(lab).orElseThrow(() -> new LabStateException("lab " + lab + " is not up (see netlab ls)"));
    }
}
