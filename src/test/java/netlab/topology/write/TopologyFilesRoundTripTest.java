package netlab.topology.write;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;
import netlab.testing.ShippedTopologies;
import netlab.topology.Lab;
import netlab.topology.dsl.TopologyException;
import netlab.topology.dsl.TopologyReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every shipped topology, and every test topology the reader takes, through the writer and back
 * (see {@link RoundTrip}). The files the reader refuses (the broken ones) have no lab to write.
 */
class TopologyFilesRoundTripTest {
    static Stream<Path> shipped() {
        return ShippedTopologies.files().stream();
    }

    /** The test topologies the reader takes: the broken ones have no lab to write. */
    static Stream<Path> testResources() throws IOException, URISyntaxException {
        Path directory = Path.of(TopologyFilesRoundTripTest.class.getResource("/topologies").toURI());
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(f -> f.toString().endsWith(".topo")).sorted().filter(f -> readable(f).isPresent())
                    .toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource({"shipped", "testResources"})
    void readsBackEqualAndWritesTheSameText(Path file) {
        Lab lab = TopologyReader.read(file);

        assertThat(RoundTrip.problem(lab)).as(file.toString()).isEmpty();
    }

    @Test
    void thereAreFilesToWrite() throws Exception {
        assertThat(shipped().count()).isGreaterThanOrEqualTo(12);
        assertThat(testResources().count()).isGreaterThanOrEqualTo(4);
    }

    private static Optional<Lab> readable(Path file) {
        try {
            return Optional.of(TopologyReader.read(file));
        } catch (TopologyException e) {
            return Optional.empty();
        }
    }
}
