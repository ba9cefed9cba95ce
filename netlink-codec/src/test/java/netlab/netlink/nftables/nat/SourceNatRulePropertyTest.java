package netlab.netlink.nftables.nat;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import netlab.netlink.NetlinkCodec;
import netlab.netlink.NlMessage;
import netlab.netlink.NlMsgHeader;
import netlab.netlink.NlmFlags;
import netlab.netlink.nftables.BitwiseExpression;
import netlab.netlink.nftables.Expression;
import netlab.netlink.nftables.NatExpression;
import netlab.netlink.nftables.Nesting;
import netlab.netlink.nftables.NfGenMsg;
import netlab.netlink.nftables.NfProto;
import netlab.netlink.nftables.NftRequests;
import netlab.netlink.nftables.NftTypes;
import netlab.netlink.nftables.NftablesDecoder;
import netlab.netlink.nftables.RuleAttribute;
import netlab.netlink.nftables.RuleMessage;
import netlab.netlink.testing.Property;
import org.junit.jupiter.api.Test;

/** Random rules of both families through bytes and back, as nft sends them and as the kernel dumps them; and damaged ones. */
class SourceNatRulePropertyTest {
    @Test
    void randomRulesComeBackFromTheirBytes() {
        Property.forAll("nat rules through bytes", 3000, random -> {
            SourceNatRule rule = NatGenerators.rule(random);

            RuleMessage decoded = throughBytes(NftRequests.appendRule(rule.appendTo("netlab-LAB", "postrouting")));

            SourceNatRule again = SourceNatRule.fromExpressions(decoded.header().family(), decoded.expressions().orElseThrow())
                    .orElseThrow(() -> new AssertionError("no rule read back from " + rule.text()));
            assertThat(again).isEqualTo(rule);
            assertThat(again.text()).isEqualTo(rule.text());
        });
    }

    @Test
    void randomRulesComeBackFromTheKernelsDumpOfThem() {
        Property.forAll("nat rules dumped", 2000, random -> {
            SourceNatRule rule = NatGenerators.rule(random);
            // The kernel's form: no NLA_F_NESTED, a handle, nat and bitwise with every attribute written out.
            RuleMessage dump = new RuleMessage(NfGenMsg.of(rule.family().nfproto()), List.of(new RuleAttribute.Table("t"),
                    new RuleAttribute.Chain("c"), new RuleAttribute.Handle(random.nextLong(1, 1 << 20)),
                    new RuleAttribute.Expressions(rule.expressions().stream().map(SourceNatRulePropertyTest::asDumped).toList(),
                            Nesting.PLAIN)));

            RuleMessage decoded = throughBytes(new NlMessage(new NlMsgHeader(0, NftTypes.type(NftTypes.NFT_MSG_NEWRULE),
                    NlmFlags.NLM_F_MULTI, random.nextInt(), 0), dump));

            assertThat(SourceNatRule.fromExpressions(decoded.header().family(), decoded.expressions().orElseThrow())).contains(rule);
        });
    }

    /**
     * A damaged rule never reads back as another rule whose text hides the damage: it reads as
     * nothing, or as a rule that compiles to exactly the damaged expressions (dropping a negation's
     * {@code !=} from a cmp really is another rule).
     */
    @Test
    void damagedExpressionsReadAsNothingOrAsExactlyWhatTheyAre() {
        AtomicInteger refused = new AtomicInteger();
        AtomicInteger other = new AtomicInteger();
        Property.forAll("nat rules damaged", 10_000, random -> {
            SourceNatRule rule = NatGenerators.rule(random);
            boolean familyChanged = random.nextInt(6) == 0;
            List<Expression> damaged = familyChanged ? rule.expressions() : NatMutations.mutate(random, rule.expressions());
            int nfproto = familyChanged ? List.of(NfProto.NFPROTO_INET, other(rule.family()).nfproto()).get(random.nextInt(2))
                    : rule.family().nfproto();

            Optional<SourceNatRule> read = SourceNatRule.fromExpressions(nfproto, damaged);

            if (read.isEmpty()) {
                refused.incrementAndGet();
                return;
            }
            assertThat(read.get().family().nfproto()).isEqualTo(nfproto);
            assertThat(read.get().expressions()).as("read %s from %s", read.get().text(), damaged)
                    .isEqualTo(damaged.stream().map(SourceNatRulePropertyTest::asSent).toList());
            if (!read.get().equals(rule)) {
                other.incrementAndGet();
            }
        });
        // Both outcomes happen: the damage is neither always fatal nor always harmless.
        assertThat(refused.get()).isGreaterThan(5000);
        assertThat(other.get()).isGreaterThan(100);
    }

    private static IpFamily other(IpFamily family) {
        return family == IpFamily.IPV4 ? IpFamily.IPV6 : IpFamily.IPV4;
    }

    /** How nf_tables_api.c dumps what nft sent: nft_nat_dump adds the max register and MAP_IPS, nft_bitwise_dump the op. */
    private static Expression asDumped(Expression sent) {
        if (sent instanceof NatExpression n) {
            return new NatExpression(n.type(), n.family(), n.addressMin(), n.addressMin(), n.protoMin(), n.protoMax(),
                    Optional.of(NatExpression.NF_NAT_RANGE_MAP_IPS));
        }
        if (sent instanceof BitwiseExpression b) {
            return new BitwiseExpression(b.source(), b.destination(), b.length(), Optional.of(BitwiseExpression.NFT_BITWISE_BOOL),
                    b.mask(), b.xor());
        }
        return sent;
    }

    /** What nft sent for an expression in the kernel's dumped form (the inverse of {@link #asDumped}). */
    private static Expression asSent(Expression expression) {
        if (expression instanceof NatExpression n && n.addressMax().equals(n.addressMin())
                && n.flags().equals(Optional.of(NatExpression.NF_NAT_RANGE_MAP_IPS))) {
            return new NatExpression(n.type(), n.family(), n.addressMin(), Optional.empty(), n.protoMin(), n.protoMax(), Optional.empty());
        }
        if (expression instanceof BitwiseExpression b && b.op().equals(Optional.of(BitwiseExpression.NFT_BITWISE_BOOL))) {
            return new BitwiseExpression(b.source(), b.destination(), b.length(), Optional.empty(), b.mask(), b.xor());
        }
        return expression;
    }

    private static RuleMessage throughBytes(NlMessage message) {
        ByteBuf bytes = Unpooled.buffer();
        NetlinkCodec.encode(message, bytes);
        List<NlMessage> decoded = NetlinkCodec.decode(bytes, NftablesDecoder.INSTANCE);
        assertThat(decoded).hasSize(1);
        return (RuleMessage) decoded.getFirst().payload();
    }
}
