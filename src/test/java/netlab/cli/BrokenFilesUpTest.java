package netlab.cli;

import static netlab.cli.Cli.netlab;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import netlab.testing.KernelTraces;
import netlab.testing.KernelTest;
import netlab.testing.NetlabRunner.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * up of a broken topology file exits 3, prints exactly the diagnostics beside it in .expected,
 * and changes nothing at all: namespaces, links, addresses, routes, nf_tables, ip_forward and
 * /run/netlab are the same before and after.
 */
@KernelTest
class BrokenFilesUpTest {
    private static final Path BROKEN = Path.of("test/resources/topologies/broken").toAbsolutePath();

    static Stream<String> brokenFiles() throws IOException {
        try (Stream<Path> files = Files.list(BROKEN)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".topo")).sorted().toList().stream();
        }
    }

    @Test
    void allBrokenFilesAreTried() throws IOException {
        assertThat(brokenFiles()).hasSize(83);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenFiles")
    void upRefusesTheFileAndChangesNothing(String name) throws IOException {
        Path file = BROKEN.resolve(name);
        // The CLI names the file by its absolute path, the .expected files by its name alone: at
        // the start of each line and in positions quoted inside messages ("made at FILE:3:3").
        List<String> expected = Files.readAllLines(BROKEN.resolve(name.replaceFirst("\\.topo$", ".expected")),
                StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank())
                .map(l -> l.replace(name + ":", file + ":")).toList();
        KernelTraces before = KernelTraces.take();

        Run up = netlab("up", file.toString());

        assertThat(up.exitCode()).as(up.err()).isEqualTo(ExitCodes.TOPOLOGY);
        assertThat(up.out()).isEmpty();
        // Diagnostics start at the left margin; their quoted lines and carets are indented.
        assertThat(up.err().lines().filter(l -> !l.isEmpty() && !Character.isWhitespace(l.charAt(0))).toList())
                .containsExactlyElementsOf(expected);
        assertThat(KernelTraces.take()).isEqualTo(before);
    }
}
