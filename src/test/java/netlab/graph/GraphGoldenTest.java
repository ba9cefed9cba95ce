package netlab.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import netlab.testing.NetlabRunner;
import netlab.testing.NetlabRunner.Run;
import netlab.testing.ShippedTopologies;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every shipped topology draws to the DOT and Mermaid text kept in {@code
 * src/test/resources/graphs/NAME.dot} and {@code NAME.mmd} (what {@code netlab graph
 * ../topologies/NAME.topo --format dot|mermaid} prints). A change of picture is a deliberate
 * change of those files, reviewed like code; lan.dot and macvlan.dot were read line by line.
 */
class GraphGoldenTest {
    private static final Path GRAPHS = Path.of("test/resources/graphs");

    @TestFactory
    Stream<DynamicTest> everyTopologyDrawsAsRecorded() {
        return ShippedTopologies.files().stream().flatMap(file -> Stream.of("dot", "mermaid").map(format ->
                DynamicTest.dynamicTest(file.getFileName() + " " + format, () -> {
                    String name = file.getFileName().toString().replace(".topo", "");
                    Path golden = GRAPHS.resolve(name + (format.equals("dot") ? ".dot" : ".mmd"));
                    Run graph = NetlabRunner.inProcess("graph", file.toString(), "--format", format);
                    assertThat(graph.exitCode()).as(graph.err()).isZero();
                    assertThat(graph.err()).isEmpty();
                    assertThat(graph.out()).isEqualTo(Files.readString(golden));
                })));
    }
}
