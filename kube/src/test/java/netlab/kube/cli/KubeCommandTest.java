package netlab.kube.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.io.IOException;
import netlab.cli.NetlabCommand;
import netlab.kube.LabYamlTest;
import netlab.kube.cli.KubeCli.Run;
import org.junit.jupiter.api.Test;

/** netlab k8s FILE: the objects printed, and the usage errors; the cluster is fabric8's mock, in CRUD mode. */
@EnableKubernetesMockClient(crud = true)
class KubeCommandTest {
    KubernetesClient client;
    KubernetesMockServer server;

    private Run run(String... args) {
        return KubeCli.run(server::createClient, args);
    }

    @Test
    void theApplicationFindsTheVerbInTheModule() {
        Object k8s = NetlabCommand.commandLine(new String[] {"k8s", "x"}).getSubcommands().get("k8s").getCommand();

        assertThat(k8s).isInstanceOf(KubeCommand.class);
    }

    @Test
    void printsTheGoldenYamlAndChangesNothingOnTheCluster() throws IOException {
        Run run = run("k8s", "Tri_1.topo", "--hosts", "3", "--namespace", "labs", "--image", "registry.example/netlab:test");

        assertThat(run).isEqualTo(new Run(0, LabYamlTest.golden(), ""));
        assertThat(client.configMaps().inAnyNamespace().list().getItems()).isEmpty();
    }

    @Test
    void aNamespaceTheApiServerWouldRefuseIsAUsageError() {
        for (String ns : new String[] {"Labs", "-labs", "labs-", "la_bs", "a".repeat(64), "", "la\nbs"}) {
            Run run = run("k8s", "Tri_1.topo", "--hosts", "3", "--namespace", ns);

            assertThat(run.exitCode()).as(ns).isEqualTo(2);
            assertThat(run.err()).as(ns).contains("is not a namespace name: lower-case letters, digits and '-'");
            assertThat(run.out()).as(ns).isEmpty();
        }
        assertThat(run("k8s", "Tri_1.topo", "--hosts", "3", "--namespace", "a".repeat(63)).exitCode()).isZero();
    }

    @Test
    void anImageThatIsNoImageReferenceIsAUsageError() {
        for (String image : new String[] {"", " ", "netlab ", "net lab", "netlab\n", "netlab:1\u0007", "net\u00e9lab", "Netlab",
                "netlab:", ":test", "netlab:-1", "netlab@sha256:abc", "netlab@", "-netlab", "netlab/", "//netlab", "net..lab",
                "registry.example:port/netlab", "netlab:" + "t".repeat(129), "n".repeat(256), "n-".repeat(20000) + "!",
                "r.".repeat(20000) + "n", "n/".repeat(20000) + "!", "n@a" + ".a".repeat(20000), "registry-.example/netlab"}) {
            for (String verb : new String[] {"k8s", "up"}) {
                String[] args = verb.equals("k8s") ? new String[] {"k8s", "Tri_1.topo", "--hosts", "3", "--image", image}
                        : new String[] {"k8s", "up", "Tri_1.topo", "--hosts", "3", "--image", image};
                Run run = run(args);

                assertThat(run.exitCode()).as(verb + " " + image).isEqualTo(2);
                assertThat(run.err()).as(image).contains("is not an image reference: [REGISTRY[:PORT]/]NAME[:TAG][@DIGEST]")
                        .doesNotContain("\n\u0007", "netlab\n'");
                assertThat(run.out()).as(image).isEmpty();
            }
        }
        assertThat(client.configMaps().inAnyNamespace().list().getItems()).isEmpty();
    }

    @Test
    void anImageReferenceOfAnyShapeDockerTakesIsTaken() {
        for (String image : new String[] {"netlab", "netlab:0.1.0-SNAPSHOT", "registry.example/netlab:test",
                "localhost:5000/team/net_lab:v1.2", "[::1]:5000/netlab", "Registry.Example/net-lab__x.y:Tag_1",
                "ghcr.io/o/netlab@sha256:" + "a".repeat(64), "netlab:test@sha256:" + "0".repeat(64), "n".repeat(255),
                "r-1.example.com:443/" + "a-b/".repeat(50) + "c:v"}) {
            Run run = run("k8s", "Tri_1.topo", "--hosts", "3", "--image", image);

            assertThat(run.exitCode()).as(image + ": " + run.err()).isZero();
            assertThat(run.out()).as(image).contains("image: \"" + image + "\"\n");
        }
    }

    @Test
    void theNamespaceIsTheKubeconfigsAndTheImageThisVersionsByDefault() {
        Run run = run("-v", "k8s", "duo.topo", "--hosts", "2", "--vni-base", "70000");

        assertThat(run.exitCode()).isZero();
        // The mock's client is configured with namespace "test".
        assertThat(run.out()).contains("  namespace: \"test\"\n", "192.0.2.2 netlab-duo-1.netlab-duo.test.svc.cluster.local\n",
                " vni 70000 remote 192.0.2.2 ").containsPattern("image: \"netlab:\\d+\\.\\d+\\.\\d+(-SNAPSHOT)?\"\n");
    }

    @Test
    void usageErrorsExit2() {
        Run bare = run("k8s");
        assertThat(bare.exitCode()).isEqualTo(2);
        assertThat(bare.err()).startsWith("Missing FILE, or a verb: up, down, status\nUsage: netlab k8s ");

        assertThat(run("k8s", "lan.topo").err()).startsWith("Missing required option: '--hosts=K'\n");
        assertThat(run("k8s", "lan.topo", "--hosts", "65").err()).startsWith("--hosts must be 1..64, not 65\n");
        assertThat(run("k8s", "lan.topo", "--hosts", "3", "--vni-base", "16777214").err()).startsWith("--vni-base: "
                + "the lab's 3 VNIs from 16777214 do not fit in 1..16777215; take a base of 1..16777213\n");
        assertThat(run("k8s", "lan.topo", "--hosts", "2", "--vni-base", "0").err()).startsWith("--vni-base: "
                + "the lab's 1 VNI from 0 does not fit in 1..16777215; take a base of 1..16777215\n");
        assertThat(run("k8s", "up", "--hosts", "3").err()).startsWith("Missing required parameter: 'FILE'\n");
        assertThat(run("k8s", "down").err()).startsWith("Missing required parameter: 'LAB'\n");
        for (String[] args : new String[][] {{"k8s", "lan.topo"}, {"k8s", "lan.topo", "--hosts", "0"}, {"k8s", "up", "lan.topo"},
                {"k8s", "status"}, {"k8s", "frobnicate", "x"}}) {
            assertThat(run(args).exitCode()).as(String.join(" ", args)).isEqualTo(2);
        }
    }

    @Test
    void aLabNameKubernetesCannotTakeExits3() {
        for (String[] args : new String[][] {{"k8s", "_lab.topo", "--hosts", "2"}, {"k8s", "up", "_lab.topo", "--hosts", "2"},
                {"k8s", "down", "_lab"}, {"k8s", "status", "_lab"}}) {
            Run run = run(args);

            assertThat(run).as(String.join(" ", args)).isEqualTo(new Run(3, "", "netlab: lab name '_lab' cannot name Kubernetes "
                    + "objects: it becomes '-lab', and Kubernetes names start and end with a letter or digit "
                    + "(docs/kubernetes.md, Names)\n"));
        }
    }

    @Test
    void helpListsTheVerbsAndExitCodes() {
        Run run = run("k8s", "--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("Usage: netlab k8s ").contains("  up ", "  down ", "  status ", "Exit codes:");
        assertThat(run("k8s", "help", "up").out()).startsWith("Usage: netlab k8s up ");
        assertThat(run("help", "k8s").out()).isEqualTo(run.out());
    }
}
