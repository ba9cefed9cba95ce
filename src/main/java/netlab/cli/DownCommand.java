package netlab.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import netlab.error.LabStateException;
import netlab.error.NetlabException;
import netlab.executor.Executor;
import netlab.executor.held.HeldLabs;
import netlab.kernel.Kernel;
import netlab.state.HeldLab;
import netlab.state.LabLock;
import netlab.state.LabRecord;
import netlab.state.LabState;
import netlab.state.StateStore;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "down", description = "Remove everything a lab created (its topology file is not needed).")
final class DownCommand implements Runnable {
    @Mixin
    HelpOption help;

    @Spec
    CommandSpec spec;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Target target;

    static final class Target {
        @Parameters(paramLabel = "LAB|FILE", description = "The lab's name, or its topology file.")
        String lab;

        @Option(names = "--all", description = "Take down every lab that is up or broken.")
        boolean all;
    }

    @Option(names = {"-f", "--force"}, description = "Succeed even if the lab is not up.")
    boolean force;

    @Override
    public void run() {
        down(target.all ? null : target.lab, force, NetlabCommand.verbose(spec.commandLine()), spec.commandLine().getOut(),
                spec.commandLine().getErr());
    }

    /**
     * Takes lab {@code lab} down (its name or its file), or every lab when {@code lab} is null
     * ({@code --all}); picocli's path and {@link DownShortcut}'s both come here.
     */
    static void down(String lab, boolean force, boolean verbose, PrintWriter out, PrintWriter err) {
        StateStore store = Labs.store();
        List<String> labs = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        boolean all = lab == null;
        if (all) {
            for (LabRecord record : store.list()) {
                switch (record) {
                    case LabRecord.Readable readable -> labs.add(readable.lab());
                    case LabRecord.Held held -> labs.add(held.lab());
                    case LabRecord.Unreadable unreadable -> failures.add(store.refusal(unreadable));
                }
            }
        } else {
            String name = Labs.nameOf(lab);
            if (store.record(name).isEmpty()) {
                if (removeUnrecorded(store, name)) {
                    // An up killed before its first record left only a holder: that was the lab.
                    out.println("lab " + name + " is down");
                    return;
                }
                if (force) {
                    out.println("lab " + name + " is not up; nothing to do");
                    return;
                }
                throw new LabStateException("lab " + name + " is not up (see netlab ls; -f makes this not an error)");
            }
            labs.add(name);
        }
        Executor executor = new Executor(store);
        try (KernelInBackground background = openKernel(all)) {
            for (String name : labs) {
                try {
                    downOne(name, store, executor, background, verbose, out, err);
                } catch (NetlabException e) {
                    if (!all) {
                        throw e;
                    }
                    // One lab that cannot be taken down never keeps the others up.
                    failures.add(e.getMessage());
                }
            }
        }
        if (Placement.rootless()) {
            store.removeIfEmpty();
        }
        out.flush();
        err.flush();
        if (!failures.isEmpty()) {
            throw new LabStateException(String.join("\n", failures));
        }
    }

    /**
     * The connection to the kernel for one lab of root's, opened on another thread while its
     * record is read and locked; null for {@code --all} and a user's labs (held: no connection).
     */
    private static KernelInBackground openKernel(boolean all) {
        if (all || Placement.rootless()) {
            return null;
        }
        NettyLogging.quiet();
        return KernelInBackground.start();
    }

    private static void downOne(String name, StateStore store, Executor executor, KernelInBackground background,
            boolean verbose, PrintWriter out, PrintWriter err) {
        try (LabLock lock = Labs.lock(store, name)) {
            // Read again under the lock: another netlab may have just taken it down.
            Optional<LabRecord> record = store.record(name);
            if (record.isPresent() && record.get() instanceof LabRecord.Held(HeldLab held)) {
                HeldLabs.takeDown(store, held);
                store.removeLock(lock, name);
            } else if (record.isPresent()) {
                if (!Placement.rootless()) {
                    // A user's unreadable record is refused below, with what to do; root's needs root.
                    Privileges.requireAdmin();
                }
                NettyLogging.quiet();
                Optional<LabState> state = store.load(name);
                if (state.isPresent()) {
                    Kernel kernel = background != null ? background.kernel() : new Kernel();
                    List<String> notes;
                    try (Progress progress = Progress.ofDown(name, err)) {
                        if (verbose) {
                            DownPhaseTimes times = new DownPhaseTimes(progress);
                            notes = executor.down(state.get(), times, kernel);
                            progress.close();
                            times.print(err);
                        } else {
                            notes = executor.down(state.get(), progress, kernel);
                        }
                    }
                    notes.forEach(note -> err.println("netlab: " + note));
                }
            }
            out.println("lab " + name + " is down");
        }
    }

    /**
     * An up killed before its first record was in place leaves the lab's directory without a
     * state (and nothing in the kernel: everything is recorded before it is made), and a held
     * lab's maybe a holder, found by its mark and its exit FIFO, which is ended (true then).
     * Removed only when no other netlab holds the lab's lock, so an up that is just starting keeps
     * its own; a held lab's lock file goes with it.
     */
    private static boolean removeUnrecorded(StateStore store, String name) {
        if (!Files.isDirectory(store.directoryOf(name))) {
            return false;
        }
        if (!Placement.rootless()) {
            Privileges.requireAdmin();
        }
        try (LabLock lock = store.lock(name, Duration.ZERO)) {
            if (lock == null || store.record(name).isPresent()) {
                return false;
            }
            boolean held = !Placement.inside() && HeldLabs.wasHeld(store, name);
            boolean ended = held && HeldLabs.endUnrecorded(store, name);
            store.delete(name);
            if (held) {
                store.removeLock(lock, name);
            }
            return ended;
        }
    }
}
