package netlab.kube.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.util.function.Supplier;
import netlab.kube.PartPod;
import netlab.kube.cli.KubeCli.Run;
import org.junit.jupiter.api.Test;

/** netlab k8s up, status and down as a user runs them: output and exit codes, against fabric8's mock in CRUD mode. */
@EnableKubernetesMockClient(crud = true)
class KubeClusterCommandsTest {
    KubernetesClient client;
    KubernetesMockServer server;

    private Run run(String... args) {
        return KubeCli.run(server::createClient, args);
    }

    @Test
    void upStatusDown() {
        Run up = run("k8s", "up", "tri.topo", "--hosts", "3", "--namespace", "labs");
        assertThat(up).isEqualTo(new Run(0, """
                ConfigMap netlab-tri-p0 created
                ConfigMap netlab-tri-p1 created
                ConfigMap netlab-tri-p2 created
                ConfigMap netlab-tri-peers created
                Service netlab-tri created
                StatefulSet netlab-tri created
                lab tri is on the cluster, in namespace labs: 3 parts
                """, ""));

        client.pods().inNamespace("labs").resource(PartPod.of("netlab-tri-0", "tri", "node-a", "10.0.0.11", "Running", "True")).create();
        client.pods().inNamespace("labs").resource(PartPod.of("netlab-tri-2", "tri", "worker-long-name", "10.0.0.13", "Pending", "False")).create();
        assertThat(run("k8s", "status", "tri", "--namespace", "labs")).isEqualTo(new Run(0, """
                PART  POD           NODE              HOST IP    PHASE    READY
                0     netlab-tri-0  node-a            10.0.0.11  Running  yes
                1     netlab-tri-1  -                 -          -        no
                2     netlab-tri-2  worker-long-name  10.0.0.13  Pending  no
                """, ""));

        client.pods().inNamespace("labs").delete();
        assertThat(run("k8s", "down", "tri", "--namespace", "labs"))
                .isEqualTo(new Run(0, "lab tri is off the cluster (namespace labs), its VNI blocks released\n", ""));
        assertThat(client.configMaps().inAnyNamespace().list().getItems()).isEmpty();
    }

    @Test
    void wrongLabStatesExit6() {
        assertThat(run("k8s", "up", "tri.topo", "--hosts", "2", "--namespace", "labs").exitCode()).isZero();

        assertThat(run("k8s", "up", "tri.topo", "--hosts", "2", "--namespace", "labs")).isEqualTo(new Run(6, "",
                "netlab: lab tri is already on the cluster, in namespace labs (netlab k8s down tri --namespace labs takes it down)\n"));
        assertThat(run("k8s", "down", "duo", "--namespace", "labs"))
                .isEqualTo(new Run(6, "", "netlab: lab duo is not on the cluster, in namespace labs\n"));
        assertThat(run("k8s", "status", "tri")).isEqualTo(new Run(6, "", "netlab: lab tri is not on the cluster, in namespace test\n"));
    }

    @Test
    void upWaitsForEveryPart() {
        for (int part = 0; part < 2; part++) {
            client.pods().inNamespace("labs").resource(PartPod.of("netlab-duo-" + part, "duo", "n" + part, "10.0.0.1" + part,
                    "Running", "True")).create();
        }

        Run up = run("k8s", "up", "duo.topo", "--hosts", "2", "--namespace", "labs", "--wait");

        assertThat(up.exitCode()).isZero();
        assertThat(up.out()).endsWith("lab duo: every part is up\n");
    }

    @Test
    void aClusterThatDoesNotAnswerExits4() {
        // Nothing listens on port 1 of the loopback address; no retry, so the test does not wait.
        Supplier<KubernetesClient> nowhere = () -> new KubernetesClientBuilder().withConfig(new ConfigBuilder(Config.empty())
                .withMasterUrl("https://127.0.0.1:1").withRequestRetryBackoffLimit(0).build()).build();

        Run run = KubeCli.run(nowhere, "k8s", "status", "tri", "--namespace", "labs");

        assertThat(run).isEqualTo(new Run(4, "", "netlab: no answer from the cluster at https://127.0.0.1:1/ (ConnectException)\n"));
    }

    @Test
    void aRefusalOfTheClustersExits5WhenForbiddenElse4() {
        KubernetesMockServer strict = new KubernetesMockServer(false);
        strict.init();
        try {
            strict.expect().get().withPath("/apis/apps/v1/namespaces/labs/statefulsets/netlab-tri")
                    .andReturn(403, new StatusBuilder().withCode(403).withReason("Forbidden").withMessage(
                            "statefulsets.apps \"netlab-tri\" is forbidden: User \"student\" cannot get resource \"statefulsets\"").build())
                    .always();
            strict.expect().get().withPath("/apis/apps/v1/namespaces/busy/statefulsets/netlab-tri")
                    .andReturn(500, new StatusBuilder().withCode(500).withMessage("etcdserver: request timed out").build()).always();

            // fabric8 retries a 500 ten times, 20 s in all: not this test's business.
            Config config;
            try (KubernetesClient mock = strict.createClient()) {
                config = new ConfigBuilder(mock.getConfiguration()).withRequestRetryBackoffLimit(0).build();
            }
            Supplier<KubernetesClient> once = () -> new KubernetesClientBuilder().withConfig(config).build();

            assertThat(KubeCli.run(once, "k8s", "status", "tri", "--namespace", "labs")).isEqualTo(new Run(5, "",
                    "netlab: the cluster refused: statefulsets.apps \"netlab-tri\" is forbidden: User \"student\" cannot get resource "
                            + "\"statefulsets\" (HTTP 403; docs/kubernetes.md, Permissions, lists what netlab k8s needs)\n"));
            assertThat(KubeCli.run(once, "k8s", "status", "tri", "--namespace", "busy"))
                    .isEqualTo(new Run(4, "", "netlab: the cluster refused: etcdserver: request timed out (HTTP 500)\n"));
        } finally {
            strict.destroy();
        }
    }
}
