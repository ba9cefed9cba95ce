package netlab.cli;

import static netlab.cli.Cli.netlab;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import netlab.testing.KernelTest;
import netlab.testing.KernelTraces;
import netlab.testing.NetlabRunner;
import netlab.testing.Pty;
import netlab.testing.Shell;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Errors, test marks and pingall's misses are coloured on a terminal (run under a pseudo-terminal
 * of its own), and the very same bytes come without colour through a pipe or with NO_COLOR set.
 */
@KernelTest
class ColourTest {
    private static final String RED = "\033[31m";
    private static final String GREEN = "\033[32m";
    private static final String RESET = "\033[0m";
    /** Two pairs that cannot reach each other: pingall misses, and one expectation fails. */
    private static final String LAB = """
            lab colours
            node ns1
              link eth0 to ns2:eth0 address 10.61.0.1/24
            node ns2
              address eth0 10.61.0.2/24
            node ns3
              link eth0 to ns4:eth0 address 10.62.0.1/24
            node ns4
              address eth0 10.62.0.2/24

            expect ns1 reaches ns2:eth0 ttl 64
            expect ns1 reaches ns2:eth0 ttl 63
            """;
    private static KernelTraces before;
    private static Path file;

    @BeforeAll
    static void up() throws Exception {
        before = KernelTraces.take();
        file = Files.writeString(Files.createTempDirectory("colour").resolve("colours.topo"), LAB);
        assertThat(netlab("up", file.toString()).exitCode()).isEqualTo(ExitCodes.OK);
    }

    @AfterAll
    static void down() throws Exception {
        assertThat(netlab("down", "colours").exitCode()).isEqualTo(ExitCodes.OK);
        Files.delete(file);
        Files.delete(file.getParent());
        assertThat(KernelTraces.take()).isEqualTo(before);
    }

    @Test
    void anErrorIsRedOnATerminal() {
        Shell.Result run = Pty.run(child(List.of("env", "-u", "NO_COLOR"), "exec", "nosuch", "true"));

        assertThat(run.exitCode()).isEqualTo(ExitCodes.LAB_STATE);
        assertThat(run.stdout()).isEqualTo(RED + "netlab: no node nosuch is up; the nodes up are ns1, ns2, ns3, ns4"
                + RESET + "\r\n");
    }

    @Test
    void anErrorIsPlainWithNoColourOfAnyValueOrThroughAPipe() {
        String plain = "netlab: no node nosuch is up; the nodes up are ns1, ns2, ns3, ns4";
        Shell.Result empty = Pty.run(child(List.of("env", "NO_COLOR="), "exec", "nosuch", "true"));
        Shell.Result piped = Shell.run(child(List.of("env", "-u", "NO_COLOR"), "exec", "nosuch", "true")
                .toArray(String[]::new));

        assertThat(empty.stdout()).isEqualTo(plain + "\r\n");
        assertThat(piped.stderr()).isEqualTo(plain + "\n");
        assertThat(piped.stdout()).isEmpty();
    }

    @Test
    void testMarksPassGreenAndFailRedOnATerminal() {
        Shell.Result run = Pty.run(child(List.of("env", "-u", "NO_COLOR"), "test", file.toString()));

        assertThat(run.exitCode()).isEqualTo(ExitCodes.EXPECTATION_FAILED);
        assertThat(timeless(run.stdout())).isEqualTo(
                GREEN + "pass" + RESET + "  " + file + ":11  ns1 reaches ns2:eth0 ttl 64  reply with ttl 64 in T\r\n"
                + RED + "FAIL" + RESET + "  " + file + ":12  ns1 reaches ns2:eth0 ttl 63  reply with ttl 64, expected 63\r\n"
                + "lab colours: 1 of 2 expectations passed, 1 failed (T)\r\n");
    }

    @Test
    void testMarksArePlainWithNoColour() {
        Shell.Result run = Pty.run(child(List.of("env", "NO_COLOR=1"), "test", file.toString()));

        assertThat(timeless(run.stdout())).isEqualTo(
                "pass  " + file + ":11  ns1 reaches ns2:eth0 ttl 64  reply with ttl 64 in T\r\n"
                + "FAIL  " + file + ":12  ns1 reaches ns2:eth0 ttl 63  reply with ttl 64, expected 63\r\n"
                + "lab colours: 1 of 2 expectations passed, 1 failed (T)\r\n");
    }

    @Test
    void pingallMissesAreRedOnATerminalAndPlainThroughAPipe() {
        Shell.Result terminal = Pty.run(child(List.of("env", "-u", "NO_COLOR"), "pingall", "colours"));
        Shell.Result piped = Shell.run(child(List.of("env", "-u", "NO_COLOR"), "pingall", "colours")
                .toArray(String[]::new));
        String x = RED + "X" + RESET;

        assertThat(terminal.exitCode()).isEqualTo(ExitCodes.EXPECTATION_FAILED);
        assertThat(timeless(terminal.stdout())).isEqualTo(
                "ns1 -> ns2 " + x + " " + x + "\r\n"
                + "ns2 -> ns1 " + x + " " + x + "\r\n"
                + "ns3 -> " + x + " " + x + " ns4\r\n"
                + "ns4 -> " + x + " " + x + " ns3\r\n"
                + "lab colours: 4 of 12 pairs answered (66% dropped) in T\r\n");
        assertThat(timeless(piped.stdout())).isEqualTo(
                "ns1 -> ns2 X X\nns2 -> ns1 X X\nns3 -> X X ns4\nns4 -> X X ns3\n"
                + "lab colours: 4 of 12 pairs answered (66% dropped) in T\n");
    }

    /** {@code prefix... java ... netlab.cli.Main args...} as one command line. */
    private static List<String> child(List<String> prefix, String... args) {
        List<String> command = new ArrayList<>(prefix);
        command.addAll(NetlabRunner.javaCommand(Main.class, args));
        return command;
    }

    /** Durations vary from run to run: each becomes T. */
    private static String timeless(String text) {
        return text.replaceAll("\\d+(\\.\\d+)? (ms|s)\\b", "T");
    }
}
