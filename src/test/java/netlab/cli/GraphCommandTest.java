package netlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import netlab.testing.NetlabRunner.Run;
import netlab.testing.Shell;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code netlab graph FILE} in each format, the format chosen from -o's name, and without Graphviz. */
class GraphCommandTest {
    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    @TempDir
    Path scratch;

    @Test
    void svgAndPngAreWhatDotMakesOfTheDotText() throws Exception {
        Path dot = scratch.resolve("lan.dot");
        assertThat(Cli.netlab("graph", Cli.LAN, "-o", dot.toString()).exitCode()).isZero();
        Path svg = scratch.resolve("lan.svg");
        Run run = Cli.netlab("graph", Cli.LAN, "-o", svg.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).isEmpty();
        assertThat(Files.readString(svg)).isEqualTo(Shell.check("dot", "-Tsvg", dot.toString()));
        Path png = scratch.resolve("picture");
        assertThat(Cli.netlab("graph", Cli.LAN, "--format", "png", "-o", png.toString()).exitCode()).isZero();
        assertThat(Arrays.copyOf(Files.readAllBytes(png), 8)).isEqualTo(PNG_SIGNATURE);
    }

    @Test
    void theFormatComesFromTheOutputsNameAndDotIsTheDefault() throws Exception {
        String dot = Cli.netlab("graph", Cli.LAN).out();
        assertThat(dot).startsWith("graph \"lan\" {\n");
        assertThat(Cli.netlab("graph", Cli.LAN, "--format", "dot").out()).isEqualTo(dot);
        Path mermaid = scratch.resolve("lan.mmd");
        assertThat(Cli.netlab("graph", Cli.LAN, "-o", mermaid.toString()).exitCode()).isZero();
        assertThat(Files.readString(mermaid)).isEqualTo(Cli.netlab("graph", Cli.LAN, "--format", "mermaid").out());
        Path gv = scratch.resolve("lan.gv");
        assertThat(Cli.netlab("graph", Cli.LAN, "-o", gv.toString()).exitCode()).isZero();
        assertThat(Files.readString(gv, StandardCharsets.UTF_8)).isEqualTo(dot);
    }

    @Test
    void withoutGraphvizSvgIsOneLineAndExitFiveButDotStillWorks() {
        // A PATH without dot: the child JVM is started by its full path, netlab looks dot up on PATH.
        List<String> noDot = List.of("env", "PATH=" + scratch);
        Shell.Result svg = Cli.childJvm(noDot, "graph", Cli.LAN, "--format", "svg");
        assertThat(svg.exitCode()).isEqualTo(ExitCodes.PERMISSION);
        assertThat(svg.stdout()).isEmpty();
        assertThat(svg.stderr()).isEqualTo("netlab: graph --format svg needs Graphviz's dot, which is not installed; "
                + "install it with: apt-get install graphviz (or use --format dot or mermaid)\n");
        Shell.Result dot = Cli.childJvm(noDot, "graph", Cli.LAN, "--format", "dot");
        assertThat(dot.exitCode()).as(dot.stderr()).isZero();
        assertThat(dot.stdout()).isEqualTo(Cli.netlab("graph", Cli.LAN).out());
    }

    @Test
    void aLabThatIsNotUpIsALabStateError() {
        Run run = Cli.netlab("graph", "nosuchlab");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.LAB_STATE);
        assertThat(run.err()).isEqualTo("netlab: lab nosuchlab is not up (see netlab ls)\n");
    }
}
