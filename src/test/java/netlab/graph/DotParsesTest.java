package netlab.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import netlab.testing.NetlabRunner;
import netlab.testing.NetlabRunner.Run;
import netlab.testing.Shell;
import netlab.testing.ShippedTopologies;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The DOT netlab writes for every shipped lab and for star-50 (bench/gen-star) is read by
 * Graphviz's own {@code dot} without a word on stderr, and the SVG it lays out has one box per
 * node, host block and bridge of the file and one line per link, macvlan and bridge: counted from
 * the file's statements, not from netlab's model.
 */
class DotParsesTest {
    private static final Pattern BOX = Pattern.compile("^\\s*(node|host|bridge)\\b", Pattern.MULTILINE);
    private static final Pattern LINE = Pattern.compile("^\\s*(link|macvlan|bridge)\\b", Pattern.MULTILINE);

    @TempDir
    static Path scratch;

    @TestFactory
    Stream<DynamicTest> dotReadsEveryLabNetlabDraws() throws IOException {
        Shell.Result star = Shell.run("../bench/gen-star", "50", scratch.resolve("star").toString());
        assertThat(star.exitCode()).as(star.stderr()).isZero();
        List<Path> files = new ArrayList<>(ShippedTopologies.files());
        files.add(scratch.resolve("star/star-50.topo"));
        return files.stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
            Path dot = scratch.resolve(file.getFileName() + ".dot");
            Run graph = NetlabRunner.inProcess("graph", file.toString(), "-o", dot.toString());
            assertThat(graph.exitCode()).as(graph.err()).isZero();
            Shell.Result svg = Shell.run("dot", "-Tsvg", dot.toString());
            assertThat(svg.exitCode()).as(svg.stderr()).isZero();
            assertThat(svg.stderr()).isEmpty();
            String text = Files.readString(file);
            assertThat(count(svg.stdout(), "class=\"node\"")).as("boxes").isEqualTo(BOX.matcher(text).results().count());
            assertThat(count(svg.stdout(), "class=\"edge\"")).as("lines").isEqualTo(LINE.matcher(text).results().count());
        }));
    }

    private static long count(String text, String what) {
        return Pattern.compile(Pattern.quote(what)).matcher(text).results().count();
    }
}
