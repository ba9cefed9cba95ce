package netlab.netlink.nftables;

import static netlab.netlink.testing.FixtureAssert.assertRoundTrips;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import netlab.netlink.DonePayload;
import netlab.netlink.NetlinkCodec;
import netlab.netlink.NetlinkPrinter;
import netlab.netlink.NlMessage;
import netlab.netlink.NlMsgHeader;
import netlab.netlink.testing.Fixture;
import netlab.netlink.testing.Oracle;
import org.junit.jupiter.api.Test;

/** The kernel's replies to {@code nft list ruleset}, against {@code nft -j list ruleset} in the same namespace. */
class RulesetDumpTest {
    private final Fixture fixture = Fixture.load("nftables/ruleset-dump.txt");
    private final List<NlMessage> messages = NetlinkCodec.decode(fixture.buffer(), NftablesDecoder.INSTANCE);
    private final JsonNode oracle = Oracle.load("nftables/ruleset-dump.json").get("nftables");

    @Test
    void decodeThenEncodeGivesTheKernelsBytes() {
        assertRoundTrips(messages, fixture);
        assertThat(messages).filteredOn(m -> m.type() == NlMsgHeader.NLMSG_DONE)
                .extracting(NlMessage::payload).containsOnly(DonePayload.ok());
    }

    @Test
    void tablesMatchNftJson() {
        List<String> decoded = new ArrayList<>();
        for (TableMessage table : payloads(TableMessage.class)) {
            decoded.add(NfProto.name(table.header().family()) + " " + table.name().orElseThrow() + " handle "
                    + table.handle().orElseThrow());
        }
        List<String> expected = new ArrayList<>();
        for (JsonNode table : objects("table")) {
            expected.add(table.get("family").asText() + " " + table.get("name").asText() + " handle " + table.get("handle").asLong());
        }
        assertThat(decoded).hasSize(2).containsExactlyElementsOf(expected);
    }

    @Test
    void chainsMatchNftJson() {
        List<String> decoded = new ArrayList<>();
        for (ChainMessage chain : payloads(ChainMessage.class)) {
            ChainHook hook = chain.hook().orElseThrow();
            decoded.add(String.join(" ", NfProto.name(chain.header().family()), chain.table().orElseThrow(),
                    chain.name().orElseThrow(), "handle " + chain.handle().orElseThrow(), chain.type().orElseThrow(),
                    hook.hook() == ChainHook.NF_INET_POST_ROUTING ? "postrouting" : "hook " + hook.hook(),
                    "prio " + hook.priority(), chain.policy().orElseThrow() == NftData.NF_ACCEPT ? "accept" : "drop"));
        }
        List<String> expected = new ArrayList<>();
        for (JsonNode chain : objects("chain")) {
            expected.add(String.join(" ", chain.get("family").asText(), chain.get("table").asText(), chain.get("name").asText(),
                    "handle " + chain.get("handle").asLong(), chain.get("type").asText(), chain.get("hook").asText(),
                    "prio " + chain.get("prio").asInt(), chain.get("policy").asText()));
        }
        assertThat(decoded).hasSize(2).containsExactlyElementsOf(expected);
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
        List<RuleMessage> rules = payloads(RuleMessage.class);
        List<JsonNode> expected = objects("rule");
        assertThat(rules).hasSize(7).hasSameSizeAs(expected);
        for (int i = 0; i < rules.size(); i++) {
            RuleMessage rule = rules.get(i);
            JsonNode json = expected.get(i);
            int family = rule.header().family();
            assertThat(NfProto.name(family)).isEqualTo(json.get("family").asText());
            assertThat(rule.table()).contains(json.get("table").asText());
            assertThat(rule.chain()).contains(json.get("chain").asText());
            assertThat(rule.handle()).hasValue(json.get("handle").asLong());
            assertThat(NftJson.statements(family, rule.expressions().orElseThrow()))
                    .as("rule %d of %s", i, json).isEqualTo(json.get("expr"));
        }
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
        return messages.stream().map(NlMessage::payload).filter(kind::isInstance).map(kind::cast).toList();
    }

    private List<JsonNode> objects(String kind) {
        List<JsonNode> found = new ArrayList<>();
        oracle.forEach(item -> {
            if (item.has(kind)) {
                found.add(item.get(kind));
            }
        });
        return found;
    }
}
