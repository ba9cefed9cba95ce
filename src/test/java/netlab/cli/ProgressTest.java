package netlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import netlab.state.LabState;
import netlab.state.StateStore;
import netlab.testing.KernelTest;
import netlab.testing.KernelTraces;
import netlab.testing.NetlabRunner;
import netlab.testing.Pty;
import netlab.testing.Shell;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * up's and down's progress lines on a terminal: up shows one frame per group of steps, each naming
 * the steps done of all and the group's first command (which the plan's line of that index must
 * be); down shows its phases in order with the things removed of all that the record lists; both
 * erased before the summary; nothing of either through a pipe. The half second of quiet is set to
 * 0 here, so every frame shows however fast the machine is.
 */
@KernelTest
class ProgressTest {
    private static final String LAB = """
            lab progress
            node ns1
              link eth0 to ns2:eth0 address 10.63.0.1/24
            node ns2
              address eth0 10.63.0.2/24
            """;
    /** A host side too: down's every phase has something to remove. */
    private static final String HOST_LAB = """
            lab progress-host
            host
              link v0 to ns1:eth0 address 10.64.0.1/24
              sysctl net.ipv4.ip_forward=1
              masquerade src 10.64.0.0/24
            node ns1
              address eth0 10.64.0.2/24
              route default via 10.64.0.1
            node ns2
              link eth0 to ns1:eth1 address 10.65.0.2/24
            """;
    private static final Pattern FRAME = Pattern.compile("\r(netlab: up progress: (\\d+)/(\\d+) steps, ([^\r\033]*))\033\\[K");
    private static final Pattern DOWN_FRAME =
            Pattern.compile("\r(netlab: down progress-host: (\\d+)/(\\d+) removed, ([^\r\033]*))\033\\[K");
    private static final List<String> DOWN_PHASES = List.of("delete nf_tables tables", "undo changes to the host",
            "remove namespaces", "delete the host's interfaces", "restore host sysctls");
    private static KernelTraces before;
    private static Path file;

    @BeforeAll
    static void write() throws Exception {
        before = KernelTraces.take();
        file = Files.writeString(Files.createTempDirectory("progress").resolve("progress.topo"), LAB);
    }

    @AfterEach
    void down() {
        assertThat(Cli.netlab("down", "-f", "progress").exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(Cli.netlab("down", "-f", "progress-host").exitCode()).isEqualTo(ExitCodes.OK);
    }

    @AfterAll
    static void remove() throws Exception {
        Files.delete(file);
        Files.delete(file.getParent());
        assertThat(KernelTraces.take()).isEqualTo(before);
    }

    @Test
    void aTerminalSeesOneFramePerGroupThenTheLineErasedBeforeTheSummary() {
        List<String> plan = Shell.check(javaCommand("plan", file.toString()).toArray(String[]::new)).lines()
                .filter(line -> !line.startsWith("#")).toList();

        Shell.Result up = Pty.run(javaCommand("up", file.toString()));

        assertThat(up.exitCode()).as(up.stdout()).isZero();
        String output = up.stdout();
        int summary = output.indexOf("lab progress is up (");
        assertThat(summary).as(output).isPositive();
        String frames = output.substring(0, summary);
        assertThat(frames).endsWith("\r\033[K");
        Matcher frame = FRAME.matcher(frames);
        List<Integer> done = new ArrayList<>();
        StringBuilder seen = new StringBuilder();
        while (frame.find()) {
            int steps = Integer.parseInt(frame.group(2));
            assertThat(Integer.parseInt(frame.group(3))).as(frame.group(1)).isEqualTo(plan.size() + 1);
            String expected = steps < plan.size() ? plan.get(steps) : "wait until every link and address is up";
            String line = "netlab: up progress: " + steps + "/" + (plan.size() + 1) + " steps, " + expected;
            assertThat(frame.group(1)).isEqualTo(line.length() > 79 ? line.substring(0, 79) : line);
            done.add(steps);
            seen.append(frame.group());
        }
        // Nothing but frames and the final erase; the groups in order, from the first to the wait.
        assertThat(frames).isEqualTo(seen + "\r\033[K");
        assertThat(done).isSorted().doesNotHaveDuplicates().startsWith(0).endsWith(plan.size());
        assertThat(done.size()).isGreaterThan(2);
    }

    @Test
    void aPipeSeesNoProgressAtAll() {
        Shell.Result up = Shell.run(javaCommand("up", file.toString()).toArray(String[]::new));

        assertThat(up.exitCode()).isZero();
        assertThat(up.stderr()).isEmpty();
        assertThat(up.stdout()).startsWith("lab progress is up (");
    }

    @Test
    void aTerminalSeesDownsPhasesInOrderCountingWhatTheRecordListsThenTheLineErased() throws Exception {
        Path hostFile = Files.writeString(file.resolveSibling("progress-host.topo"), HOST_LAB);
        try {
            assertThat(Cli.netlab("up", hostFile.toString()).exitCode()).isZero();
            LabState state = StateStore.system().load("progress-host").orElseThrow(); // /run/netlab, the sandbox's
            int recorded = state.tables().size() + state.hostChanges().size() + state.hostLinks().size()
                    + state.namespaces().size() + state.hostSysctls().size();
            assertThat(state.namespaces()).hasSize(2);
            assertThat(state.hostLinks()).isNotEmpty();
            assertThat(state.tables()).isNotEmpty();
            assertThat(state.hostSysctls()).isNotEmpty();

            Shell.Result down = Pty.run(javaCommand("down", "progress-host"));

            assertThat(down.exitCode()).as(down.stdout()).isZero();
            String output = down.stdout();
            int summary = output.indexOf("lab progress-host is down");
            assertThat(summary).as(output).isPositive();
            String frames = output.substring(0, summary);
            Matcher frame = DOWN_FRAME.matcher(frames);
            List<Integer> done = new ArrayList<>();
            List<String> phases = new ArrayList<>();
            StringBuilder seen = new StringBuilder();
            while (frame.find()) {
                assertThat(Integer.parseInt(frame.group(3))).as(frame.group(1)).isEqualTo(recorded);
                done.add(Integer.parseInt(frame.group(2)));
                if (phases.isEmpty() || !phases.getLast().equals(frame.group(4))) {
                    phases.add(frame.group(4));
                }
                seen.append(frame.group());
            }
            assertThat(frames).isEqualTo(seen + "\r\033[K");
            assertThat(phases).isEqualTo(DOWN_PHASES);
            assertThat(done).isSorted().allMatch(n -> n <= recorded);
            assertThat(StateStore.system().load("progress-host")).isEmpty();
        } finally {
            Files.delete(hostFile);
        }
    }

    @Test
    void aPipeSeesNoProgressOfADown() {
        assertThat(Cli.netlab("up", file.toString()).exitCode()).isZero();

        Shell.Result down = Shell.run(javaCommand("down", "progress").toArray(String[]::new));

        assertThat(down.exitCode()).isZero();
        assertThat(down.stderr()).isEmpty();
        assertThat(down.stdout()).isEqualTo("lab progress is down\n");
    }

    @Test
    void verboseDownSaysHowLongEachPhaseTookInOrderAfterTheLineIsErased() throws Exception {
        Path hostFile = Files.writeString(file.resolveSibling("progress-host.topo"), HOST_LAB);
        try {
            assertThat(Cli.netlab("up", hostFile.toString()).exitCode()).isZero();

            Shell.Result down = Pty.run(javaCommand("-v", "down", "progress-host"));

            assertThat(down.exitCode()).as(down.stdout()).isZero();
            String output = down.stdout();
            // Everything after the progress line's last erase: one line per phase, then the summary.
            List<String> after = output.substring(output.lastIndexOf("\033[K") + 3).lines().toList();
            assertThat(after).hasSize(DOWN_PHASES.size() + 1);
            for (int i = 0; i < DOWN_PHASES.size(); i++) {
                assertThat(after.get(i)).matches(" *\\d+ ms  " + Pattern.quote(DOWN_PHASES.get(i)));
            }
            assertThat(after.getLast()).isEqualTo("lab progress-host is down");
        } finally {
            Files.delete(hostFile);
        }
    }

    /** The child JVM with the quiet time at 0. */
    private static List<String> javaCommand(String... args) {
        List<String> command = new ArrayList<>(NetlabRunner.javaCommand(Main.class, args));
        command.add(1, "-Dnetlab.progress.quietMs=0");
        return command;
    }
}
