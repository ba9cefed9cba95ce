package netlab.labs;

import static netlab.labs.LabTools.assertNoReply;
import static netlab.labs.LabTools.netlabExec;
import static org.assertj.core.api.Assertions.assertThat;

import netlab.testing.KernelTest;
import netlab.testing.Shell;
import org.junit.jupiter.api.Test;

/**
 * topologies/aws-secondary-ip-no-snat.topo: the document's lab before its SNAT rule. Inside the
 * VPC everything works as with the rule (the inherited tests), but 8.8.8.8 does not answer
 * container-foo: the request arrives from the secondary IP, which the gateway does not translate
 * and the internet cannot route back to.
 */
@KernelTest
class AwsSecondaryIpNoSnatLabTest extends AwsSecondaryIpLab {
    @Override
    String lab() {
        return "aws-secondary-ip-no-snat";
    }

    @Test
    void neitherInstanceTranslatesAnything() {
        assertThat(LabTools.tables("foo")).isEmpty();
        assertThat(LabTools.tables("bar")).isEmpty();
    }

    @Test
    void withoutTheRuleContainerFooGetsNoAnswerFrom8888() throws Exception {
        try (Tcpdump capture = captureRequestsTo8888()) {
            assertNoReply(pingOnce("container-foo", "8.8.8.8", 1));
            assertThat(capture.packet()).contains(" IP 172.31.37.240 > 8.8.8.8: ICMP echo request");
        }
        assertNoReply(netlabExec("container-foo", "ping", "-c1", "-W1", "8.8.8.8"));
        // Why: the internet has no way back to a private address.
        Shell.Result back = Shell.run("ip", "-n", "internet", "route", "get", "172.31.37.240");
        assertThat(back.exitCode()).isNotZero();
        assertThat(back.stderr()).contains("Network is unreachable");
    }
}
