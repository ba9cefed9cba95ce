package netlab.rootless;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import netlab.testing.KernelTraces;
import netlab.testing.Shell;
import netlab.testing.TextFile;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The test sandbox made an ordinary user's machine (docs/rootless.md, "Test plan"): users A
 * (65534) and B (65533) with their runtime directories {@code /run/user/UID}, a tun node of the
 * sandbox's own bound over {@code /dev/net/tun} (one they may open, the machine's being mode
 * 0600 here, or one only root may), an emulated internet
 * ({@value #INTERNET} on the {@code lo} of a namespace {@value #UPSTREAM}, joined to the
 * sandbox's root namespace by a veth that carries the sandbox's default route, so slirp4netns,
 * which runs there as the user, reaches it) and a {@code net.ipv4.ping_group_range} that lets the
 * users send ICMP through slirp4netns. It runs netlab as either user, and proves that a user left
 * nothing, and undoes all of it afterwards.
 *
 * <p>A JUnit extension of the test class ({@code @RegisterExtension static final RootlessSandbox
 * SANDBOX = RootlessSandbox.withPrivateTun();}): prepared before its tests, what a failed test
 * left of the users' labs taken down after each, undone after them all. Needs real root: the
 * users must exist outside any user namespace, which a non-root developer's sandbox is; the test
 * class is skipped there.
 */
final class RootlessSandbox implements BeforeAllCallback, AfterEachCallback, AfterAllCallback {
    static final int USER_A = 65534;
    static final int USER_B = 65533;
    static final String UPSTREAM = "upstream";
    static final String INTERNET = "8.8.8.8";
    /** The sandbox's end of the veth to the upstream, the address the internet sees the sandbox by. */
    static final String SANDBOX_ADDRESS = "10.99.0.1";
    static final String LAN = "../topologies/lan.topo";
    private static final String TUN = "/dev/net/tun";
    private static final Path SANDBOX_TUN = Path.of("/run/netlab-rootless-tun");
    private static final Path PING_RANGE = Path.of("/proc/sys/net/ipv4/ping_group_range");
    private static final int[] USERS = {USER_A, USER_B};

    /** Whether the users may open the sandbox's tun node. */
    private final boolean usersTun;
    private String pingRange;
    private KernelTraces before;
    private Map<Integer, List<String>> tmpBefore;

    private RootlessSandbox(boolean usersTun) {
        this.usersTun = usersTun;
    }

    /** The sandbox for both users, with the private tun node. */
    static RootlessSandbox withPrivateTun() {
        return new RootlessSandbox(true);
    }

    /**
     * The sandbox for both users with a tun node only root may open (mode 0600), as the machine's
     * is here (and Debian's by default): whatever the machine's is, the users cannot open this one.
     */
    static RootlessSandbox withRootOnlyTun() {
        return new RootlessSandbox(false);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        Assumptions.assumeTrue(isRealRoot(), "rootless tests need the test JVM to be real root: "
                + "in a user namespace (a non-root developer's sandbox) users 65534 and 65533 do not exist");
        String range = Shell.check("sysctl", "-n", "net.ipv4.ping_group_range").strip().replaceAll("\\s+", " ");
        try {
            Shell.check("mkdir", "-p", "-m", "0755", "/run/user");
            for (int uid : USERS) {
                Path runtime = runtimeDirectory(uid);
                Shell.check("mkdir", "-m", "0700", runtime.toString());
                Shell.check("chown", uid + ":" + uid, runtime.toString());
            }
            Shell.check("mknod", "-m", usersTun ? "666" : "600", SANDBOX_TUN.toString(), "c", "10", "200");
            Shell.check("mount", "--bind", SANDBOX_TUN.toString(), TUN);
            Shell.check("ip", "netns", "add", UPSTREAM);
            Shell.check("ip", "link", "add", "up0", "type", "veth", "peer", "name", "up1", "netns", UPSTREAM);
            // No IPv6 link-local address: its local route would appear only once DAD is done, while a test looks.
            Shell.check("ip", "link", "set", "up0", "addrgenmode", "none");
            Shell.check("ip", "addr", "add", SANDBOX_ADDRESS + "/24", "dev", "up0");
            Shell.check("ip", "link", "set", "up0", "up");
            Shell.check("ip", "-n", UPSTREAM, "addr", "add", "10.99.0.2/24", "dev", "up1");
            Shell.check("ip", "-n", UPSTREAM, "link", "set", "up1", "up");
            Shell.check("ip", "-n", UPSTREAM, "link", "set", "lo", "up");
            Shell.check("ip", "-n", UPSTREAM, "addr", "add", INTERNET + "/32", "dev", "lo");
            Shell.check("ip", "route", "add", "default", "via", "10.99.0.2");
            setPingRange(USER_B + " " + USER_A);
        } catch (RuntimeException e) {
            undo(range).forEach(e::addSuppressed);
            throw e;
        }
        pingRange = range;
        before = KernelTraces.take();
        tmpBefore = Map.of(USER_A, tmpFilesOf(USER_A), USER_B, tmpFilesOf(USER_B));
    }

    /** The sandbox's own net.ipv4.ping_group_range (the machine's, as slirp4netns sees it). */
    static void setPingRange(String range) {
        try {
            Files.writeString(PING_RANGE, range);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path runtimeDirectory(int uid) {
        return Path.of("/run/user/" + uid);
    }

    /** The outside record of a user's held lab. */
    static Path record(int uid, String lab) {
        return runtimeDirectory(uid).resolve("netlab/labs/" + lab + "/holder");
    }

    /** {@code netlab ARGS...} as the user, waited for. */
    static Shell.Result netlab(int uid, String... args) {
        return netlab(uid, Map.of(), args);
    }

    /** {@code netlab ARGS...} as the user, with {@code environment} added to the user's, waited for. */
    static Shell.Result netlab(int uid, Map<String, String> environment, String... args) {
        return Shell.run(asUser(uid, environment, netlabCommand(args)).toArray(String[]::new));
    }

    /** {@code netlab ARGS...} as the user, not waited for; its output goes to {@code out} and {@code err}. */
    static Process start(int uid, Map<String, String> environment, Path out, Path err, String... args) {
        try {
            Process process = new ProcessBuilder(asUser(uid, environment, netlabCommand(args)))
                    .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            process.getOutputStream().close();
            return process;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * {@code command} as the user, as a login would run it: only the user's ids (no groups, no
     * capabilities), and an environment of PATH, XDG_RUNTIME_DIR and {@code environment} alone
     * (and the leak guard's mark under make test).
     * setpriv and env replace themselves, so the process started is the command's.
     */
    static List<String> asUser(int uid, Map<String, String> environment, List<String> command) {
        List<String> line = new ArrayList<>(List.of("setpriv", "--reuid=" + uid, "--regid=" + uid, "--clear-groups",
                "env", "-i", "PATH=/usr/sbin:/usr/bin:/bin", "XDG_RUNTIME_DIR=" + runtimeDirectory(uid)));
        environment.forEach((name, value) -> line.add(name + "=" + value));
        // make test's leak guard tells what the suite started by this mark.
        String run = System.getenv("NETLAB_LEAK_GUARD_RUN");
        if (run != null) {
            line.add("NETLAB_LEAK_GUARD_RUN=" + run);
        }
        line.addAll(command);
        return line;
    }

    /** {@code java ... netlab.cli.Main ARGS...} as the users run it ({@link UserJvm}). */
    static List<String> netlabCommand(String... args) {
        return UserJvm.command(args);
    }

    /**
     * Nothing of the user's is left: no process of theirs in this sandbox (a zombie has ended),
     * nothing in their runtime directory, no state directory of theirs in /tmp that was not
     * there before, and the sandbox's namespaces, links, addresses, routes, ruleset, ip_forward
     * and /run/netlab as when it was prepared.
     */
    void assertNothingLeft(int uid) {
        assertThat(processesOf(uid)).as("processes of user %d", uid).isEmpty();
        assertThat(list(runtimeDirectory(uid))).as("%s", runtimeDirectory(uid)).isEmpty();
        assertThat(tmpFilesOf(uid)).as("files of user %d in /tmp", uid).isEqualTo(tmpBefore.get(uid));
        assertThat(KernelTraces.take()).as("the sandbox").isEqualTo(before);
    }

    /** What the sandbox was when prepared: its namespaces, links, addresses, routes and netlab records. */
    KernelTraces before() {
        return before;
    }

    /** A process as /proc shows it: its state ("S (sleeping)") and command line (words joined by blanks). */
    record UserProcess(long pid, String state, String command) {
        @Override
        public String toString() {
            return pid + " " + state + " " + command;
        }
    }

    /**
     * The user's processes in this sandbox that have not ended, in pid order. The
     * machine's process list is shared with other sandboxes, so a process is this sandbox's when
     * the sandbox's /run is among its mounts: every mount namespace netlab makes here is a copy
     * of the sandbox's (a process whose mounts cannot be read counts as this sandbox's).
     */
    static List<UserProcess> processesOf(int uid) {
        String sandboxRun = deviceOfSandboxRun();
        List<UserProcess> found = new ArrayList<>();
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            for (Path process : processes.filter(p -> p.getFileName().toString().matches("[0-9]+"))
                    .sorted(java.util.Comparator.comparingLong(p -> Long.parseLong(p.getFileName().toString()))).toList()) {
                String status;
                try {
                    status = Files.readString(process.resolve("status"));
                } catch (IOException e) {
                    continue; // ended meanwhile
                }
                String state = field(status, "State:");
                List<String> ids = List.of(field(status, "Uid:").split("\\s+"));
                if (state.startsWith("Z") || state.startsWith("X") || !ids.subList(0, 2).contains(Integer.toString(uid))) {
                    continue;
                }
                if (ofSandbox(process, sandboxRun)) {
                    found.add(new UserProcess(Long.parseLong(process.getFileName().toString()), state, commandLine(process)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return found;
    }

    private static boolean ofSandbox(Path process, String sandboxRun) {
        List<String> mounts;
        try {
            mounts = Files.readAllLines(process.resolve("mountinfo"));
        } catch (IOException e) {
            return Files.exists(process);
        }
        return mounts.stream().anyMatch(line -> line.split(" ")[2].equals(sandboxRun));
    }

    /** The device (MAJOR:MINOR) of the sandbox's tmpfs on /run (src/test/sandbox/bin/java). */
    private static String deviceOfSandboxRun() {
        for (String line : TextFile.read(Path.of("/proc/self/mountinfo")).lines().toList()) {
            String[] fields = line.split(" ");
            String[] filesystem = line.substring(line.indexOf(" - ") + 3).split(" ");
            if (fields[4].equals("/run") && filesystem[0].equals("tmpfs") && filesystem[1].equals("netlab-sandbox")) {
                return fields[2];
            }
        }
        throw new IllegalStateException("the sandbox's /run is not in /proc/self/mountinfo");
    }

    private static String field(String status, String name) {
        return status.lines().filter(line -> line.startsWith(name)).map(line -> line.substring(name.length()).strip())
                .findFirst().orElse("");
    }

    private static String commandLine(Path process) {
        try {
            return new String(Files.readAllBytes(process.resolve("cmdline"))).replace('\0', ' ').strip();
        } catch (IOException e) {
            return "?";
        }
    }

    /** The user's files directly in the machine's /tmp (netlab's fallback store is /tmp/netlab-UID). */
    private static List<String> tmpFilesOf(int uid) {
        try (Stream<Path> files = Files.list(Path.of("/tmp"))) {
            return files.filter(file -> owner(file) == uid).map(Path::toString).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int owner(Path file) {
        try {
            return (Integer) Files.getAttribute(file, "unix:uid", java.nio.file.LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            return -1; // gone meanwhile
        }
    }

    static List<String> list(Path directory) {
        try (Stream<Path> entries = Files.walk(directory)) {
            return entries.filter(entry -> !entry.equals(directory)).map(Path::toString).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * After each test: a failed test must not leave its labs, or any process of the users', to
     * the next one (SIGKILL to those that down did not end).
     */
    @Override
    public void afterEach(ExtensionContext context) {
        for (int uid : USERS) {
            if (!list(runtimeDirectory(uid)).isEmpty()) {
                netlab(uid, "down", "--all");
            }
            for (UserProcess process : processesOf(uid)) {
                Shell.run("kill", "-KILL", Long.toString(process.pid()));
            }
        }
    }

    /** Undoes {@link #beforeAll}. */
    @Override
    public void afterAll(ExtensionContext context) {
        if (pingRange == null) {
            return; // skipped, or never prepared
        }
        List<RuntimeException> failures = undo(pingRange);
        if (!failures.isEmpty()) {
            failures.subList(1, failures.size()).forEach(failures.getFirst()::addSuppressed);
            throw failures.getFirst();
        }
    }

    /** Each step of {@link #beforeAll} undone, whether it was done or not; what could not be undone. */
    private static List<RuntimeException> undo(String pingRange) {
        List<RuntimeException> failures = new ArrayList<>();
        List<Runnable> steps = new ArrayList<>(List.of(
                () -> Shell.check("rm", "-rf", "/run/user"),
                () -> setPingRange(pingRange),
                // The veth first: a namespace's links go only when the kernel gets round to cleaning it up.
                () -> Shell.check("ip", "link", "del", "up0"), // its peer and the default route through it go too
                () -> Shell.check("ip", "netns", "del", UPSTREAM),
                () -> Shell.check("umount", TUN),
                () -> Shell.check("rm", SANDBOX_TUN.toString())));
        for (Runnable step : steps) {
            try {
                step.run();
            } catch (RuntimeException e) {
                failures.add(e);
            }
        }
        return failures;
    }

    /** Root of the machine, not root mapped in a user namespace (whose map is not the whole range). */
    static boolean isRealRoot() {
        return TextFile.read(Path.of("/proc/self/uid_map")).strip().matches("0\\s+0\\s+4294967295")
                && ProcessHandle.current().info().user().map("root"::equals).orElse(false);
    }
}
