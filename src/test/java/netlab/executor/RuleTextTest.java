package netlab.executor;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.util.List;
import netlab.netlink.nftables.CounterExpression;
import netlab.netlink.nftables.Expression;
import netlab.netlink.nftables.ImmediateExpression;
import netlab.netlink.nftables.NfProto;
import netlab.netlink.nftables.NftData;
import netlab.netlink.nftables.RuleMessage;
import netlab.netlink.nftables.nat.IpFamily;
import netlab.netlink.nftables.nat.PrefixMatch;
import netlab.netlink.nftables.nat.SourceNatRule;
import org.junit.jupiter.api.Test;

/** {@code netlab show} prints the lab's rules in nft's syntax, and says so when a rule is not netlab's. */
class RuleTextTest {
    @Test
    void aRuleNetlabWritesReadsAsNftListsIt() {
        SourceNatRule masquerade = SourceNatRule.masquerade(IpFamily.IPV6)
                .withSource(PrefixMatch.of(InetAddress.ofLiteral("fd00:1::"), 64)).withOutInterface("wan");

        assertThat(LabInspector.ruleText(NfProto.NFPROTO_IPV6, masquerade.appendTo("netlab-lab", "postrouting")))
                .isEqualTo("oifname \"wan\" ip6 saddr fd00:1::/64 masquerade");
    }

    @Test
    void aRuleAddedByHandIsNamedByItsExpressions() {
        List<Expression> counted = new java.util.ArrayList<>(SourceNatRule.masquerade(IpFamily.IPV4).expressions());
        counted.addFirst(CounterExpression.fresh());
        RuleMessage rule = RuleMessage.append(NfProto.NFPROTO_IPV4, "netlab-lab", "postrouting", counted);

        assertThat(LabInspector.ruleText(NfProto.NFPROTO_IPV4, rule)).isEqualTo("(not a rule netlab writes: counter masq)");
        assertThat(LabInspector.ruleText(NfProto.NFPROTO_IPV4, RuleMessage.append(NfProto.NFPROTO_IPV4, "t", "c",
                List.of(ImmediateExpression.verdict(NftData.NF_ACCEPT))))).isEqualTo("(not a rule netlab writes: immediate)");
    }
}
