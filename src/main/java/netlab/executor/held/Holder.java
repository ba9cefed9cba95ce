package netlab.executor.held;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import netlab.error.LabStateException;
import netlab.state.HeldLab;
import netlab.state.ProcessStamp;
import netlab.state.StateStore;
import netlab.sys.Syscall;

/**
 * Starts a lab's holder (docs/rootless.md, "The holder"): util-linux unshare makes the user
 * (rootless only), network and mount namespaces and forks the holder, a {@code sleep infinity}
 * marked {@code NETLAB_HOLDER=LAB}, in a session of its own so that the terminal's signals miss
 * it. Both processes are recorded as soon as they exist.
 */
final class Holder {
    /** The mark in the holder's environment, by which a holder without a record is still found. */
    static final String MARK = "NETLAB_HOLDER";
    /** The lab's directory: the exit FIFO (slirp4netns ends when the holder does), logs, the staging mount point. */
    static final String EXIT_FIFO = "exit";
    static final String STAGING = "run";
    static final String LOG = "holder.log";
    private static final long READY_MILLIS = 3000;

    private Holder() {}

    /**
     * The lab's holder, recorded. If it cannot be made, what was made for it goes before the
     * failure is thrown (unshare, a holder it forked, the lab's directory with its record, exit
     * FIFO and log), as after a failed up of a machine-wide lab: nothing.
     */
    static HeldLab start(StateStore store, String lab, HeldLab.Kind kind) {
        Path directory = store.directoryOf(lab);
        Process process = null;
        try {
            prepare(directory);
            process = startUnshare(directory, lab, kind);
            ProcessStamp unshare = ProcessStamp.of(process.pid())
                    .orElseThrow(() -> failed(directory, lab, kind));
            HeldLab held = new HeldLab(lab, kind, unshare, null, null);
            store.saveHeld(held);
            ProcessStamp holder = awaitChild(unshare).orElseThrow(() -> failed(directory, lab, kind));
            held = held.withHolder(holder);
            store.saveHeld(held);
            return held;
        } catch (RuntimeException e) {
            try {
                abandon(store, lab, process);
            } catch (RuntimeException alsoFailed) {
                e.addSuppressed(alsoFailed);
            }
            throw e;
        }
    }

    private static void prepare(Path directory) {
        try {
            Files.createDirectories(directory);
            Files.createDirectory(directory.resolve(STAGING));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare " + directory, e);
        }
        Syscall.mkfifo(directory.resolve(EXIT_FIFO).toString(), 0600);
    }

    private static Process startUnshare(Path directory, String lab, HeldLab.Kind kind) {
        List<String> command = new ArrayList<>(List.of(Programs.require("setsid", "util-linux"), "/bin/sh", "-c",
                // A read-write open of a FIFO never blocks; the holder keeps this end as fd 3.
                "exec 3<>\"$0\"; exec \"$@\"", directory.resolve(EXIT_FIFO).toString(),
                Programs.require("unshare", "util-linux")));
        if (kind == HeldLab.Kind.ROOTLESS) {
            command.addAll(List.of("--user", "--map-root-user"));
        }
        command.addAll(List.of("--net", "--mount", "--propagation", "private", "--fork", "/usr/bin/env", "-i"));
        // A clean environment, but for the mark, and the run mark of make test's leak guard,
        // which counts a process left behind only if it carries that run's mark.
        String run = System.getenv("NETLAB_LEAK_GUARD_RUN");
        if (run != null) {
            command.add("NETLAB_LEAK_GUARD_RUN=" + run);
        }
        command.addAll(List.of(MARK + "=" + lab, "/bin/sleep", "infinity"));
        try {
            File log = directory.resolve(LOG).toFile();
            return new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectOutput(log).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the holder of lab " + lab, e);
        }
    }

    /**
     * Ends what a failed start made: unshare (this JVM's child, so its pid cannot be taken by
     * another process before it is waited for), a holder it forked, and the lab's directory.
     */
    private static void abandon(StateStore store, String lab, Process unshare) {
        if (unshare != null) {
            unshare.destroyForcibly();
        }
        HeldLabs.endUnrecorded(store, lab);
        if (unshare != null) {
            try {
                unshare.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        store.delete(lab);
    }

    /** unshare's child once it runs sleep, the holder proper; empty if unshare ended first. */
    private static Optional<ProcessStamp> awaitChild(ProcessStamp unshare) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(READY_MILLIS);
        while (System.nanoTime() < deadline && unshare.isAlive()) {
            for (long child : children(unshare.pid())) {
                if (comm(child).equals("sleep")) {
                    Optional<ProcessStamp> stamp = ProcessStamp.of(child);
                    if (stamp.isPresent()) {
                        return stamp;
                    }
                }
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(2));
        }
        return Optional.empty();
    }

    static List<Long> children(long pid) {
        try {
            String text = Files.readString(Path.of("/proc/" + pid + "/task/" + pid + "/children")).strip();
            return text.isEmpty() ? List.of() : java.util.Arrays.stream(text.split(" ")).map(Long::valueOf).toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private static String comm(long pid) {
        try {
            return Files.readString(Path.of("/proc/" + pid + "/comm")).strip();
        } catch (IOException e) {
            return "";
        }
    }

    /** unshare ended or never ran: what it said, and for a user namespace why it may be off here. */
    private static RuntimeException failed(Path directory, String lab, HeldLab.Kind kind) {
        String said;
        try {
            said = Files.readString(directory.resolve(LOG), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            said = "";
        }
        if (kind == HeldLab.Kind.ROOTLESS) {
            String off = UserNamespaces.whyOff();
            if (off != null) {
                return new netlab.error.PermissionException(off);
            }
        }
        return new LabStateException("cannot make the namespaces of lab " + lab
                + (said.isEmpty() ? "" : ": " + said.replace('\n', ' ')));
    }
}
