package netlab.executor.held;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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
    private static final int SWEEPS = 100;
    /** As the shell reports a process ended by SIGINT. */
    private static final int INTERRUPTED = 130;

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
        if (lab == null) {
            return;
        }
        // A netlab that entered as down took the lab away finds its holder gone: down ends the
        // holder before it looks for the lab's processes, so one that got here first is found.
        String holder = System.getenv(InnerNetlab.HOLDER);
        if (holder != null && !stamp(holder).isAlive()) {
            throw new LabStateException("lab " + lab + " was taken down meanwhile");
        }
        if (lab.equals(PrivateRun.lab())) {
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
        String etc = PrivateRun.make(lab, Path.of(staging), System.getenv("XDG_RUNTIME_DIR"));
        if (etc != null) {
            // The lab works without: its nodes have host names but no /etc/hosts naming the others.
            System.err.println("netlab: " + etc + "; nodes of lab " + lab + " get no /etc/hosts naming the others");
        }
    }

    /**
     * Makes the holder (and, when the lab goes out through its host, slirp4netns), then runs
     * {@code netlab ARGS} inside and returns its exit status. When it leaves no lab behind
     * (failed, or a test cycle that took its lab down), the holder goes too.
     */
    public static int run(StateStore store, String lab, HeldLab.Kind kind, Egress.Need egress, List<String> arguments,
            Consumer<String> warn) {
        try (Interrupts interrupts = new Interrupts()) {
            HeldLab held = Holder.start(store, lab, kind);
            try {
                if (egress != Egress.Need.NONE && !interrupts.requested()) {
                    String tun = Egress.tunProblem();
                    if (tun != null && egress == Egress.Need.TAP0) {
                        throw new LabStateException(tun + "; this lab's NAT goes out through tap0, so it cannot "
                                + "come up without it");
                    } else if (tun != null) {
                        warn.accept(tun);
                    } else {
                        held = held.withEgress(Egress.start(store, held));
                        String ping = Egress.pingProblem(effectiveGid());
                        if (ping != null) {
                            warn.accept(ping);
                        }
                    }
                }
                if (interrupts.requested()) {
                    return INTERRUPTED;
                }
                return InnerRun.await(InnerNetlab.command(held, arguments),
                        InnerNetlab.environment(held, store.directoryOf(lab).resolve(Holder.STAGING)), interrupts);
            } finally {
                if (inside(held).isEmpty()) {
                    takeDown(store, held);
                }
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
     * Ends every process of the lab: its holder, unshare, slirp4netns, then every process in its
     * namespaces (programs in its nodes, a netlab inside it), until none is left; everything in
     * the kernel goes with the namespaces, which nothing else holds. Then its outside record
     * goes. The holder goes first: a netlab that enters the lab from then on finds it gone and
     * stops ({@link #prepareInside}), so once the lab's namespaces hold no process, none comes
     * back. The namespaces are held open meanwhile, so that their numbers, by which the
     * processes are found, cannot be another namespace's. Each step is a no-op when already
     * done, so a down interrupted at any point finishes on the next.
     */
    public static void takeDown(StateStore store, HeldLab held) {
        boolean holderAlive = held.holder() != null && held.holder().isAlive();
        try (LabProcesses.Pinned lab = holderAlive ? LabProcesses.pin(held) : LabProcesses.Pinned.NONE) {
            List<ProcessStamp> makers = new ArrayList<>(LabProcesses.markedHolders(held.lab(), exitFifo(store, held.lab())));
            for (ProcessStamp stamp : new ProcessStamp[] {held.holder(), held.unshare(), held.egress()}) {
                if (stamp != null) {
                    makers.add(stamp);
                }
            }
            makers.forEach(Signals::kill);
            // Programs may start others while they are killed: look again until none is left.
            for (int round = 0; ; round++) {
                List<ProcessStamp> found = LabProcesses.in(lab.namespaces());
                if (found.isEmpty()) {
                    break;
                }
                if (round == SWEEPS) {
                    throw new LabStateException("lab " + held.lab() + ": its processes kept starting others through "
                            + SWEEPS + " rounds of SIGKILL; try netlab down " + held.lab() + " again");
                }
                found.forEach(Signals::kill);
                awaitGone(held, found);
            }
            awaitGone(held, makers);
        }
        // A program still running in a node of a lab whose holder died, where no namespace of
        // the holder's shows it any more: it carries the marks of the netlab that ran it inside.
        if (held.holder() != null) {
            List<ProcessStamp> marked = LabProcesses.markedInside(held.lab(), held.holder());
            marked.forEach(Signals::kill);
            awaitGone(held, marked);
        }
        store.delete(held.lab());
    }

    private static void awaitGone(HeldLab held, List<ProcessStamp> processes) {
        if (!Signals.awaitGone(processes, DEATH_PATIENCE)) {
            throw new LabStateException("lab " + held.lab() + ": a process of it outlived SIGKILL for "
                    + DEATH_PATIENCE.toSeconds() + " s; try netlab down " + held.lab() + " again");
        }
    }

    /** Holders of {@code lab} that no record names (an up killed at its very start); ended. */
    public static boolean endUnrecorded(StateStore store, String lab) {
        List<ProcessStamp> found = LabProcesses.markedHolders(lab, exitFifo(store, lab));
        found.forEach(Signals::kill);
        Signals.awaitGone(found, DEATH_PATIENCE);
        return !found.isEmpty();
    }

    /** Whether the lab's directory is a held lab's (up made its exit FIFO first), with or without a record. */
    public static boolean wasHeld(StateStore store, String lab) {
        return java.nio.file.Files.exists(exitFifo(store, lab), java.nio.file.LinkOption.NOFOLLOW_LINKS);
    }

    private static Path exitFifo(StateStore store, String lab) {
        return store.directoryOf(lab).resolve(Holder.EXIT_FIFO);
    }

    /** A stamp as {@link ProcessStamp#toString} writes it, refused when it is not one. */
    private static ProcessStamp stamp(String text) {
        String[] words = text.split(" ");
        try {
            return new ProcessStamp(Long.parseLong(words[0]), Long.parseLong(words[1]));
        } catch (RuntimeException e) {
            throw new LabStateException("not a holder process: '" + text.replaceAll("\\p{Cntrl}", "?") + "'");
        }
    }

    /** The lab the holder's /run says it is, read as a file the lab's user may have replaced. */
    private static String labOfRun(Path run) {
        try {
            return new String(netlab.sys.RegularFiles.read(run.resolve("netlab-holder"), 256),
                    java.nio.charset.StandardCharsets.US_ASCII).strip();
        } catch (java.io.IOException e) {
            return null;
        }
    }

    private static long effectiveGid() {
        return netlab.sys.ProcessStatus.effectiveGid();
    }
}
