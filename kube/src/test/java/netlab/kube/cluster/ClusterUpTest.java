package netlab.kube.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.util.List;
import netlab.error.LabStateException;
import netlab.kube.FakeLab;
import netlab.kube.KubeNameException;
import netlab.kube.LabObjects;
import org.junit.jupiter.api.Test;

/** netlab k8s up against fabric8's mock API server in CRUD mode (a fresh one per test). */
@EnableKubernetesMockClient(crud = true)
class ClusterUpTest {
    static final String IMAGE = "registry.example/netlab:test";

    KubernetesClient client;

    private LabObjects up(FakeLab lab, String namespace) {
        return new ClusterUp(client).up(lab, namespace, IMAGE);
    }

    @Test
    void createsEveryObjectAndClaimsTheVnis() {
        up(new FakeLab("tri", 3, 3), "labs");

        assertThat(ClusterObjects.names(client)).containsExactly(
                "ConfigMap default/netlab-vni-block-1",
                "ConfigMap labs/netlab-tri-p0", "ConfigMap labs/netlab-tri-p1", "ConfigMap labs/netlab-tri-p2",
                "ConfigMap labs/netlab-tri-peers",
                "Service labs/netlab-tri",
                "StatefulSet labs/netlab-tri");
        assertThat(client.configMaps().inNamespace("labs").withName("netlab-tri-p1").get().getData().get("part.topo"))
                .isEqualTo(new FakeLab("tri", 3, 3).render(4096).get(1));
        assertThat(client.apps().statefulSets().inNamespace("labs").withName("netlab-tri").get().getSpec().getReplicas()).isEqualTo(3);
    }

    @Test
    void aSecondUpOfTheSameLabIsRefusedAndChangesNothing() {
        up(new FakeLab("tri", 3, 3), "labs");
        List<String> before = ClusterObjects.of(client);

        assertThatThrownBy(() -> up(new FakeLab("tri", 3, 3), "labs")).isInstanceOf(LabStateException.class)
                .hasMessage("lab tri is already on the cluster, in namespace labs (netlab k8s down tri --namespace labs takes it down)");
        assertThat(ClusterObjects.of(client)).isEqualTo(before);
    }

    @Test
    void twoLabsNumberTheirTunnelsApart() {
        up(new FakeLab("a", 2, 1), "labs");
        up(new FakeLab("b", 2, 5000), "other");
        up(new FakeLab("c", 2, 1), "labs");

        assertThat(partFile("labs", "netlab-a-p0")).contains(" vni 4096 ");
        assertThat(partFile("other", "netlab-b-p0")).contains("VNIs 8192..13191", " vni 8192 ");
        assertThat(partFile("labs", "netlab-c-p0")).contains(" vni 16384 ");
        assertThat(ClusterObjects.names(client)).filteredOn(name -> name.contains("vni-block")).containsExactly(
                "ConfigMap default/netlab-vni-block-1", "ConfigMap default/netlab-vni-block-2",
                "ConfigMap default/netlab-vni-block-3", "ConfigMap default/netlab-vni-block-4");
    }

    private String partFile(String namespace, String name) {
        return client.configMaps().inNamespace(namespace).withName(name).get().getData().get("part.topo");
    }

    @Test
    void aFailureInTheMiddleLeavesNothingBehind() {
        // Someone else's StatefulSet holds the name: up gets as far as the last object.
        client.apps().statefulSets().inNamespace("labs").resource(new StatefulSetBuilder()
                .withNewMetadata().withName("netlab-tri").endMetadata().withNewSpec().endSpec().build()).create();
        List<String> before = ClusterObjects.of(client);

        assertThatThrownBy(() -> up(new FakeLab("tri", 3, 3), "labs")).isInstanceOf(LabStateException.class)
                .hasMessage("StatefulSet netlab-tri already exists in namespace labs, and is not lab tri's");
        assertThat(ClusterObjects.of(client)).isEqualTo(before);
    }

    @Test
    void aLabWhoseNamesAnotherHoldsIsRefused() {
        up(new FakeLab("Tri", 2, 1), "labs");
        List<String> before = ClusterObjects.of(client);

        assertThatThrownBy(() -> up(new FakeLab("tri", 2, 1), "labs")).isInstanceOf(LabStateException.class)
                .hasMessage("the names of lab tri (netlab-tri) are held in namespace labs by lab Tri (docs/kubernetes.md, Names)");
        assertThat(ClusterObjects.of(client)).isEqualTo(before);
    }

    @Test
    void theSameLabInAnotherNamespaceIsAnotherLab() {
        up(new FakeLab("tri", 2, 1), "labs");
        up(new FakeLab("tri", 2, 1), "other");

        assertThat(ClusterObjects.names(client)).contains("StatefulSet labs/netlab-tri", "StatefulSet other/netlab-tri",
                "ConfigMap default/netlab-vni-block-1", "ConfigMap default/netlab-vni-block-2");
    }

    @Test
    void aNameKubernetesCannotTakeChangesNothing() {
        assertThatThrownBy(() -> up(new FakeLab("_tri", 2, 1), "labs")).isInstanceOf(KubeNameException.class);
        assertThat(ClusterObjects.of(client)).isEmpty();
    }
}
