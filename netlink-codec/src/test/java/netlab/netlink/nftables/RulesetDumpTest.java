package netlab.netlink.nftables;

import static netlab.netlink.testing.FixtureAssert.assertRoundTrips;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import netlab.netlink.DonePayload;
import netlab.netlink.NetlinkPrinter;
import netlab.netlink.NlMessage;
import netlab.netlink.NlMsgHeader;
import org.junit.jupiter.api.Test;

/** The kernel's replies to {@code nft list ruleset}, against {@code nft -j list ruleset} in the same namespace. */
class RulesetDumpTest {
    private final NftDump dump = new NftDump("nftables/ruleset-dump.txt", "nftables/ruleset-dump.json");
    private final List<NlMessage> messages = dump.messages;

    @Test
    void decodeThenEncodeGivesTheKernelsBytes() {
        assertRoundTrips(messages, dump.fixture);
        assertThat(messages).filteredOn(m -> m.type() == NlMsgHeader.NLMSG_DONE)
                .extracting(NlMessage::payload).containsOnly(DonePayload.ok());
    }

    @Test
    void tablesMatchNftJson() {
        dump.assertTablesMatchNftJson(2);
    }

    @Test
    void chainsMatchNftJson() {
        dump.assertChainsMatchNftJson(2);
    }

    @Test
    void kernelNestsCarryNoNestedFlagAndStillDecodeTyped() {
        for (ChainMessage chain : payloads(ChainMessage.class)) {
            assertThat(chain.attributes()).contains(new ChainAttribute.Hook(chain.hook().orElseThrow(), Nesting.PLAIN));
        }
        for (RuleMessage rule : payloads(RuleMessage.class)) {
            assertThat(rule.attributes()).filteredOn(RuleAttribute.Expressions.class::isInstance)
                    .singleElement().extracting(a -> ((RuleAttribute.Expressions) a).nesting()).isEqualTo(Nesting.PLAIN);
            assertThat(rule.expressions().orElseThrow()).noneMatch(RawExpression.class::isInstance);
        }
    }

    @Test
    void rulesMatchNftJson() {
        dump.assertRulesMatchNftJson(7);
    }

    @Test
    void dumpedRulesCarryWhatTheBuilderSentPlusTheKernelsNatDefaults() {
        RuleMessage dumped = payloads(RuleMessage.class).get(2); // ip daddr != 172.31.0.0/16 snat to 172.31.37.209
        NatExpression nat = (NatExpression) dumped.expressions().orElseThrow().getLast();
        // The kernel reports the max register and NF_NAT_RANGE_MAP_IPS, which nft did not send.
        assertThat(nat.addressMax()).hasValue(1);
        assertThat(nat.flags()).hasValue(NatExpression.NF_NAT_RANGE_MAP_IPS);
    }

    @Test
    void printerNamesEveryExpressionField() {
        String printed = NetlinkPrinter.print(messages, NftablesDecoder.INSTANCE);

        assertThat(printed).contains("NFT_MSG_NEWRULE", "Expressions nesting=PLAIN",
                "NatExpression type=0 family=2 addressMin=1 addressMax=1 protoMin=- protoMax=- flags=1",
                "BitwiseExpression source=1 destination=1 length=4 op=0", "CounterExpression bytes=0 packets=0");
    }

    private <P> List<P> payloads(Class<P> kind) {
        return dump.payloads(kind);
    }
}
