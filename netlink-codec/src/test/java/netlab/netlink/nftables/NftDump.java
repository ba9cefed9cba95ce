package netlab.netlink.nftables;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import netlab.netlink.NetlinkCodec;
import netlab.netlink.NlMessage;
import netlab.netlink.testing.Fixture;
import netlab.netlink.testing.Oracle;

/**
 * A captured reply to {@code nft list ruleset} with what {@code nft -j list ruleset} printed for the
 * same state, and the comparisons of its chains and rules with that JSON.
 */
final class NftDump {
    final Fixture fixture;
    final List<NlMessage> messages;
    private final JsonNode oracle;

    NftDump(String fixturePath, String jsonPath) {
        fixture = Fixture.load(fixturePath);
        messages = NetlinkCodec.decode(fixture.buffer(), NftablesDecoder.INSTANCE);
        oracle = Oracle.load(jsonPath).get("nftables");
    }

    <P> List<P> payloads(Class<P> kind) {
        return messages.stream().map(NlMessage::payload).filter(kind::isInstance).map(kind::cast).toList();
    }

    /** The JSON objects of one kind ({@code "table"}, {@code "chain"}, {@code "rule"}), in nft's order. */
    List<JsonNode> objects(String kind) {
        List<JsonNode> found = new ArrayList<>();
        oracle.forEach(item -> {
            if (item.has(kind)) {
                found.add(item.get(kind));
            }
        });
        return found;
    }

    /** Each decoded table's family, name and handle are what nft -j printed. */
    void assertTablesMatchNftJson(int count) {
        List<String> decoded = new ArrayList<>();
        for (TableMessage table : payloads(TableMessage.class)) {
            decoded.add(NfProto.name(table.header().family()) + " " + table.name().orElseThrow() + " handle "
                    + table.handle().orElseThrow());
        }
        List<String> expected = new ArrayList<>();
        for (JsonNode table : objects("table")) {
            expected.add(table.get("family").asText() + " " + table.get("name").asText() + " handle " + table.get("handle").asLong());
        }
        assertThat(decoded).hasSize(count).containsExactlyElementsOf(expected);
    }

    /** Each decoded chain's family, table, name, handle, type, hook, priority and policy are what nft -j printed. */
    void assertChainsMatchNftJson(int count) {
        List<String> decoded = new ArrayList<>();
        for (ChainMessage chain : payloads(ChainMessage.class)) {
            ChainHook hook = chain.hook().orElseThrow();
            decoded.add(String.join(" ", NfProto.name(chain.header().family()), chain.table().orElseThrow(),
                    chain.name().orElseThrow(), "handle " + chain.handle().orElseThrow(), chain.type().orElseThrow(),
                    hookName(chain.header().family(), hook.hook()), "prio " + hook.priority(),
                    chain.policy().orElseThrow() == NftData.NF_ACCEPT ? "accept" : "drop"));
        }
        List<String> expected = new ArrayList<>();
        for (JsonNode chain : objects("chain")) {
            expected.add(String.join(" ", chain.get("family").asText(), chain.get("table").asText(), chain.get("name").asText(),
                    "handle " + chain.get("handle").asLong(), chain.get("type").asText(), chain.get("hook").asText(),
                    "prio " + chain.get("prio").asInt(), chain.get("policy").asText()));
        }
        assertThat(decoded).hasSize(count).containsExactlyElementsOf(expected);
    }

    /** Each decoded rule's place, handle and statements (rendered by {@link NftJson}) are what nft -j printed. */
    void assertRulesMatchNftJson(int count) {
        List<RuleMessage> rules = payloads(RuleMessage.class);
        List<JsonNode> expected = objects("rule");
        assertThat(rules).hasSize(count).hasSameSizeAs(expected);
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

    /** The hook as nft -j names it: the netdev family has its own hooks. */
    private static String hookName(int family, int hook) {
        if (family == NfProto.NFPROTO_NETDEV) {
            return switch (hook) {
                case ChainHook.NF_NETDEV_INGRESS -> "ingress";
                case ChainHook.NF_NETDEV_EGRESS -> "egress";
                default -> "hook " + hook;
            };
        }
        return switch (hook) {
            case ChainHook.NF_INET_PRE_ROUTING -> "prerouting";
            case ChainHook.NF_INET_LOCAL_IN -> "input";
            case ChainHook.NF_INET_FORWARD -> "forward";
            case ChainHook.NF_INET_LOCAL_OUT -> "output";
            case ChainHook.NF_INET_POST_ROUTING -> "postrouting";
            default -> "hook " + hook;
        };
    }
}
