package netlab.executor.held;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import netlab.error.LabStateException;
import netlab.state.HeldLab;
import netlab.state.ProcessStamp;
import netlab.state.StateStore;
import netlab.sys.Syscall;
import netlab.sys.SyscallException;

/**
 * A held lab's way out (docs/rootless.md, "Egress"): slirp4netns gives the holder's namespace
 * {@code tap0} (10.0.2.100/24, default route via 10.0.2.2), the same in every lab, a user-space
 * network stack that reaches what the user reaches. It reads the exit FIFO the holder keeps
 * open, so it ends when the holder does, whoever kills it.
 */
public final class Egress {
    /** What a lab needs of the way out: nothing, tap0 if it can have it, or tap0 by name (its NAT says out tap0). */
    public enum Need {
        NONE,
        WANTED,
        TAP0
    }

    static final String INTERFACE = "tap0";
    static final String LOG = "egress.log";
    private static final long READY_MILLIS = 5000;

    private Egress() {}

    /** Whether this user may open /dev/net/tun, which slirp4netns needs; else the one line that says so. */
    static String tunProblem() {
        try {
            Syscall.close(Syscall.open("/dev/net/tun", 2 /* O_RDWR */ | Syscall.O_CLOEXEC, 0));
            return null;
        } catch (SyscallException e) {
            return "/dev/net/tun cannot be opened here (" + SyscallException.describe(e.errnoValue())
                    + "), so this lab has no way out through tap0 (ask the admin: chmod 0666 /dev/net/tun)";
        }
    }

    static ProcessStamp start(StateStore store, HeldLab held) {
        Path directory = store.directoryOf(held.lab());
        String namespaces = "/proc/" + held.holder().pid() + "/ns/";
        List<String> command = new ArrayList<>(List.of(Programs.require("setsid", "util-linux"), "/bin/sh", "-c",
                // Read-only: a read-write end would be a writer of its own, and EOF would never come.
                "exec 3<\"$0\"; exec \"$@\"", directory.resolve(Holder.EXIT_FIFO).toString(),
                Programs.require("slirp4netns", "slirp4netns"), "--configure", "--mtu=65520",
                "--disable-host-loopback", "--exit-fd=3"));
        if (held.hasUserNamespace()) {
            command.add("--userns-path=" + namespaces + "user");
        } else {
            // Root's copy: the user-space stack handles the lab's traffic, so it drops its
            // capabilities and sees a minimal file system (slirp4netns's own sandbox).
            command.add("--enable-sandbox");
        }
        command.addAll(List.of("--netns-type=path", namespaces + "net", INTERFACE));
        Process process;
        try {
            process = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectOutput(directory.resolve(LOG).toFile()).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start slirp4netns for lab " + held.lab(), e);
        }
        ProcessStamp stamp = ProcessStamp.of(process.pid()).orElseThrow(() -> failed(directory, held.lab()));
        store.saveHeld(held.withEgress(stamp));
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(READY_MILLIS);
        while (!hasDefaultRoute(held.holder())) {
            if (!stamp.isAlive() || System.nanoTime() > deadline) {
                throw failed(directory, held.lab());
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(2));
        }
        return stamp;
    }

    /**
     * slirp4netns --configure adds the default route last, so it marks tap0 ready. Read from
     * /proc/PID/net/route, which shows the holder's namespace to its owner without entering it.
     */
    private static boolean hasDefaultRoute(ProcessStamp holder) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + holder.pid() + "/net/route"))) {
                String[] fields = line.split("\t");
                if (fields.length > 1 && fields[0].equals(INTERFACE) && fields[1].equals("00000000")) {
                    return true;
                }
            }
        } catch (IOException e) {
            return false;
        }
        return false;
    }

    /**
     * ICMP through slirp4netns leaves by an ICMP datagram socket of the user's, which the
     * machine's net.ipv4.ping_group_range must allow (the seed's one-time sysctl); the line that
     * says so when it does not, else null.
     */
    static String pingProblem(long gid) {
        try {
            String[] range = netlab.kernel.Sysctl.readOnce(Path.of("/proc/sys/net/ipv4/ping_group_range")).split("\\s+");
            long low = Long.parseLong(range[0]);
            long high = Long.parseLong(range[1]);
            if (gid >= low && gid <= high) {
                return null;
            }
            return "ping through tap0 will fail: your group " + gid + " is not in net.ipv4.ping_group_range ("
                    + low + " " + high + "); as root once: sysctl -w net.ipv4.ping_group_range=\"0 2147483647\"";
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static RuntimeException failed(Path directory, String lab) {
        String said;
        try {
            said = Files.readString(directory.resolve(LOG), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            said = "";
        }
        return new LabStateException("slirp4netns did not give lab " + lab + " its tap0"
                + (said.isEmpty() ? "" : ": " + said.lines().reduce((a, b) -> b).orElse("")));
    }
}
