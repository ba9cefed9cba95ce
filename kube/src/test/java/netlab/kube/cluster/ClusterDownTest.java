package netlab.kube.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import netlab.error.LabStateException;
import netlab.kube.FakeLab;
import org.junit.jupiter.api.Test;

/** netlab k8s down against fabric8's mock API server in CRUD mode (a fresh one per test). */
@EnableKubernetesMockClient(crud = true)
class ClusterDownTest {
    KubernetesClient client;
    KubernetesMockServer server;

    private void up(String lab, String namespace) {
        new ClusterUp(client).up(new FakeLab(lab, 3, 3), namespace, "netlab:test");
    }

    private void down(String lab, String namespace) {
        new ClusterDown(client, Duration.ZERO).down(lab, namespace);
    }

    @Test
    void removesEverythingOfThatLabAndNothingOfAnothers() {
        up("a", "labs");
        up("b", "labs");
        up("a", "other");
        List<String> before = ClusterObjects.of(client);

        down("a", "labs");

        // The rest as it was, to the resource version: b, and the lab a of the other namespace.
        assertThat(ClusterObjects.of(client)).containsExactlyElementsOf(before.stream()
                .filter(object -> !object.contains(" labs/netlab-a") && !object.contains("/netlab-vni-block-1@")).toList());
        assertThat(ClusterObjects.names(client)).containsExactly(
                "ConfigMap default/netlab-vni-block-2", "ConfigMap default/netlab-vni-block-3",
                "ConfigMap labs/netlab-b-p0", "ConfigMap labs/netlab-b-p1", "ConfigMap labs/netlab-b-p2", "ConfigMap labs/netlab-b-peers",
                "ConfigMap other/netlab-a-p0", "ConfigMap other/netlab-a-p1", "ConfigMap other/netlab-a-p2", "ConfigMap other/netlab-a-peers",
                "Service labs/netlab-b", "Service other/netlab-a", "StatefulSet labs/netlab-b", "StatefulSet other/netlab-a");
    }

    @Test
    void deletesTheStatefulSetFirstAndTheClaimsLast() throws InterruptedException {
        up("a", "labs");
        int before = server.getRequestCount();

        down("a", "labs");

        List<String> deletes = new ArrayList<>();
        for (int i = 0; i < server.getRequestCount(); i++) {
            RecordedRequest request = server.takeRequest();
            if (i >= before && request.getMethod().equals("DELETE")) {
                deletes.add(request.getPath().replaceFirst("\\?.*", ""));
            }
        }
        assertThat(deletes).containsExactly(
                "/apis/apps/v1/namespaces/labs/statefulsets/netlab-a",
                "/api/v1/namespaces/labs/services/netlab-a",
                "/api/v1/namespaces/labs/configmaps/netlab-a-p0",
                "/api/v1/namespaces/labs/configmaps/netlab-a-p1",
                "/api/v1/namespaces/labs/configmaps/netlab-a-p2",
                "/api/v1/namespaces/labs/configmaps/netlab-a-peers",
                "/api/v1/namespaces/default/configmaps/netlab-vni-block-1");
    }

    @Test
    void whilePodsLingerTheClaimsStayAndASecondDownReleasesThem() {
        up("a", "labs");
        // The mock has no controllers: this pod stands for one still taking its part down.
        client.pods().inNamespace("labs").resource(new PodBuilder().withNewMetadata().withName("netlab-a-0")
                .addToLabels("netlab.dev/lab", "a").endMetadata().build()).create();

        assertThatThrownBy(() -> down("a", "labs")).isInstanceOf(LabStateException.class)
                .hasMessage("lab a: 1 pod is still ending after 0 s, so its VNI blocks stay claimed; "
                        + "netlab k8s down a --namespace labs again releases them once the pods are gone");
        assertThat(ClusterObjects.names(client)).containsExactly("ConfigMap default/netlab-vni-block-1", "Pod labs/netlab-a-0");

        client.pods().inNamespace("labs").withName("netlab-a-0").delete();
        down("a", "labs");
        assertThat(ClusterObjects.names(client)).isEmpty();
    }

    @Test
    void aLabThatIsNotThereIsALabStateProblem() {
        up("a", "labs");
        List<String> before = ClusterObjects.of(client);

        assertThatThrownBy(() -> down("b", "labs")).isInstanceOf(LabStateException.class)
                .hasMessage("lab b is not on the cluster, in namespace labs");
        assertThatThrownBy(() -> down("a", "other")).isInstanceOf(LabStateException.class)
                .hasMessage("lab a is not on the cluster, in namespace other");
        assertThat(ClusterObjects.of(client)).isEqualTo(before);
    }

    @Test
    void aLabWhoseNamesMapAlikeIsNotTakenDownInItsPlace() {
        up("Lab_1", "labs");
        List<String> before = ClusterObjects.of(client);

        assertThatThrownBy(() -> down("lab-1", "labs")).isInstanceOf(LabStateException.class)
                .hasMessage("the objects named netlab-lab-1 in namespace labs are lab Lab_1's, not lab-1's (docs/kubernetes.md, Names)");
        assertThat(ClusterObjects.of(client)).isEqualTo(before);
        down("Lab_1", "labs");
        assertThat(ClusterObjects.of(client)).isEmpty();
    }
}
