package netlab.kube.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import netlab.kube.ObjectsYaml;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** netlab k8s FILE with netlab's own split: each part's file comes back exactly from the printed YAML. */
@EnableKubernetesMockClient(crud = true)
class PrintedPartsTest {
    KubernetesMockServer server;

    @Test
    void aNodeNameWithALineSeparatorReadsBackExactly(@TempDir Path dir) throws Exception {
        // The topology language takes LS (U+2028) in a node name; YAML 1.1 readers (kubectl's) read it as a line break.
        Path file = Files.writeString(dir.resolve("u28.topo"), "lab u28\nnode a\u2028b\n  link e0 to c:e0 address 10.0.0.1/24\n"
                + "node c\n  address e0 10.0.0.2/24\n");

        KubeCli.Run run = KubeCli.run(new PartitionSplitter(), server::createClient, "k8s", file.toString(), "--hosts", "2");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).matches("[\\n\\x20-\\x7E]*");
        List<HasMetadata> objects = ObjectsYaml.SERIALIZATION.unmarshal(run.out());
        List<String> parts = new PartitionSplitter().split(file, 2).render(4096);
        assertThat(parts).anyMatch(part -> part.contains("a\u2028b"));
        for (int part = 0; part < 2; part++) {
            assertThat(((ConfigMap) objects.get(part)).getData()).containsExactly(Map.entry("part.topo", parts.get(part)));
        }
    }
}
