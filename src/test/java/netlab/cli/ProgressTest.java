package netlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
 * up's progress line on a terminal: one frame per group of steps, each naming the steps done of
 * all and the group's first command (which the plan's line of that index must be), erased before
 * the summary; nothing of it through a pipe. The half second of quiet is set to 0 here, so every
 * frame shows however fast the machine is.
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
    private static final Pattern FRAME = Pattern.compile("\r(netlab: up progress: (\\d+)/(\\d+) steps, ([^\r\033]*))\033\\[K");
    private static KernelTraces before;
    private static Path file;

    @BeforeAll
    static void write() throws Exception {
        before = KernelTraces.take();
        file = Files.writeString(Files.createTempDirectory("progress").resolve("progress.topo"), LAB);
    }

    @AfterEach
    void down() {
        assertThat(Cli.netlab("down", "progress").exitCode()).isEqualTo(ExitCodes.OK);
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

    /** The child JVM with the quiet time at 0. */
    private static List<String> javaCommand(String... args) {
        List<String> command = new ArrayList<>(NetlabRunner.javaCommand(Main.class, args));
        command.add(1, "-Dnetlab.progress.quietMs=0");
        return command;
    }
}
