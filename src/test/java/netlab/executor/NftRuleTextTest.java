package netlab.executor;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.util.List;
import java.util.Optional;
import netlab.netlink.nftables.BitwiseExpression;
import netlab.netlink.nftables.CounterExpression;
import netlab.netlink.nftables.Expression;
import netlab.netlink.nftables.ImmediateExpression;
import netlab.netlink.nftables.NatExpression;
import netlab.netlink.nftables.NatRuleBuilder;
import netlab.netlink.nftables.NfProto;
import netlab.netlink.nftables.NftData;
import netlab.netlink.nftables.RawExpression;
import org.junit.jupiter.api.Test;

/**
 * Rules back in nft's syntax. The expressions are those nft 1.0.6 compiles (NatRuleBuilder is
 * checked against its captures); the expected texts are what {@code nft list ruleset} printed
 * for the same rules on this machine.
 */
class NftRuleTextTest {
    private static final int IP = NfProto.NFPROTO_IPV4;

    private static InetAddress ip(String literal) {
        return InetAddress.ofLiteral(literal);
    }

    private static List<Expression> expressions(NatRuleBuilder builder) {
        return builder.build().expressions().orElseThrow();
    }

    @Test
    void lanMasqueradeReadsAsNftListsIt() {
        var rule = NatRuleBuilder.rule(IP, "netlab-lan", "postrouting")
                .matchSource(ip("192.168.0.0"), 24).matchDestinationNot(ip("192.168.0.0"), 24).masquerade();

        assertThat(NftRuleText.render(IP, expressions(rule)))
                .isEqualTo("ip saddr 192.168.0.0/24 ip daddr != 192.168.0.0/24 masquerade");
    }

    @Test
    void snatWithInterfaceAndUnalignedPrefix() {
        var rule = NatRuleBuilder.rule(IP, "t", "c").matchOutputInterface("ens5")
                .matchDestinationNot(ip("172.31.0.0"), 16).matchSource(ip("172.31.32.0"), 20).snatTo(ip("172.31.37.209"));

        assertThat(NftRuleText.render(IP, expressions(rule)))
                .isEqualTo("oifname \"ens5\" ip daddr != 172.31.0.0/16 ip saddr 172.31.32.0/20 snat to 172.31.37.209");
    }

    @Test
    void aFullLengthPrefixIsPrintedAsTheAddress() {
        var rule = NatRuleBuilder.rule(IP, "t", "c").matchSource(ip("172.31.37.209"), 32).masquerade();

        assertThat(NftRuleText.render(IP, expressions(rule))).isEqualTo("ip saddr 172.31.37.209 masquerade");
    }

    @Test
    void inetTablesDropTheImpliedNfprotoAndNameTheNatFamily() {
        var masquerade = NatRuleBuilder.rule(NfProto.NFPROTO_INET, "t", "c").matchOutputInterface("eth0")
                .matchSource(ip("10.0.0.0"), 8).masquerade();
        var snat = NatRuleBuilder.rule(NfProto.NFPROTO_INET, "t", "c").snatTo(ip("1.2.3.4"));

        assertThat(NftRuleText.render(NfProto.NFPROTO_INET, expressions(masquerade)))
                .isEqualTo("oifname \"eth0\" ip saddr 10.0.0.0/8 masquerade");
        assertThat(NftRuleText.render(NfProto.NFPROTO_INET, expressions(snat))).isEqualTo("snat ip to 1.2.3.4");
    }

    @Test
    void kernelDumpShapesAddressRangesFlagsAndCounters() {
        // As the kernel dumps them: bitwise with its op, nat with max register and flags, counter with counts.
        var prefix = NatRuleBuilder.rule(IP, "t", "c").matchDestinationNot(ip("172.31.32.0"), 20).build()
                .expressions().orElseThrow();
        BitwiseExpression mask = (BitwiseExpression) prefix.get(1);
        List<Expression> rule = List.of(prefix.get(0),
                new BitwiseExpression(mask.source(), mask.destination(), mask.length(), Optional.of(0), mask.mask(), mask.xor()),
                prefix.get(2), new CounterExpression(Optional.of(840L), Optional.of(10L)),
                new ImmediateExpression(1, NftData.Value.of(ip("1.2.3.4"))),
                new ImmediateExpression(2, NftData.Value.of(ip("1.2.3.9"))),
                new NatExpression(NatExpression.NFT_NAT_SNAT, IP, Optional.of(1), Optional.of(2), Optional.empty(),
                        Optional.empty(), Optional.of(NatExpression.NF_NAT_RANGE_MAP_IPS
                                | NatExpression.NF_NAT_RANGE_PROTO_RANDOM_FULLY)));

        assertThat(NftRuleText.render(IP, rule))
                .isEqualTo("ip daddr != 172.31.32.0/20 counter packets 10 bytes 840 snat to 1.2.3.4-1.2.3.9 fully-random");
    }

    @Test
    void unknownExpressionsArePrintedByNameAndVerdictsAsNftSaysThem() {
        List<Expression> rule = List.of(new RawExpression("ct", new byte[] {8, 0, 2, 0, 0, 0, 0, 0}),
                new RawExpression("cmp", new byte[0]), ImmediateExpression.verdict(NftData.NF_ACCEPT));

        assertThat(NftRuleText.render(IP, rule)).isEqualTo("[ct] [cmp] accept");
    }
}
