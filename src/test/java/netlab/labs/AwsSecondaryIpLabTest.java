package netlab.labs;

import static netlab.labs.LabTools.assertNoReply;
import static netlab.labs.LabTools.netlabExec;
import static netlab.labs.LabTools.replyTtl;
import static org.assertj.core.api.Assertions.assertThat;

import netlab.testing.KernelTest;
import org.junit.jupiter.api.Test;

/**
 * topologies/aws-secondary-ip.topo: the document's lab with its SNAT rule on foo (and, as in
 * the document, none on bar). container-foo reaches 8.8.8.8 from foo's public IP;
 * container-bar, whose instance has no rule, gets no answer.
 */
@KernelTest
class AwsSecondaryIpLabTest extends AwsSecondaryIpLab {
    @Override
    String lab() {
        return "aws-secondary-ip";
    }

    @Test
    void fooHasTheDocumentsSnatRuleAndBarHasNone() {
        // iptables -t nat -A POSTROUTING -o ens5 -j SNAT --to 172.31.37.209 ! -d 172.31.0.0/16
        assertThat(LabTools.natRules("foo", lab()))
                .containsExactly("oifname == ens5, ip daddr != 172.31.0.0/16, snat to 172.31.37.209");
        assertThat(LabTools.tables("bar")).isEmpty();
        assertThat(LabTools.tables("container-foo")).isEmpty();
    }

    @Test
    void withTheRuleContainerFooReaches8888FromFoosPublicIp() throws Exception {
        try (Tcpdump capture = captureRequestsTo8888()) {
            // 62: the reply is forwarded by the gateway in vpc and by foo (101 in the document,
            // whose reply crossed the real internet; see the topology's comment).
            assertThat(replyTtl(pingOnce("container-foo", "8.8.8.8", 2), "8.8.8.8")).isEqualTo(62);
            // foo turned 172.31.37.240 into its primary IP, which the gateway turned into its public one.
            assertThat(capture.packet()).contains(" IP 198.51.100.209 > 8.8.8.8: ICMP echo request");
        }
        assertThat(replyTtl(netlabExec("container-foo", "ping", "-c1", "-W2", "8.8.8.8"), "8.8.8.8")).isEqualTo(62);
    }

    @Test
    void withoutARuleOnBarContainerBarGetsNoAnswerFrom8888() throws Exception {
        try (Tcpdump capture = captureRequestsTo8888()) {
            assertNoReply(pingOnce("container-bar", "8.8.8.8", 1));
            // The request does arrive, from the secondary IP that nothing translated.
            assertThat(capture.packet()).contains(" IP 172.31.37.27 > 8.8.8.8: ICMP echo request");
        }
        assertNoReply(netlabExec("container-bar", "ping", "-c1", "-W1", "8.8.8.8"));
    }
}
