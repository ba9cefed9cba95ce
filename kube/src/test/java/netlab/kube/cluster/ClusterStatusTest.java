package netlab.kube.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.time.Duration;
import netlab.error.LabStateException;
import netlab.kube.FakeLab;
import netlab.kube.PartPod;
import netlab.kube.cluster.ClusterStatus.PartStatus;
import org.junit.jupiter.api.Test;

/**
 * netlab k8s status and up --wait against fabric8's mock API server in CRUD mode, with the pods
 * made by hand ({@link PartPod}).
 */
@EnableKubernetesMockClient(crud = true)
class ClusterStatusTest {
    KubernetesClient client;

    private void create(Pod pod) {
        client.pods().inNamespace("labs").resource(pod).create();
    }

    @Test
    void reportsEachPartInOrder() {
        new ClusterUp(client).up(new FakeLab("tri", 3, 3), "labs", "netlab:test");
        create(PartPod.of("netlab-tri-1", "tri", "node-b", "10.0.0.12", "Running", "False"));
        create(PartPod.of("netlab-tri-0", "tri", "node-a", "10.0.0.11", "Running", "True"));
        // Another lab's pod on the same node is not this lab's part.
        create(PartPod.of("netlab-other-2", "other", "node-a", "10.0.0.11", "Running", "True"));

        assertThat(new ClusterStatus(client).of("tri", "labs")).containsExactly(
                new PartStatus(0, "netlab-tri-0", "node-a", "10.0.0.11", "Running", true),
                new PartStatus(1, "netlab-tri-1", "node-b", "10.0.0.12", "Running", false),
                new PartStatus(2, "netlab-tri-2", null, null, null, false));
    }

    @Test
    void aLabThatIsNotThereIsALabStateProblem() {
        new ClusterUp(client).up(new FakeLab("Tri", 2, 1), "labs", "netlab:test");

        assertThatThrownBy(() -> new ClusterStatus(client).of("tri", "labs")).isInstanceOf(LabStateException.class)
                .hasMessage("lab tri is not on the cluster, in namespace labs");
        assertThatThrownBy(() -> new ClusterStatus(client).of("Tri", "other")).isInstanceOf(LabStateException.class)
                .hasMessage("lab Tri is not on the cluster, in namespace other");
    }

    @Test
    void waitReturnsOnceEveryPartIsReady() {
        new ClusterUp(client).up(new FakeLab("duo", 2, 1), "labs", "netlab:test");
        create(PartPod.of("netlab-duo-0", "duo", "node-a", "10.0.0.11", "Running", "True"));
        create(PartPod.of("netlab-duo-1", "duo", "node-b", "10.0.0.12", "Running", "False"));

        assertThatThrownBy(() -> new ClusterStatus(client).waitUntilReady("duo", "labs", Duration.ofMillis(1500)))
                .isInstanceOf(LabStateException.class)
                .hasMessage("lab duo: 1 of 2 parts ready after 1 s (netlab k8s status duo --namespace labs shows them)");

        client.pods().inNamespace("labs").resource(PartPod.of("netlab-duo-1", "duo", "node-b", "10.0.0.12", "Running", "True")).update();
        new ClusterStatus(client).waitUntilReady("duo", "labs", Duration.ZERO);
    }
}
