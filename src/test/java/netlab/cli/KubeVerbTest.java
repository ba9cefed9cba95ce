package netlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import netlab.testing.NetlabRunner;
import netlab.testing.NetlabRunner.Run;
import org.junit.jupiter.api.Test;

/**
 * netlab k8s without the kube module on the class path (the application's tests never have it):
 * one line and exit 2, for every form; its usage lists the forms. kube/ tests the verb with it.
 */
class KubeVerbTest {
    @Test
    void withoutTheModuleEveryFormSaysSoInOneLine() {
        for (String[] args : new String[][] {{"k8s"}, {"k8s", "lan.topo", "--hosts", "2"}, {"-v", "k8s", "up", "lan.topo", "--hosts", "2", "--wait"},
                {"k8s", "down", "lan"}, {"k8s", "status", "lan", "--namespace", "x"}}) {
            Run run = NetlabRunner.inProcess(args);

            assertThat(run).isEqualTo(new Run(ExitCodes.USAGE, "", "netlab: k8s needs the kube module, which is not here "
                    + "(kube/target/netlab-kube.jar and kube/target/lib/; make builds them)\n"));
        }
    }

    @Test
    void itsUsageListsTheForms() {
        assertThat(KubeVerb.command()).isEqualTo(KubeVerb.class);
        assertThat(NetlabRunner.inProcess("k8s", "--help").out()).startsWith("Usage: netlab k8s FILE --hosts K")
                .contains("netlab k8s up FILE", "netlab k8s down LAB", "netlab k8s status LAB");
    }
}
