package netlab.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import netlab.testing.NetlabRunner;
import netlab.testing.NetlabRunner.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --junit OUT} never overwrites what the test reads or what netlab keeps, is refused
 * before the lab comes up when it cannot be written, and replaces a symbolic link instead of
 * writing through it.
 */
class JunitOutputTest {
    @TempDir
    Path dir;

    @Test
    void theLabFileAndTheExpectationsFilesAreRefusedAndLeftAsTheyWere() throws Exception {
        Path lab = Files.writeString(dir.resolve("lab.topo"), "node a\n  expect reaches 10.0.0.1\n  address lo 10.0.0.1/32\n");
        Path link = dir.resolve("report.xml");
        Files.createSymbolicLink(link, lab);

        Run run = NetlabRunner.inProcess("test", lab.toString(), "--junit", lab.toString());
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("--junit " + lab + ": that is " + lab + ", which the test reads");
        assertThatThrownBy(() -> JunitOutput.prepare(link, List.of(lab), dir.resolve("state")))
                .isInstanceOf(JunitOutput.Refused.class);
        assertThat(Files.readString(lab)).startsWith("node a\n");
        assertThat(Files.list(dir)).hasSize(2);
    }

    @Test
    void netlabsOwnFilesDirectoriesAndUnwritablePlacesAreRefused() {
        Path state = dir.resolve("state");
        for (Path out : List.of(Path.of("/run/netlab/lan/state"), Path.of("/run/netns/ns1"), state.resolve("lan/state"),
                dir, Path.of("/dev/full"), Path.of("/proc/version"), dir.resolve("missing/report.xml"))) {
            assertThatThrownBy(() -> JunitOutput.prepare(out, List.of(), state)).as(out.toString())
                    .isInstanceOf(JunitOutput.Refused.class).hasMessageStartingWith("--junit " + out + ": ");
        }
    }

    @Test
    void aSymbolicLinkIsReplacedNotWrittenThrough() throws Exception {
        Path elsewhere = Files.writeString(dir.resolve("precious.txt"), "keep me\n");
        Path link = dir.resolve("report.xml");
        Files.createSymbolicLink(link, elsewhere);

        JunitOutput.prepare(link, List.of(), dir.resolve("state")).write("<testsuites/>\n");

        assertThat(Files.isSymbolicLink(link)).isFalse();
        assertThat(Files.readString(link)).isEqualTo("<testsuites/>\n");
        assertThat(Files.readString(elsewhere)).isEqualTo("keep me\n");
        assertThat(Files.list(dir)).as("no temporary file left").hasSize(2);
    }
}
