package netlab.rootless;

import static netlab.rootless.Outcomes.succeeded;
import static netlab.rootless.RootlessSandbox.LAN;
import static netlab.rootless.RootlessSandbox.USER_A;
import static netlab.rootless.RootlessSandbox.netlab;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import netlab.testing.KernelTest;
import netlab.testing.Shell;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A killed rootless {@code up}, or a lab of the user's losing one of its processes, leaves a lab
 * that {@code ls} shows broken and that one {@code down} by the user removes, leaving nothing of
 * the user's (docs/rootless.md, "Names, state, locks, journal"): up killed between its holder's
 * start and the holder's line in the record, after that line before the inner up, while the
 * inner up runs, and inside the inner up after its K-th netlink message; the holder or
 * slirp4netns of a lab that is up killed alone; a program left running in a node, and one that
 * a {@code netlab exec} racing {@code down} would start in the lab after down looked. Where each
 * kill landed is asserted, not assumed: an up is frozen with SIGSTOP when the record shows the
 * moment, and killed only once the state to be tested is there.
 */
@KernelTest
class RootlessKillTest {
    private static final Path RECORD = RootlessSandbox.record(USER_A, "lan");
    private static final long PATIENCE_NANOS = TimeUnit.SECONDS.toNanos(30);
    /** How often a freeze may come too late before the test gives up (each test prints how many it took). */
    private static final int TRIES = 5;
    private static final String BROKEN = "LAB +STATUS +NODES +SINCE +FILE\nlan +broken +- +- +-\n"
            + "a broken lab was interrupted while it was brought up or down; remove it with: netlab down LAB\n";

    @RegisterExtension
    static final RootlessSandbox SANDBOX = RootlessSandbox.withPrivateTun();

    @TempDir
    Path directory;

    @Test
    void upKilledBetweenItsHoldersStartAndTheHoldersRecord() throws Exception {
        boolean landed = false;
        int tries = 0;
        while (tries < TRIES && !landed) {
            tries++;
            Process up = startUp(Map.of());
            awaitTrue(() -> Files.exists(RECORD), up, "the record of unshare");
            signal("STOP", up.pid());
            String recorded = Files.readString(RECORD);
            long unshare = pidOf(recorded, "unshare").orElseThrow();
            // Frozen before it saw the holder, or too late: the record says which.
            landed = pidOf(recorded, "holder").isEmpty();
            long holder = await(() -> holderChild(unshare), up, "the holder, unshare's child");
            assertThat(environment(holder)).as("the holder's mark").contains("NETLAB_HOLDER=lan");
            kill(up);

            assertThat(Files.readString(RECORD)).as("the record up left").isEqualTo(recorded);
            if (landed) {
                assertThat(succeeded(netlab(USER_A, "ls"))).matches(BROKEN);
            }
            downLeavesNothing();
        }
        System.out.printf("RootlessKillTest: killed between the holder's start and its record on try %d%n", tries);
        assertThat(landed).as("a kill landed between the holder's start and its record in " + TRIES + " tries").isTrue();
    }

    @Test
    void upKilledAfterTheHolderIsRecordedBeforeTheInnerUpStarts() throws Exception {
        boolean landed = false;
        int tries = 0;
        while (tries < TRIES && !landed) {
            tries++;
            Process up = startUp(Map.of());
            awaitTrue(() -> read(RECORD).contains("\nholder "), up, "the holder's record");
            signal("STOP", up.pid());
            long holder = pidOf(Files.readString(RECORD), "holder").orElseThrow();
            // The inner netlab makes the lab's own /run first: not there and no inner netlab running
            // yet, it has not started (under load it may be running without its /run for a while).
            landed = !Files.exists(Path.of("/proc/" + holder + "/root/run/netlab-holder"))
                    && innerNetlabs(holder).isEmpty();
            kill(up);

            if (landed) {
                assertThat(succeeded(netlab(USER_A, "ls"))).matches(BROKEN);
            }
            downLeavesNothing();
        }
        System.out.printf("RootlessKillTest: killed after the holder's record, before the inner up, on try %d%n", tries);
        assertThat(landed).as("a kill landed before the inner up in " + TRIES + " tries").isTrue();
    }

    /** The inner netlab outlives the outer one's kill and goes on; down ends it with the rest. */
    @Test
    void upKilledWhileTheInnerUpRuns() throws Exception {
        Process up = startUp(Map.of());
        awaitTrue(() -> read(RECORD).contains("\nholder "), up, "the holder's record");
        long holder = pidOf(Files.readString(RECORD), "holder").orElseThrow();
        long inner = await(() -> innerNetlabs(holder).stream().findFirst(), up, "netlab inside the holder");
        assertThat(Files.readString(directory.resolve("out"))).as("the lab up before the kill").doesNotContain("is up");
        kill(up);

        assertThat(state(inner)).as("the inner netlab, after the outer one's kill").isNotEmpty().doesNotStartWith("Z");
        downLeavesNothing();
    }

    @ParameterizedTest(name = "after message {0}")
    @ValueSource(ints = {1, 12, 24})
    void innerUpKilledAfterItsKthMessage(int message) throws Exception {
        Process up = startUp(Map.of("NETLAB_TEST_KILL_AFTER_MESSAGE", Integer.toString(message)));

        assertThat(up.waitFor(60, TimeUnit.SECONDS)).as("up finished").isTrue();
        // The outer up returns the inner's status: 137 is the hook's halt, after message K.
        assertThat(up.exitValue()).as(Files.readString(directory.resolve("err"))).isEqualTo(137);
        assertThat(succeeded(netlab(USER_A, "ls"))).containsPattern("(?m)^lan +broken ");
        downLeavesNothing();
    }

    /** The holder, or slirp4netns (the record's "egress"), of a lab that is up killed alone. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"holder", "egress"})
    void aProcessOfALabThatIsUpKilledAlone(String process) throws Exception {
        assertThat(succeeded(netlab(USER_A, "up", LAN))).startsWith("lab lan is up (");
        killAndAwait(pidOf(Files.readString(RECORD), process).orElseThrow());

        assertThat(succeeded(netlab(USER_A, "ls"))).matches(BROKEN);
        downLeavesNothing();
    }

    @Test
    void aProgramLeftRunningInANodeIsEndedByDown() throws Exception {
        assertThat(succeeded(netlab(USER_A, "up", LAN))).startsWith("lab lan is up (");
        Process sleep = RootlessSandbox.start(USER_A, Map.of(), directory.resolve("out"), directory.resolve("err"),
                "exec", "ns1", "sleep", "1000");
        await(() -> RootlessSandbox.processesOf(USER_A).stream().filter(p -> p.command().equals("sleep 1000")).findFirst(),
                sleep, "sleep 1000 in ns1");

        downLeavesNothing();
        assertThat(sleep.waitFor(10, TimeUnit.SECONDS)).as("netlab exec ns1 sleep 1000 ended").isTrue();
        assertThat(sleep.exitValue()).as("its status: killed by SIGKILL").isEqualTo(128 + 9);
    }

    /**
     * A {@code netlab exec} racing {@code down}: its nsenter has opened the lab's namespaces when
     * down begins and would enter them only once down is done (strace holds nsenter's first setns
     * for 3 s), pinning them. It carries the lab's marks (NETLAB_INSIDE, and the holder it is
     * for), so down ends it with the lab: no program of the lab outlives down. (Were it to get
     * in, netlab run there would find the holder gone and stop: HeldLabs.prepareInside.)
     */
    @Test
    void anExecRacingDownIsEndedWithTheLab() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/strace")), "strace (apt-get install strace)");
        assertThat(succeeded(netlab(USER_A, "up", LAN))).startsWith("lab lan is up (");
        String labs = link(Path.of("/proc/" + pidOf(Files.readString(RECORD), "holder").orElseThrow() + "/ns/user"));
        List<String> command = new ArrayList<>(List.of("strace", "-f", "-qq", "--seccomp-bpf", "-o", "/dev/null",
                "-e", "trace=setns", "-e", "inject=setns:delay_enter=3000000:when=1"));
        command.addAll(RootlessSandbox.asUser(USER_A, Map.of(), RootlessSandbox.netlabCommand("exec", "ns1", "sleep", "1000")));
        Process exec = new ProcessBuilder(command).redirectOutput(directory.resolve("out").toFile())
                .redirectError(directory.resolve("err").toFile()).start();
        try {
            long nsenter = await(() -> RootlessSandbox.processesOf(USER_A).stream()
                    .filter(p -> p.command().startsWith("/usr/bin/nsenter ")).map(RootlessSandbox.UserProcess::pid)
                    .findFirst(), exec, "nsenter");
            awaitTrue(() -> descriptors(nsenter).contains(labs), exec, "nsenter holding the lab's user namespace open");

            assertThat(succeeded(netlab(USER_A, "down", "lan"))).isEqualTo("lab lan is down\n");
            assertThat(link(Path.of("/proc/" + nsenter + "/ns/user"))).as("nsenter, ended by down before it got in")
                    .isNull();
            assertThat(exec.waitFor(15, TimeUnit.SECONDS)).as("netlab exec finished").isTrue();
        } finally {
            exec.destroyForcibly(); // strace, root's: the extension ends only the users' processes
        }
        // strace reports the status of the process it traced: killed by SIGKILL.
        assertThat(exec.exitValue()).as(Files.readString(directory.resolve("err"))).isEqualTo(128 + 9);
        SANDBOX.assertNothingLeft(USER_A);
    }

    /**
     * SIGINT (to the outer netlab alone, as `kill -INT` sends it; a Ctrl-C reaches the inner one
     * from the terminal too) while a user's {@code test FILE} makes its holder, and while it checks:
     * the signal is noted and passed on, the cycle ends, exit 130, and nothing is left.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"while the holder is made", "while the lab is checked"})
    void anInterruptedTestCycleLeavesNothing(String moment) throws Exception {
        Path out = directory.resolve("out");
        Path err = directory.resolve("err");
        // lan with a check that waits its whole 20 s: the signal surely lands inside the checks.
        Path file = directory.resolve("slow.topo");
        Files.writeString(file, Files.readString(Path.of(LAN)) + "expect ns1 !reaches 10.99.99.99 within 20s\n");
        Files.setPosixFilePermissions(directory, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
        Process test = RootlessSandbox.start(USER_A, Map.of(), out, err, "test", file.toString());
        if (moment.startsWith("while the holder")) {
            awaitTrue(() -> Files.exists(RECORD), test, "the record of unshare");
        } else {
            awaitTrue(() -> read(err).contains("checking 5 expectations"), test, "the checks");
        }
        signal("INT", test.pid());

        assertThat(test.waitFor(30, TimeUnit.SECONDS)).as("netlab test ended").isTrue();
        assertThat(test.exitValue()).as(read(err)).isEqualTo(130);
        SANDBOX.assertNothingLeft(USER_A);
    }

    private Process startUp(Map<String, String> environment) {
        return RootlessSandbox.start(USER_A, environment, directory.resolve("out"), directory.resolve("err"), "up", LAN);
    }

    private static void downLeavesNothing() {
        assertThat(succeeded(netlab(USER_A, "down", "lan"))).isEqualTo("lab lan is down\n");
        SANDBOX.assertNothingLeft(USER_A);
    }

    /** Polls (0.1 ms apart) until {@code found} finds something, while {@code process} runs. */
    private static <T> T await(Supplier<Optional<T>> found, Process process, String what) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE_NANOS;
        while (true) {
            Optional<T> result = found.get();
            if (result.isPresent()) {
                return result.get();
            }
            assertThat(process.isAlive()).as("%s before %s ended", what, process.info().command().orElse("it")).isTrue();
            assertThat(System.nanoTime()).as("%s within 30 s", what).isLessThan(deadline);
            Thread.sleep(0, 100_000);
        }
    }

    private static void awaitTrue(BooleanSupplier condition, Process process, String what) throws InterruptedException {
        await(() -> condition.getAsBoolean() ? Optional.of(true) : Optional.empty(), process, what);
    }

    private static void kill(Process process) throws InterruptedException {
        process.destroyForcibly(); // SIGKILL, which a stopped process gets too
        process.waitFor();
    }

    private static void killAndAwait(long pid) throws InterruptedException {
        signal("KILL", pid);
        long deadline = System.nanoTime() + PATIENCE_NANOS;
        while (ProcessHandle.of(pid).map(p -> !state(pid).startsWith("Z")).orElse(false)) {
            assertThat(System.nanoTime()).as("process %d gone", pid).isLessThan(deadline);
            Thread.sleep(1);
        }
    }

    private static void signal(String signal, long pid) {
        Shell.check("kill", "-" + signal, Long.toString(pid));
        if (signal.equals("STOP")) {
            awaitStopped(pid);
        }
    }

    /**
     * Until every thread of the process is stopped: kill returns once SIGSTOP is sent, while a
     * thread running on another core may still finish what it was doing (a record's rename).
     */
    private static void awaitStopped(long pid) {
        long deadline = System.nanoTime() + PATIENCE_NANOS;
        while (true) {
            boolean stopped = true;
            try (var threads = Files.newDirectoryStream(Path.of("/proc/" + pid + "/task"))) {
                for (Path thread : threads) {
                    String stat = read(thread.resolve("stat"));
                    if (stat.isEmpty()) {
                        continue; // the thread has ended
                    }
                    String state = stat.substring(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
                    stopped &= state.equals("T") || state.equals("t");
                }
            } catch (java.io.IOException e) {
                return; // the process is gone
            }
            if (stopped) {
                return;
            }
            assertThat(System.nanoTime()).as("process " + pid + " stopped").isLessThan(deadline);
            Thread.onSpinWait();
        }
    }

    /** The pid of a process line of a held lab's record ({@code holder PID STARTTIME}). */
    private static Optional<Long> pidOf(String record, String process) {
        return record.lines().filter(line -> line.startsWith(process + " "))
                .map(line -> Long.parseLong(line.split(" ")[1])).findFirst();
    }

    /** unshare's child once it runs sleep: the holder. */
    private static Optional<Long> holderChild(long unshare) {
        String children = read(Path.of("/proc/" + unshare + "/task/" + unshare + "/children")).strip();
        return children.isEmpty() ? Optional.empty() : List.of(children.split(" ")).stream().map(Long::valueOf)
                .filter(child -> read(Path.of("/proc/" + child + "/comm")).strip().equals("sleep")).findFirst();
    }

    /** The netlab JVMs in the holder's network namespace. */
    private static List<Long> innerNetlabs(long holder) {
        String namespace = link(Path.of("/proc/" + holder + "/ns/net"));
        return RootlessSandbox.processesOf(USER_A).stream().filter(p -> p.command().contains("netlab.cli.Main"))
                .map(RootlessSandbox.UserProcess::pid)
                .filter(pid -> namespace != null && namespace.equals(link(Path.of("/proc/" + pid + "/ns/net")))).toList();
    }

    /** What the process's descriptors refer to ("user:[4026532000]", a path, ...). */
    private static List<String> descriptors(long pid) {
        try (var fds = Files.list(Path.of("/proc/" + pid + "/fd"))) {
            return fds.map(RootlessKillTest::link).filter(java.util.Objects::nonNull).toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private static String environment(long pid) {
        try {
            return new String(Files.readAllBytes(Path.of("/proc/" + pid + "/environ"))).replace('\0', '\n');
        } catch (IOException e) {
            return "";
        }
    }

    private static String state(long pid) {
        return read(Path.of("/proc/" + pid + "/stat")).replaceFirst("^.*\\) ", "");
    }

    private static String link(Path path) {
        try {
            return Files.readSymbolicLink(path).toString();
        } catch (IOException e) {
            return null;
        }
    }

    /** The file's text; empty when it is not there (yet, or any more). */
    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return "";
        }
    }
}
