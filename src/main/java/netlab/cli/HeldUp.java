package netlab.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import netlab.error.LabStateException;
import netlab.executor.held.Egress;
import netlab.executor.held.HeldLabs;
import netlab.state.HeldLab;
import netlab.state.LabLock;
import netlab.state.StateStore;
import netlab.topology.Lab;
import netlab.topology.Node;

/**
 * {@code up} and {@code test FILE} of a lab in namespaces of its own (docs/rootless.md): the
 * holder is made, and netlab runs the same command again inside it.
 */
final class HeldUp {
    private HeldUp() {}

    static void up(Path file, String name, boolean rootless, boolean verbose, PrintWriter err) {
        Lab lab = Labs.read(file); // a broken file is reported before anything is made
        requireVisibleInside(file);
        String labName = name == null ? lab.name() : Labs.requireName(name);
        List<String> inner = new ArrayList<>();
        if (verbose) {
            inner.add("-v");
        }
        inner.addAll(List.of("up", file.toString(), "--name", labName));
        run(lab, labName, rootless, inner, err);
    }

    /**
     * Inside the holder, /run is the lab's own, and only the user's runtime directory is bound
     * back: a file elsewhere under /run, named by its absolute path, is not there.
     */
    static void requireVisibleInside(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        String runtime = System.getenv("XDG_RUNTIME_DIR");
        boolean boundBack = runtime != null && runtime.startsWith("/") && absolute.startsWith(Path.of(runtime).normalize());
        if (file.isAbsolute() && absolute.startsWith("/run") && !boundBack) {
            throw new LabStateException(file + " is under /run, which a lab in namespaces of its own replaces with its "
                    + "own; copy it elsewhere, or give it relative to the working directory (cd there first)");
        }
    }

    /** Runs {@code inner} in a new holder of lab {@code labName}; fails with its status. */
    static void run(Lab lab, String labName, boolean rootless, List<String> inner, PrintWriter err) {
        StateStore store = Labs.store();
        HeldLab.Kind kind = rootless ? HeldLab.Kind.ROOTLESS : HeldLab.Kind.CONTAINED;
        store.prepare();
        int status;
        try (LabLock lock = Labs.lock(store, labName)) {
            if (store.record(labName).isPresent()) {
                throw new LabStateException("lab " + labName + " is already up; take it down first: netlab down " + labName);
            }
            err.flush();
            try {
                status = HeldLabs.run(store, labName, kind, goesOut(lab), inner, line -> {
                    err.println("netlab: " + line);
                    err.flush();
                });
            } finally {
                // No lab (it failed, or a test cycle took it down): nothing of it stays, not even its lock.
                if (store.record(labName).isEmpty()) {
                    store.removeLock(lock, labName);
                    store.removeIfEmpty();
                }
            }
        }
        if (status != 0) {
            throw new InnerStatus(status);
        }
    }

    /**
     * A lab whose host translates addresses (masquerade, snat) goes out through it: in its own
     * namespaces, through slirp4netns's tap0; one whose NAT names tap0 cannot come up without it.
     */
    private static Egress.Need goesOut(Lab lab) {
        Egress.Need need = Egress.Need.NONE;
        for (Node node : lab.nodes()) {
            if (node.isHost()) {
                for (var rule : node.nat()) {
                    if (rule.out().filter("tap0"::equals).isPresent()) {
                        return Egress.Need.TAP0;
                    }
                    need = Egress.Need.WANTED;
                }
            }
        }
        return need;
    }
}
