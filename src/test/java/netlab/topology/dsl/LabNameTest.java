package netlab.topology.dsl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A lab without a {@code lab} line is named after its file; that name must be one nft, the state
 * directory and the lock take as they are, or the file says to add a {@code lab} line.
 */
class LabNameTest {
    @TempDir
    Path directory;

    @Test
    void aFileNameWithABlankIsNoLabName() throws Exception {
        Path file = Files.writeString(directory.resolve("my lab.topo"), "host\n  bridge br0\n");

        assertThatThrownBy(() -> TopologyReader.read(file)).isInstanceOfSatisfying(TopologyException.class,
                e -> assertThat(e.summaries()).containsExactly(file + ":1:1: lab name 'my lab' may hold only letters, "
                        + "digits, '_', '.' and '-' (it names the lab's nf_tables table, which nft reads as a plain word) "
                        + "(taken from the file name); add a 'lab NAME' line"));
    }

    @Test
    void aLabLineMakesAnyFileNameFine() throws Exception {
        Path file = Files.writeString(directory.resolve("my lab.topo"), "lab my-lab.1\nhost\n  bridge br0\n");

        assertThat(TopologyReader.read(file).name()).isEqualTo("my-lab.1");
    }
}
