package netlab.netlink.nftables;

import static netlab.netlink.nftables.NftFixtures.assertTransactionEncodesTo;
import static netlab.netlink.nftables.NftFixtures.decodeTransaction;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Rules nft compiled (captured), decoded into typed expressions and encoded back: the expression
 * codecs the NAT model ({@code nat.SourceNatRule}) is built from, in shapes beyond the model.
 */
class CapturedRuleExpressionsTest {
    @Test
    void unalignedPrefixCounterAndAcceptEncodeAsNft() {
        // ip saddr 10.1.0.0/20 counter accept: the whole address loaded, masked, compared.
        RuleMessage rule = RuleMessage.append(NfProto.NFPROTO_IPV4, "netlab-LAB", "postrouting", List.of(
                new PayloadExpression(1, PayloadExpression.NFT_PAYLOAD_NETWORK_HEADER, 12, 4),
                BitwiseExpression.mask(1, new byte[] {(byte) 0xff, (byte) 0xff, (byte) 0xf0, 0}),
                CmpExpression.of(1, CmpExpression.NFT_CMP_EQ, new byte[] {10, 1, 0, 0}),
                CounterExpression.fresh(), ImmediateExpression.verdict(NftData.NF_ACCEPT)));

        assertTransactionEncodesTo(NftRequests.appendRule(rule), "nftables/rule-bitwise-counter-accept-ip.txt");
        assertThat(decodeTransaction("nftables/rule-bitwise-counter-accept-ip.txt").payload()).isEqualTo(rule);
    }

    @Test
    void masqueradeWithPortRangeDecodesTyped() {
        // meta l4proto tcp masquerade to :1024-65535 random
        RuleMessage rule = RuleMessage.append(NfProto.NFPROTO_IPV4, "netlab-LAB", "postrouting", List.of(
                MetaExpression.load(MetaExpression.NFT_META_L4PROTO, 1),
                CmpExpression.of(1, CmpExpression.NFT_CMP_EQ, new byte[] {6}),
                new ImmediateExpression(1, new NftData.Value(new byte[] {0x04, 0x00})),
                new ImmediateExpression(2, new NftData.Value(new byte[] {(byte) 0xff, (byte) 0xff})),
                new MasqExpression(Optional.of(NatExpression.NF_NAT_RANGE_PROTO_SPECIFIED | NatExpression.NF_NAT_RANGE_PROTO_RANDOM),
                        Optional.of(1), Optional.of(2))));

        assertTransactionEncodesTo(NftRequests.appendRule(rule), "nftables/rule-masquerade-ports-ip.txt");
        assertThat(decodeTransaction("nftables/rule-masquerade-ports-ip.txt").payload()).isEqualTo(rule);
    }

    @ParameterizedTest
    @ValueSource(strings = {"rule-oifname-masquerade-inet.txt", "rule-saddr-masquerade-inet.txt", "rule-daddr-snat-inet.txt",
            "rule-oifname-masquerade-ip.txt", "rule-saddr-masquerade-ip.txt", "rule-daddr-snat-ip.txt"})
    void nftsNatRulesDecodeIntoTypedExpressions(String fixture) {
        RuleMessage rule = (RuleMessage) decodeTransaction("nftables/" + fixture).payload();

        assertThat(rule.expressions().orElseThrow()).isNotEmpty().noneMatch(RawExpression.class::isInstance);
    }
}
