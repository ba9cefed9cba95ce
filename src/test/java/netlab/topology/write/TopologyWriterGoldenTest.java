package netlab.topology.write;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import netlab.topology.Lab;
import netlab.topology.dsl.TopologyReader;
import org.junit.jupiter.api.Test;

/**
 * The readable form itself, pinned: {@code branch.topo} (every statement kind, some in spellings
 * the writer does not keep: {@code both}, a needless {@code port} and {@code dst}, {@code NODE:BR}
 * for a unique bridge, a default port and MTU option, a plain host, {@code 0.50%}, {@code 2000ms})
 * written is exactly {@code branch.written.topo}, which reads back into the same lab. A change of
 * the writer's text is a reviewed change of that file.
 */
class TopologyWriterGoldenTest {
    @Test
    void writesTheBranchOfficeAsTheGoldenFileSays() throws Exception {
        Lab lab = TopologyReader.read(resource("branch.topo"));

        String written = TopologyWriter.write(lab);

        assertThat(written).isEqualTo(Files.readString(resource("branch.written.topo")));
        assertThat(RoundTrip.problem(lab)).isEmpty();
    }

    private static Path resource(String name) throws Exception {
        return Path.of(TopologyWriterGoldenTest.class.getResource(name).toURI());
    }
}
