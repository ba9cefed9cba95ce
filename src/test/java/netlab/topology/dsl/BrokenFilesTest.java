package netlab.topology.dsl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every file under {@code topologies/broken/} is a small topology with problems; the
 * {@code .expected} beside it lists, in order, the exact {@code FILE:LINE:COL: message} lines
 * that reading it must report. All of them, in one run.
 */
class BrokenFilesTest {
    static Path directory() throws URISyntaxException {
        return Path.of(BrokenFilesTest.class.getResource("/topologies/broken").toURI());
    }

    static Stream<String> brokenFiles() throws IOException, URISyntaxException {
        try (Stream<Path> files = Files.list(directory())) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".topo")).sorted().toList().stream();
        }
    }

    @Test
    void thereAreAtLeastFortyBrokenFilesEachWithExpectations() throws Exception {
        List<String> files = brokenFiles().toList();
        assertThat(files).hasSizeGreaterThanOrEqualTo(40);
        for (String file : files) {
            assertThat(expected(file)).as(file).isNotEmpty();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenFiles")
    void reportsExactlyTheExpectedProblems(String file) throws Exception {
        String text = Files.readString(directory().resolve(file), StandardCharsets.UTF_8);

        TopologyException e = catchThrowableOfType(TopologyException.class, () -> TopologyReader.parse(file, text));

        assertThat(e).as(file + " must be refused").isNotNull();
        assertThat(e.summaries()).containsExactlyElementsOf(expected(file));
        // Every diagnostic quotes the line it points at.
        for (Diagnostic d : e.diagnostics()) {
            assertThat(d.lineText()).isEqualTo(text.lines().toList().get(d.source().line() - 1));
        }
    }

    private static List<String> expected(String file) throws Exception {
        Path path = directory().resolve(file.replaceFirst("\\.topo$", ".expected"));
        return Files.readAllLines(path, StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank()).toList();
    }
}
