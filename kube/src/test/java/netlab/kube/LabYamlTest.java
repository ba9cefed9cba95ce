package netlab.kube;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The YAML of a 3-part lab with fixed inputs, byte for byte (lab-3-parts.yaml beside this test). */
public class LabYamlTest {
    static final LabSettings SETTINGS = new LabSettings("labs", "registry.example/netlab:test", 4096);

    /** The golden file less its comment lines on top, which say what it is. */
    public static String golden() throws IOException {
        try (InputStream in = LabYamlTest.class.getResourceAsStream("lab-3-parts.yaml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replaceFirst("\\A(#[^\n]*\n)+", "");
        }
    }

    static String yaml() {
        return ObjectsYaml.of(LabObjects.of(new FakeLab("Tri_1", 3, 3), SETTINGS).all());
    }

    @Test
    void isTheGoldenFile() throws IOException {
        assertThat(yaml()).isEqualTo(golden());
    }
}
