package netlab.contained;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import netlab.cli.ExitCodes;
import netlab.state.HeldLab;
import netlab.testing.KernelState;
import netlab.testing.KernelTest;
import netlab.testing.NetlabRunner.Run;
import netlab.testing.Shell;
import netlab.testing.StateDiff;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code down} of a contained copy leaves nothing, whatever happened to it first
 * (docs/rootless.md, "Names, state, locks, journal"): a copy whose holder or slirp4netns was
 * killed shows as broken in {@code ls} and {@code down} removes the rest; a program left running
 * in a node is ended by {@code down}; {@code down --all} takes contained and machine-wide labs
 * down together; and an {@code up --name} killed after it started the holder but before it
 * recorded anything is cleaned up by {@code down NAME}, which finds the holder by its mark.
 * Nothing left is checked as a whole each time: no lab in {@code ls}, no holder, unshare or
 * slirp4netns running in the sandbox, nothing in /run/netlab, and the sandbox's kernel state
 * as before.
 */
@KernelTest
class ContainedDownTest {
    @TempDir
    Path directory;

    private KernelState before;
    private List<String> locksBefore;

    @BeforeEach
    void nothingIsUp() {
        assertThat(Contained.inProcess("ls").out()).isEqualTo("no lab is up\n");
        assertThat(SandboxProcesses.take()).isEqualTo(SandboxProcesses.NONE);
        before = Contained.sandboxState(directory.resolve("before"));
        locksBefore = Contained.tree(Path.of("/run/lock/netlab"));
    }

    @AfterEach
    void removeLabsLeftUp() {
        Contained.removeLabsLeftUp();
    }

    @Test
    void aCopyWhoseHolderOrEgressWasKilledIsBrokenAndDownRemovesTheRest() throws Exception {
        Contained.upCopies("k0", "k1");
        HeldLab k0 = Contained.held("k0");
        HeldLab k1 = Contained.held("k1");

        Shell.check("kill", "-KILL", Long.toString(k0.holder().pid()));
        Shell.check("kill", "-KILL", Long.toString(k1.egress().pid()));
        awaitGone(k0.holder().pid());
        awaitGone(k1.egress().pid());

        assertThat(Contained.inProcess("ls").out()).isEqualTo("""
                LAB                  STATUS  NODES  SINCE                FILE
                k0                   broken      -  -                    -
                k1                   broken      -  -                    -
                a broken lab was interrupted while it was brought up or down; remove it with: netlab down LAB
                """);
        Shell.Result exec = Contained.netlab("exec", "k0:ns1", "true");
        assertThat(exec.exitCode()).as(exec.stderr()).isEqualTo(ExitCodes.LAB_STATE);
        assertThat(exec.stderr()).isEqualTo("netlab: lab k0 is broken: its holder process is gone; "
                + "take it down: netlab down k0\n");

        down("k0", "k1");

        assertNothingLeft();
    }

    @Test
    void aProgramLeftRunningInANodeIsEndedByDown() throws Exception {
        Contained.upCopies("p0");
        String ns1 = Contained.namespaceOf("p0", "ns1");
        // exec replaces its JVM with the program in the node: the process started here becomes
        // the "sleep 1001" that sh execs, after starting "sleep 1000" of its own.
        Process program = Contained.start(directory.resolve("out"), directory.resolve("err"), "exec", "p0:ns1", "sh", "-c",
                "sleep 1000 & exec sleep 1001");
        awaitProcesses(ns1, List.of("sleep", "sleep"));

        down("p0");

        assertThat(program.waitFor(20, TimeUnit.SECONDS)).as("the program ended").isTrue();
        assertThat(program.exitValue()).as("killed by SIGKILL").isEqualTo(128 + 9);
        assertThat(SandboxProcesses.inNetworkNamespace(ns1)).isEmpty();
        assertNothingLeft();
    }

    @Test
    void downAllTakesContainedAndMachineWideLabsDownTogether() throws Exception {
        Contained.upCopies("a0");
        Run machineWide = Contained.inProcess("up", Contained.LAN);
        assertThat(machineWide.exitCode()).as(machineWide.err()).isZero();

        Run down = Contained.inProcess("down", "--all");

        assertThat(down.exitCode()).as(down.err()).isZero();
        assertThat(down.out()).isEqualTo("lab a0 is down\nlab lan is down\n");
        assertThat(down.err()).isEmpty();
        assertNothingLeft("lan.lock", ".host-sysctls.lock");
    }

    /**
     * The up is stopped exactly where the window is: its first record is written to a temporary
     * file that is renamed into place, and the test made that file a FIFO, whose open for
     * writing waits for a reader. The holder then runs, marked, and nothing names it.
     */
    @Test
    void anUpKilledAfterItStartedTheHolderAndBeforeItsRecordIsTakenDownByName() throws Exception {
        // Unlike the other labs here, a lab without a record is found by its mark alone, which
        // holders in other sandboxes on this machine could carry too: a name of this JVM's own.
        String lab = "early-" + ProcessHandle.current().pid();
        Path record = Path.of("/run/netlab", lab);
        Files.createDirectories(record);
        Shell.check("mkfifo", record.resolve("holder.tmp").toString());

        Process up = Contained.start(directory.resolve("out"), directory.resolve("err"), "up", Contained.LAN, "--name", lab);
        long holder = awaitHolder(lab);
        awaitOpeningForWriting(up.pid());
        up.destroyForcibly();

        assertThat(up.waitFor(20, TimeUnit.SECONDS)).isTrue();
        assertThat(up.exitValue()).as("up killed by SIGKILL").isEqualTo(128 + 9);
        assertThat(Contained.tree(record)).as("the lab's directory: no record in it").containsExactly(
                record.resolve("exit").toString(), record.resolve("holder.log").toString(),
                record.resolve("holder.tmp").toString(), record.resolve("run").toString());
        assertThat(SandboxProcesses.holdersOf(lab)).as("the holder still runs").containsExactly(holder);
        assertThat(Contained.inProcess("ls").out()).isEqualTo("no lab is up\n");

        Run down = Contained.inProcess("down", lab);

        assertThat(down.exitCode()).as(down.err()).isZero();
        assertThat(down.out()).isEqualTo("lab " + lab + " is down\n");
        // Its lock file goes with it, as a held lab's always does: a user's store must empty.
        assertNothingLeft();
    }


    private static void down(String... labs) {
        for (String lab : labs) {
            Run down = Contained.inProcess("down", lab);
            assertThat(down.exitCode()).as(down.err()).isZero();
            assertThat(down.out()).isEqualTo("lab " + lab + " is down\n");
        }
    }

    /**
     * No lab, no process of one, no record, the sandbox's kernel state as before; lock files
     * only as before, besides {@code locksKept} (a machine-wide lab's lock file stays, by design:
     * StateStore.DEFAULT_LOCKS).
     */
    private void assertNothingLeft(String... locksKept) {
        assertThat(Contained.inProcess("ls").out()).isEqualTo("no lab is up\n");
        assertThat(SandboxProcesses.take()).isEqualTo(SandboxProcesses.NONE);
        assertThat(Contained.tree(Path.of("/run/netlab"))).isEmpty();
        java.util.TreeSet<String> locks = new java.util.TreeSet<>(locksBefore);
        java.util.Arrays.stream(locksKept).map(lock -> "/run/lock/netlab/" + lock).forEach(locks::add);
        assertThat(Contained.tree(Path.of("/run/lock/netlab"))).isEqualTo(List.copyOf(locks));
        assertThat(StateDiff.between(before, "before", Contained.sandboxState(directory.resolve("after")), "after down"))
                .isEmpty();
    }

    private static void awaitGone(long pid) throws Exception {
        await("process " + pid + " ends", () -> ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true)
                || Files.readString(Path.of("/proc/" + pid + "/stat")).contains(") Z "));
    }

    private static void awaitProcesses(String netns, List<String> commands) throws Exception {
        await(commands + " run in " + netns, () -> SandboxProcesses.inNetworkNamespace(netns).equals(commands));
    }

    private static long awaitHolder(String lab) throws Exception {
        await("a holder of " + lab + " runs", () -> !SandboxProcesses.holdersOf(lab).isEmpty());
        return SandboxProcesses.holdersOf(lab).getFirst();
    }

    /**
     * Waits until a thread of {@code pid} is in openat(2) with O_WRONLY|O_CREAT|O_TRUNC (0x241),
     * as Files.write opens the record's temporary file (/proc/PID/task/TID/syscall: the call's
     * number, 257 on x86-64, then its arguments).
     */
    private static void awaitOpeningForWriting(long pid) throws Exception {
        await("process " + pid + " opens a file for writing", () -> {
            try (var tasks = Files.list(Path.of("/proc/" + pid + "/task"))) {
                return tasks.anyMatch(task -> {
                    try {
                        String[] call = Files.readString(task.resolve("syscall")).split(" ");
                        return call[0].equals("257") && Long.decode(call[3]) == 0x241;
                    } catch (java.io.IOException | RuntimeException e) {
                        return false;
                    }
                });
            }
        });
    }

    private interface Condition {
        boolean holds() throws Exception;
    }

    private static void await(String what, Condition condition) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!condition.holds()) {
            assertThat(System.nanoTime()).as("waited 20 s until %s", what).isLessThan(deadline);
            Thread.sleep(5);
        }
    }
}
