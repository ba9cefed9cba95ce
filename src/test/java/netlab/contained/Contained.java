package netlab.contained;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import netlab.cli.Main;
import netlab.state.HeldLab;
import netlab.state.LabRecord;
import netlab.state.StateStore;
import netlab.testing.KernelState;
import netlab.testing.NetlabRunner;
import netlab.testing.NetlabRunner.Run;
import netlab.testing.Shell;

/**
 * Runs netlab for the tests of contained labs (root's {@code up --name}, docs/rootless.md), and
 * reaches into a copy without it. {@code up --name} runs netlab again inside the holder with the
 * JVM's own command line, and {@code exec}, {@code show}, {@code test} of a held lab replace
 * their process with one in the holder: those run in a child JVM started as the launcher starts
 * it; {@code ls} and {@code down} run in this JVM.
 */
final class Contained {
    /** The example lab, as the tests (run from src/) name it on the command line. */
    static final String LAN = "../topologies/lan.topo";
    private static final Path KERNEL_STATE = Path.of("test/sandbox/kernel-state").toAbsolutePath();

    private Contained() {}

    /**
     * {@code netlab ARGS...} in a child JVM. Its JIT stops at C1: these JVMs live a second or two,
     * and a copy's up starts two of them (the inner netlab gets the same options), so on a small
     * machine C2's compile threads only take the cores the other copies' netlabs need.
     */
    static Shell.Result netlab(String... args) {
        return Shell.run(childJvm(args).toArray(String[]::new));
    }

    /** {@code netlab ARGS...} started in a child JVM, not waited for; its output goes to {@code out} and {@code err}. */
    static java.lang.Process start(Path out, Path err, String... args) throws java.io.IOException {
        java.lang.Process process = new ProcessBuilder(childJvm(args)).redirectOutput(out.toFile())
                .redirectError(err.toFile()).start();
        process.getOutputStream().close();
        return process;
    }

    private static List<String> childJvm(String... args) {
        List<String> command = new ArrayList<>(NetlabRunner.javaCommand(Main.class, args));
        command.add(1, "-XX:TieredStopAtLevel=1");
        return command;
    }

    /** {@code netlab ARGS...} in this JVM, for the verbs that never replace their process. */
    static Run inProcess(String... args) {
        return NetlabRunner.inProcess(args);
    }

    /** One child netlab's result, and when it ran (System.nanoTime()). */
    record Timed(Shell.Result result, long started, long ended) {}

    /** Runs {@code netlab ARGS...} for every ARGS, each in a child JVM, {@code atOnce} at a time; results in order. */
    static List<Timed> concurrently(int atOnce, List<List<String>> commands) throws Exception {
        List<Future<Timed>> futures = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(atOnce)) {
            for (List<String> args : commands) {
                futures.add(pool.submit(() -> {
                    long started = System.nanoTime();
                    Shell.Result result = netlab(args.toArray(String[]::new));
                    return new Timed(result, started, System.nanoTime());
                }));
            }
        }
        List<Timed> results = new ArrayList<>();
        for (Future<Timed> future : futures) {
            results.add(future.get());
        }
        return results;
    }

    /** Each copy of lan.topo up, all at once; each up must succeed. */
    static void upCopies(String... copies) throws Exception {
        List<List<String>> ups = new ArrayList<>();
        for (String copy : copies) {
            ups.add(List.of("up", LAN, "--name", copy));
        }
        for (Timed up : concurrently(copies.length, ups)) {
            assertThat(up.result().exitCode()).as(up.result().stderr()).isZero();
        }
    }

    /** The most runs that overlapped at one moment. */
    static int mostAtOnce(List<Timed> runs) {
        int most = 0;
        for (Timed run : runs) {
            // At the moment a run starts, the runs going on are those that started before and end after.
            most = Math.max(most, (int) runs.stream().filter(other -> other.started <= run.started && other.ended > run.started)
                    .count());
        }
        return most;
    }

    /** The outside record of a held lab in /run/netlab, which must be there. */
    static HeldLab held(String lab) {
        LabRecord record = StateStore.system().record(lab).orElseThrow(() -> new AssertionError("no record of lab " + lab));
        assertThat(record).as("the record of lab %s", lab).isInstanceOf(LabRecord.Held.class);
        return ((LabRecord.Held) record).held();
    }

    /**
     * {@code COMMAND...} in node {@code node} of the copy {@code lab}, without netlab: nsenter
     * into the holder's mount and network namespaces, then iproute2's own way into the node.
     */
    static Shell.Result inNode(String lab, String node, String... command) {
        List<String> line = new ArrayList<>(nodeCommand(lab, node));
        line.addAll(List.of(command));
        return Shell.run(line.toArray(String[]::new));
    }

    /** The words before a command that run it in node {@code node} of the copy {@code lab} (see {@link #inNode}). */
    static List<String> nodeCommand(String lab, String node) {
        return List.of("nsenter", "-m", "-n", "-t", Long.toString(held(lab).holder().pid()), "ip", "netns", "exec", node);
    }

    /** The pid of the holder of the copy {@code lab}, as its record says. */
    static String holder(String lab) {
        return Long.toString(held(lab).holder().pid());
    }

    /** The network namespace of {@code node} in {@code lab} as /proc/PID/ns/net names it: its file under the holder's /run/netns. */
    static String namespaceOf(String lab, String node) throws java.io.IOException {
        return "net:[" + java.nio.file.Files.getAttribute(Path.of("/proc", holder(lab), "root/run/netns", node), "unix:ino")
                + "]";
    }

    /** After each test: a failed test must leave neither its labs nor a holder to the next one. */
    static void removeLabsLeftUp() {
        if (!inProcess("ls").out().equals("no lab is up\n")) {
            inProcess("down", "--all");
        }
        SandboxProcesses.endHolders();
    }

    /**
     * The kernel state of the sandbox itself (its root namespace, netlab's host for machine-wide
     * labs, and every name under its /run/netns), recorded by src/test/sandbox/kernel-state into
     * {@code directory}.
     */
    static KernelState sandboxState(Path directory) {
        Shell.check(KERNEL_STATE.toString(), directory.toString());
        return KernelState.read(directory);
    }

    /** Every path under {@code root} (not the root itself), or none when it is missing. */
    static List<String> tree(Path root) {
        if (!java.nio.file.Files.exists(root)) {
            return List.of();
        }
        try (var paths = java.nio.file.Files.walk(root)) {
            return paths.filter(path -> !path.equals(root)).map(Path::toString).sorted().toList();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The lab file as a record names it (up records the file's real path). */
    static String lanFile() {
        try {
            return Path.of(LAN).toRealPath().toString();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
