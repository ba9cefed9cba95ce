package netlab.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import netlab.testing.Shell;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What an agent reads as its peers file: a regular file, through links, at most a megabyte, in
 * UTF-8; and the reasons it gives for the rest, each read ending at once (a FIFO blocked the agent
 * past SIGTERM, a huge file ended in an OutOfMemoryError's stack trace).
 */
class PeersFileTextTest {
    @TempDir
    Path dir;

    private static String refusal(Path file) {
        try {
            PeerMap.read(file);
        } catch (PeersFileException e) {
            return e.getMessage();
        }
        throw new AssertionError(file + " was read");
    }

    @Test
    void aFifoIsRefusedAtOnceNotWaitedOn() throws Exception {
        Path fifo = dir.resolve("peers");
        Shell.check("mkfifo", fifo.toString());

        String refusal = CompletableFuture.supplyAsync(() -> refusal(fifo)).get(10, TimeUnit.SECONDS);

        assertThat(refusal).isEqualTo("cannot read the peers file " + fifo + ": is not a regular file");
    }

    @Test
    void aFileOverAMegabyteIsRefusedWithoutReadingIt() throws IOException {
        Path big = dir.resolve("peers");
        try (RandomAccessFile file = new RandomAccessFile(big.toFile(), "rw")) {
            file.setLength(3L << 30); // sparse: 3 GiB that take no room
        }
        assertThat(refusal(big)).isEqualTo("cannot read the peers file " + big + ": is longer than 1048576 bytes");
        Files.writeString(big, "192.0.2.1 198.51.100.7\n" + "#".repeat(PeersFileText.MAX_BYTES - 24) + "\n");
        assertThat(Files.size(big)).isEqualTo(PeersFileText.MAX_BYTES);
        assertThat(PeerMap.read(big)).isNotNull();
    }

    @Test
    void aMissingFileNotUtf8OrADirectoryIsSaidInWords() throws IOException {
        assertThat(refusal(dir.resolve("absent"))).isEqualTo("cannot read the peers file " + dir.resolve("absent")
                + ": no such file or directory");
        Path latin1 = Files.write(dir.resolve("latin1"), new byte[] {'#', ' ', (byte) 0xe9, '\n'});
        assertThat(refusal(latin1)).isEqualTo("cannot read the peers file " + latin1 + ": it is not UTF-8 text");
        Path directory = Files.createDirectory(dir.resolve("directory"));
        assertThat(refusal(directory)).isEqualTo("cannot read the peers file " + directory + ": is not a regular file");
    }

    @Test
    void aLinkIsFollowedAsAConfigMapsVolumeNeedsAndAByteOrderMarkDropped() throws IOException {
        Path data = Files.createDirectory(dir.resolve("..2026_12_04"));
        Files.writeString(data.resolve("peers"), "\uFEFF192.0.2.1 198.51.100.7\n");
        Files.createSymbolicLink(dir.resolve("..data"), data.getFileName());
        Path peers = Files.createSymbolicLink(dir.resolve("peers"), Path.of("..data/peers"));

        assertThat(PeersFileText.read(peers)).isEqualTo("192.0.2.1 198.51.100.7\n");
        assertThat(PeerMap.read(peers)).isNotNull();
    }

    @Test
    void aFifoSwappedInWhileHeldKeepsTheLastGoodMap() throws Exception {
        Path file = Files.writeString(dir.resolve("peers"), "192.0.2.1 198.51.100.7\n");
        // An hour old, so that the FIFO's time differs (setting a FIFO's own time would open it, and wait).
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().minus(Duration.ofHours(1))));
        List<String> warnings = new ArrayList<>();
        PeersFileWatch watch = PeersFileWatch.start(file, warnings::add);
        Files.delete(file);
        Shell.check("mkfifo", file.toString());

        boolean changed = CompletableFuture.supplyAsync(watch::refresh).get(10, TimeUnit.SECONDS);

        assertThat(changed).isFalse();
        assertThat(warnings).singleElement().asString().contains("is not a regular file")
                .endsWith("keeping the peers read before");
    }
}
