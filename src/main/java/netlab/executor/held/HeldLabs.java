package netlab.executor.held;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import netlab.error.LabStateException;
import netlab.kernel.PrivateRun;
import netlab.state.HeldLab;
import netlab.state.LabRecord;
import netlab.state.ProcessStamp;
import netlab.state.StateStore;
import netlab.sys.Syscall;

/**
 * Labs that live in a holder's namespaces (docs/rootless.md): a user's labs without root, and
 * root's contained copies ({@code up --name}). Outside, netlab keeps only the processes that make
 * the lab; the lab itself is made, recorded and inspected by netlab run again inside.
 */
public final class HeldLabs {
    private static final Duration DEATH_PATIENCE = Duration.ofSeconds(5);

    private HeldLabs() {}

    /** Called first by the launcher: how many of the JVM's arguments are netlab's (the rest start it again). */
    public static void rememberLaunch(int netlabArguments) {
        InnerNetlab.rememberLaunch(netlabArguments);
    }

    /**
     * For a netlab started inside a holder: makes the lab's private /run when this is the netlab
     * that makes the lab, and refuses to run in a holder without one (its up was killed first;
     * the /run this process sees would be the machine's). A no-op outside holders.
     */
    public static void prepareInside() {
        String lab = System.getenv(InnerNetlab.INSIDE);
        if (lab == null || lab.equals(PrivateRun.lab())) {
            return;
        }
        if (!InnerNetlab.inHoldersMountNamespace()) {
            // Set by hand, not by the outer netlab: never replace the /run of anything but a holder.
            throw new LabStateException(InnerNetlab.INSIDE + " is set, but this netlab does not run in the mount "
                    + "namespace of a lab's holder; unset it");
        }
        String staging = System.getenv(InnerNetlab.STAGING);
        if (staging == null || PrivateRun.lab() != null) {
            throw new LabStateException("lab " + lab + " is broken: it was interrupted before it was made; "
                    + "take it down: netlab down " + lab);
        }
        PrivateRun.make(lab, Path.of(staging), System.getenv("XDG_RUNTIME_DIR"));
    }

    /**
     * Makes the holder (and, when the lab goes out through its host, slirp4netns), then runs
     * {@code netlab ARGS} inside and returns its exit status. When it leaves no lab behind
     * (failed, or a test cycle that took its lab down), the holder goes too.
     */
    public static int run(StateStore store, String lab, HeldLab.Kind kind, boolean egress, List<String> arguments,
            Consumer<String> warn) {
        HeldLab held = Holder.start(store, lab, kind);
        try {
            if (egress) {
                String tun = Egress.tunProblem();
                if (tun != null) {
                    warn.accept(tun);
                } else {
                    held = held.withEgress(Egress.start(store, held));
                    String ping = Egress.pingProblem(effectiveGid());
                    if (ping != null) {
                        warn.accept(ping);
                    }
                }
            }
            return InnerRun.await(InnerNetlab.command(held, arguments),
                    InnerNetlab.environment(held, store.directoryOf(lab).resolve(Holder.STAGING)));
        } finally {
            if (inside(held).isEmpty()) {
                takeDown(store, held);
            }
        }
    }

    /** Replaces this process with netlab run inside the lab: {@code exec}, {@code show}, {@code test} of a held lab. */
    public static void enter(HeldLab held, List<String> arguments) {
        if (held.holder() == null || !held.holder().isAlive()) {
            throw new LabStateException("lab " + held.lab() + " is broken: its holder process is gone; "
                    + "take it down: netlab down " + held.lab());
        }
        List<String> command = InnerNetlab.command(held, arguments);
        List<String> environment = InnerNetlab.environment(held, null).entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue()).toList();
        Syscall.closeRange(3, Integer.MAX_VALUE, Syscall.CLOSE_RANGE_CLOEXEC);
        Syscall.unblockAllSignals();
        Syscall.execve(command.getFirst(), command, environment);
    }

    /**
     * The lab's record as netlab inside wrote it, read through the holder's root; empty when the
     * holder is gone or holds no such lab.
     */
    public static Optional<LabRecord> inside(HeldLab held) {
        if (held.holder() == null || !held.holder().isAlive()) {
            return Optional.empty();
        }
        Path run = Path.of("/proc", Long.toString(held.holder().pid()), "root/run");
        if (!held.lab().equals(labOfRun(run))) {
            return Optional.empty();
        }
        Optional<LabRecord> record = new StateStore(run.resolve("netlab")).record(held.lab());
        // Still the same holder: a pid reused meanwhile would have shown another process's files.
        return held.holder().isAlive() ? record : Optional.empty();
    }

    public static boolean isAlive(HeldLab held) {
        return held.holder() != null && held.holder().isAlive()
                && (held.egress() == null || held.egress().isAlive());
    }

    /**
     * Ends every process of the lab: programs in its nodes, its holder, unshare, slirp4netns;
     * everything in the kernel goes with the holder's namespaces, which nothing else holds. Then
     * its outside record goes. Each step is a no-op when already done, so a down interrupted at
     * any point finishes on the next.
     */
    public static void takeDown(StateStore store, HeldLab held) {
        List<ProcessStamp> ended = new ArrayList<>();
        if (held.holder() != null && held.holder().isAlive()) {
            Set<String> namespaces = LabProcesses.namespaces(held);
            Set<Long> lab = new HashSet<>(List.of(held.holder().pid(), held.unshare().pid()));
            // Programs may start others while they are killed: look again until none is left.
            for (int round = 0; round < 10; round++) {
                List<ProcessStamp> found = LabProcesses.in(namespaces, lab);
                if (found.isEmpty()) {
                    break;
                }
                found.forEach(Signals::kill);
                ended.addAll(found);
            }
        }
        // What the namespaces no longer show once the holder is gone: a program still running
        // in a node, netlab itself at work inside; and a holder an earlier up left unrecorded.
        List<ProcessStamp> marked = LabProcesses.marked(held.lab());
        marked.forEach(Signals::kill);
        ended.addAll(marked);
        for (ProcessStamp stamp : new ProcessStamp[] {held.holder(), held.unshare(), held.egress()}) {
            if (stamp != null) {
                ended.add(stamp);
            }
        }
        ended.forEach(Signals::kill);
        if (!Signals.awaitGone(ended, DEATH_PATIENCE)) {
            throw new LabStateException("lab " + held.lab() + ": a process of it outlived SIGKILL for "
                    + DEATH_PATIENCE.toSeconds() + " s; try netlab down " + held.lab() + " again");
        }
        store.delete(held.lab());
    }

    /** Holders of {@code lab} that no record names (an up killed at its very start); ended. */
    public static boolean endUnrecorded(String lab) {
        List<ProcessStamp> found = LabProcesses.markedHolders(lab);
        found.forEach(Signals::kill);
        Signals.awaitGone(found, DEATH_PATIENCE);
        return !found.isEmpty();
    }

    private static String labOfRun(Path run) {
        try {
            return java.nio.file.Files.readString(run.resolve("netlab-holder")).strip();
        } catch (java.io.IOException e) {
            return null;
        }
    }

    private static long effectiveGid() {
        try {
            for (String line : java.nio.file.Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("Gid:")) {
                    return Long.parseLong(line.substring(4).strip().split("\\s+")[1]);
                }
            }
        } catch (java.io.IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }
}
