package netlab.netlink.nftables;

import static netlab.netlink.nftables.NftFixtures.assertTransactionEncodesTo;
import static netlab.netlink.nftables.NftFixtures.decodeTransaction;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.util.List;
import java.util.Optional;
import netlab.netlink.NlMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The rules netlab installs, against what nft sent for the same rule text. */
class NatRuleTest {
    private static final InetAddress LAN = address("192.168.0.0");
    private static final InetAddress LAB = address("172.31.0.0");
    private static final InetAddress SNAT_ADDRESS = address("172.31.37.209");

    private static NatRuleBuilder postrouting(int family) {
        return NatRuleBuilder.rule(family, "netlab-LAB", "postrouting");
    }

    /** oifname "eth0" ip saddr 192.168.0.0/24 ip daddr != 172.31.0.0/16 masquerade */
    private static RuleMessage oifnameMasquerade(int family) {
        return postrouting(family).matchOutputInterface("eth0").matchSource(LAN, 24).matchDestinationNot(LAB, 16)
                .masquerade().build();
    }

    /** ip saddr 192.168.0.0/24 masquerade */
    private static RuleMessage saddrMasquerade(int family) {
        return postrouting(family).matchSource(LAN, 24).masquerade().build();
    }

    /** ip daddr != 172.31.0.0/16 snat to 172.31.37.209 */
    private static RuleMessage daddrSnat(int family) {
        return postrouting(family).matchDestinationNot(LAB, 16).snatTo(SNAT_ADDRESS).build();
    }

    private static RuleMessage rule(String kind, int family) {
        return switch (kind) {
            case "oifname-masquerade" -> oifnameMasquerade(family);
            case "saddr-masquerade" -> saddrMasquerade(family);
            case "daddr-snat" -> daddrSnat(family);
            default -> throw new IllegalArgumentException(kind);
        };
    }

    @ParameterizedTest
    @CsvSource({"oifname-masquerade, ip, 2", "oifname-masquerade, inet, 1", "saddr-masquerade, ip, 2",
            "saddr-masquerade, inet, 1", "daddr-snat, ip, 2", "daddr-snat, inet, 1"})
    void builtRuleEncodesAsNftAddRule(String kind, String family, int nfproto) {
        assertTransactionEncodesTo(NftRequests.appendRule(rule(kind, nfproto)), "nftables/rule-" + kind + "-" + family + ".txt");
    }

    @ParameterizedTest
    @CsvSource({"oifname-masquerade, ip, 2", "oifname-masquerade, inet, 1", "saddr-masquerade, ip, 2",
            "saddr-masquerade, inet, 1", "daddr-snat, ip, 2", "daddr-snat, inet, 1"})
    void nftAddRuleDecodesToTheBuiltRule(String kind, String family, int nfproto) {
        NlMessage request = decodeTransaction("nftables/rule-" + kind + "-" + family + ".txt");

        assertThat(request.type()).isEqualTo(NftTypes.type(NftTypes.NFT_MSG_NEWRULE));
        assertThat(request.flags()).isEqualTo(NftRequests.appendRule(rule(kind, nfproto)).flags());
        assertThat(request.payload()).isEqualTo(rule(kind, nfproto));
        assertThat(((RuleMessage) request.payload()).expressions().orElseThrow()).noneMatch(RawExpression.class::isInstance);
    }

    @Test
    void inetRulesCheckTheFamilyOnceBeforeTheFirstIpv4Match() {
        List<Expression> expressions = oifnameMasquerade(NfProto.NFPROTO_INET).expressions().orElseThrow();

        assertThat(expressions).extracting(Expression::name)
                .containsExactly("meta", "cmp", "meta", "cmp", "payload", "cmp", "payload", "cmp", "masq");
        assertThat(expressions.get(2)).isEqualTo(MetaExpression.load(MetaExpression.NFT_META_NFPROTO, 1));
        assertThat(saddrMasquerade(NfProto.NFPROTO_IPV4).expressions().orElseThrow()).extracting(Expression::name)
                .containsExactly("payload", "cmp", "masq");
    }

    @Test
    void unalignedPrefixCounterAndAcceptEncodeAsNft() {
        // ip saddr 10.1.0.0/20 counter accept: the builder's prefix match plus counter and verdict.
        List<Expression> match = postrouting(NfProto.NFPROTO_IPV4).matchSource(address("10.1.2.3"), 20).build()
                .expressions().orElseThrow();
        RuleMessage rule = RuleMessage.append(NfProto.NFPROTO_IPV4, "netlab-LAB", "postrouting",
                concat(match, List.of(CounterExpression.fresh(), ImmediateExpression.verdict(NftData.NF_ACCEPT))));

        assertTransactionEncodesTo(NftRequests.appendRule(rule), "nftables/rule-bitwise-counter-accept-ip.txt");
        assertThat(decodeTransaction("nftables/rule-bitwise-counter-accept-ip.txt").payload()).isEqualTo(rule);
        assertThat(match.get(1)).isEqualTo(BitwiseExpression.mask(1, new byte[] {(byte) 0xff, (byte) 0xff, (byte) 0xf0, 0}));
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

    @Test
    void builderRejectsWhatNftWouldNotCompileThisWay() {
        assertThatThrownBy(() -> postrouting(NfProto.NFPROTO_IPV6)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> postrouting(2).matchSource(address("2001:db8::"), 32)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> postrouting(2).matchSource(LAN, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> postrouting(2).matchOutputInterface("sixteen-chars-xx")).isInstanceOf(IllegalArgumentException.class);
    }

    private static List<Expression> concat(List<Expression> first, List<Expression> second) {
        return java.util.stream.Stream.concat(first.stream(), second.stream()).toList();
    }

    private static InetAddress address(String literal) {
        try {
            return InetAddress.getByName(literal); // a literal: no lookup
        } catch (java.net.UnknownHostException e) {
            throw new AssertionError(e);
        }
    }
}
