package netlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import netlab.testing.NetlabRunner;
import netlab.testing.Shell;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code up --hold --ready-file} refuses before building: the part or peers file itself
 * (the agent overwrote the part file with the lab's name, then removed it), a path whose
 * directory is missing (it failed only after the part was built), something not a regular file.
 */
class ReadyFileCheckTest {
    @TempDir
    Path dir;

    @Test
    void thePartFileOrThePeersFileIsRefusedAlsoThroughALink() throws IOException {
        Path part = Files.writeString(dir.resolve("lab.p0.topo"), "lab x\n");
        Path peers = Files.writeString(dir.resolve("peers"), "");
        Path link = Files.createSymbolicLink(dir.resolve("link"), part);

        assertThat(ReadyFileCheck.problem(part, part, Optional.of(peers)))
                .contains("--ready-file " + part + " is the part file itself; the agent writes the ready file and removes it");
        assertThat(ReadyFileCheck.problem(link, part, Optional.empty())).get().asString().contains("is the part file itself");
        assertThat(ReadyFileCheck.problem(peers, part, Optional.of(peers)))
                .contains("--ready-file " + peers + " is the peers file; the agent writes the ready file and removes it");
    }

    @Test
    void aMissingDirectoryADirectoryOrAFifoIsRefused() throws IOException {
        Path part = Files.writeString(dir.resolve("lab.p0.topo"), "lab x\n");
        Path fifo = dir.resolve("fifo");
        Shell.check("mkfifo", fifo.toString());

        assertThat(ReadyFileCheck.problem(dir.resolve("no/ready"), part, Optional.empty()))
                .contains("--ready-file " + dir.resolve("no/ready") + ": its directory " + dir.resolve("no") + " does not exist");
        assertThat(ReadyFileCheck.problem(dir, part, Optional.empty())).get().asString().contains("is not a regular file");
        assertThat(ReadyFileCheck.problem(fifo, part, Optional.empty())).get().asString().contains("is not a regular file");
    }

    @Test
    void upHoldRefusesItAsAUsageErrorBeforeReadingTheLab() throws IOException {
        Path part = Files.writeString(dir.resolve("lab.p0.topo"), "lab x\nnode a\n");

        var run = NetlabRunner.inProcess("up", part.toString(), "--hold", "--ready-file", part.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).startsWith("--ready-file " + part + " is the part file itself");
        assertThat(Files.readString(part)).isEqualTo("lab x\nnode a\n");
    }

    @Test
    void aNewFileOrAnEarlierReadyFileIsTaken() throws IOException {
        Path part = Files.writeString(dir.resolve("lab.p0.topo"), "lab x\n");
        assertThat(ReadyFileCheck.problem(dir.resolve("ready"), part, Optional.empty())).isEmpty();
        Files.writeString(dir.resolve("ready"), "x\n");
        assertThat(ReadyFileCheck.problem(dir.resolve("ready"), part, Optional.empty())).isEmpty();
    }
}
