package netlab.topology.dsl;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The topology packages stay pure: no Netty, codec, picocli, kernel access or FFM. */
class TopologyImportsTest {
    @Test
    void topologySourcesImportNoKernelSideCode() throws Exception {
        List<String> forbidden = List.of("io.netty", "netlab.netlink", "picocli", "netlab.kernel", "netlab.sys",
                "java.lang.foreign");
        try (Stream<Path> files = Files.walk(Path.of("main/java/netlab/topology"))) {
            List<Path> sources = files.filter(p -> p.toString().endsWith(".java")).toList();
            assertThat(sources).hasSizeGreaterThan(20);
            for (Path source : sources) {
                List<String> imports = Files.readAllLines(source).stream().filter(l -> l.startsWith("import ")).toList();
                for (String prefix : forbidden) {
                    assertThat(imports).as(source.toString()).noneMatch(l -> l.contains(" " + prefix) || l.contains("static " + prefix));
                }
            }
        }
    }
}
