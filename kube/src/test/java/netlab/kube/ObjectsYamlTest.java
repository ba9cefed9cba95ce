package netlab.kube;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Text a literal block cannot carry to every reader is written double-quoted, with escapes.
 * fabric8's reader is YAML 1.2's; kubectl's (go-yaml, from libyaml) and PyYAML read YAML 1.1,
 * where NEL, LS and PS are line breaks: the output is printable ASCII and newlines only.
 */
class ObjectsYamlTest {
    private static String yamlOf(String text) {
        ConfigMap map = new ConfigMapBuilder().withNewMetadata().withName("m").endMetadata().addToData("part.topo", text).build();
        return ObjectsYaml.of(List.of(map));
    }

    private static String readBack(String yaml) {
        return ObjectsYaml.SERIALIZATION.unmarshal(yaml, ConfigMap.class).getData().get("part.topo");
    }

    @Test
    void textALiteralBlockCannotCarryIsQuotedAndReadsBackExactly() {
        List<String> texts = List.of("node a\u2028b\n", "node a\u2029b\n", "node a\u0085b\n", "a\u2028b", "\uFEFFnode a\n",
                "node a\r\nnode b\n", "node\ta\n", "node a\u0001\n", "node a \nnode b\n", "node a\nnode b ", "node a\n  \nb\n",
                "lab l\nnode é✓\uD834\uDD1E\u00A0\n", "node " + "x ".repeat(60) + "\u2028 " + "y".repeat(90) + "\n  link\n");
        for (String text : texts) {
            String yaml = yamlOf(text);

            assertThat(yaml).as(text).matches("[\\n\\x20-\\x7E]*").contains("part.topo: \"");
            assertThat(readBack(yaml)).as(yaml).isEqualTo(text);
        }
    }

    @Test
    void textALiteralBlockCarriesStaysALiteralBlock() {
        List<String> texts = List.of("lab l\nnode a\n", "  indented\nnode a\n", "\nnode a\n", "node a\nnode b", "node a\n\n\n");
        for (String text : texts) {
            String yaml = yamlOf(text);

            assertThat(yaml).as(text).containsPattern("part\\.topo: \\|");
            assertThat(readBack(yaml)).as(yaml).isEqualTo(text);
        }
    }
}
