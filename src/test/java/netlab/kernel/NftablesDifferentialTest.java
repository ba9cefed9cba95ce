package netlab.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import netlab.netlink.NlMessage;
import netlab.netlink.nftables.ChainMessage;
import netlab.netlink.nftables.Expression;
import netlab.netlink.nftables.NatExpression;
import netlab.netlink.nftables.NfProto;
import netlab.netlink.nftables.NftRequests;
import netlab.netlink.nftables.NftablesDecoder;
import netlab.netlink.nftables.RuleMessage;
import netlab.netlink.nftables.TableMessage;
import netlab.netlink.nftables.nat.IpFamily;
import netlab.netlink.nftables.nat.PrefixMatch;
import netlab.netlink.nftables.nat.SourceNatRule;
import netlab.sys.Errno;
import netlab.sys.NetlinkSocket;
import netlab.testing.Json;
import netlab.testing.KernelTest;
import netlab.testing.Shell;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * An nf_tables transaction sent through the channel is exactly what {@code nft -j} and
 * {@code nft list} report, and what the kernel dumps back reads as what was sent.
 */
@KernelTest
class NftablesDifferentialTest {
    private static final String NODE = "diff-nft";
    private static final String TABLE = "netlab-test";

    private Kernel kernel;
    private NetNamespace node;
    private NetlinkChannel netfilter;

    @BeforeEach
    void setUp() {
        kernel = new Kernel();
        node = NamedNamespaces.create(NODE);
        netfilter = kernel.channel(node, NetlinkSocket.NETLINK_NETFILTER, NftablesDecoder.INSTANCE);
    }

    @AfterEach
    void tearDown() {
        kernel.close();
        node.close();
        NamedNamespaces.delete(NODE);
    }

    private void transaction(String what, List<NlMessage> changes) {
        NftablesTransaction.apply(netfilter, what, changes);
    }

    @Test
    void masqueradeRuleIsWhatNftReports() throws Exception {
        transaction("add NAT for 192.168.0.0/24", List.of(
                NftRequests.newTable(TableMessage.add(NfProto.NFPROTO_IPV4, TABLE)),
                NftRequests.newChain(ChainMessage.natPostrouting(NfProto.NFPROTO_IPV4, TABLE, "postrouting")),
                NftRequests.appendRule(SourceNatRule.masquerade(IpFamily.IPV4).withOutInterface("eth0")
                        .withSource(PrefixMatch.of(InetAddress.getByName("192.168.0.0"), 24))
                        .withDestination(PrefixMatch.not(InetAddress.getByName("172.31.0.0"), 16))
                        .appendTo(TABLE, "postrouting"))));

        JsonNode ruleset = Json.of("ip", "netns", "exec", NODE, "nft", "-j", "list", "ruleset").get("nftables");
        List<String> objects = new ArrayList<>();
        for (JsonNode entry : ruleset) {
            if (entry.has("chain")) {
                JsonNode chain = entry.get("chain");
                objects.add("chain " + chain.get("family").asText() + " " + chain.get("table").asText() + " "
                        + chain.get("name").asText() + " " + chain.get("type").asText() + " " + chain.get("hook").asText()
                        + " " + chain.get("prio").asInt() + " " + chain.get("policy").asText());
            } else if (entry.has("rule")) {
                objects.add("rule " + entry.get("rule").get("expr"));
            } else if (entry.has("table")) {
                objects.add("table " + entry.get("table").get("family").asText() + " " + entry.get("table").get("name").asText());
            }
        }
        assertThat(objects).containsExactly(
                "table ip " + TABLE,
                "chain ip " + TABLE + " postrouting nat postrouting 100 accept",
                "rule [{\"match\":{\"op\":\"==\",\"left\":{\"meta\":{\"key\":\"oifname\"}},\"right\":\"eth0\"}},"
                        + "{\"match\":{\"op\":\"==\",\"left\":{\"payload\":{\"protocol\":\"ip\",\"field\":\"saddr\"}},"
                        + "\"right\":{\"prefix\":{\"addr\":\"192.168.0.0\",\"len\":24}}}},"
                        + "{\"match\":{\"op\":\"!=\",\"left\":{\"payload\":{\"protocol\":\"ip\",\"field\":\"daddr\"}},"
                        + "\"right\":{\"prefix\":{\"addr\":\"172.31.0.0\",\"len\":16}}}},{\"masquerade\":null}]");
    }

    /** Every form of the NAT grammar: nft lists each rule as exactly its {@link SourceNatRule#text()}. */
    @ParameterizedTest
    @EnumSource(IpFamily.class)
    void nftListsEveryNatRuleAsItsText(IpFamily family) {
        List<SourceNatRule> rules = NatRuleForms.of(family);
        install(family, rules);

        String listing = Shell.check("ip", "netns", "exec", NODE, "nft", "list", "table", family.keyword(), TABLE);

        assertThat(ruleLines(listing)).as(listing).containsExactlyElementsOf(rules.stream().map(SourceNatRule::text).toList());
    }

    /** Every form of the NAT grammar: the kernel's dump, through the channel, reads back as the same models. */
    @ParameterizedTest
    @EnumSource(IpFamily.class)
    void theKernelsDumpOfTheNatRulesReadsBackAsTheModels(IpFamily family) {
        List<SourceNatRule> rules = NatRuleForms.of(family);
        install(family, rules);

        List<List<Expression>> dumped = dumpedRules(family);

        assertThat(dumped.stream().map(expressions -> SourceNatRule.fromExpressions(family.nfproto(), expressions)))
                .containsExactlyElementsOf(rules.stream().map(Optional::of).toList());
        // The dump is the kernel's form, not an echo of the request: nat written out in full.
        assertThat(dumped.get(1).getLast()).isInstanceOfSatisfying(NatExpression.class,
                nat -> assertThat(nat.flags()).contains(NatExpression.NF_NAT_RANGE_MAP_IPS));
    }

    /** Every form of the NAT grammar: nft reads each {@link SourceNatRule#text()} as that very rule. */
    @ParameterizedTest
    @EnumSource(IpFamily.class)
    void nftReadsEveryNatRuleTextAsTheRule(IpFamily family, @TempDir Path directory) throws IOException {
        List<SourceNatRule> rules = NatRuleForms.of(family);
        Path ruleset = directory.resolve("nat.nft");
        Files.writeString(ruleset, "table " + family.keyword() + " " + TABLE + " {\n  chain postrouting {\n"
                + "    type nat hook postrouting priority srcnat;\n"
                + rules.stream().map(rule -> "    " + rule.text() + "\n").collect(Collectors.joining()) + "  }\n}\n");

        Shell.check("ip", "netns", "exec", NODE, "nft", "-f", ruleset.toString());

        assertThat(dumpedRules(family).stream().map(expressions -> SourceNatRule.fromExpressions(family.nfproto(), expressions)))
                .containsExactlyElementsOf(rules.stream().map(Optional::of).toList());
    }

    @Test
    void aFailingTransactionChangesNothingAndSaysWhy() {
        // The chain names a table that the batch does not create: the whole batch is refused.
        assertThatThrownBy(() -> transaction("add NAT to a missing table", List.of(
                NftRequests.newTable(TableMessage.add(NfProto.NFPROTO_IPV4, TABLE)),
                NftRequests.newChain(ChainMessage.natPostrouting(NfProto.NFPROTO_IPV4, "no-such-table", "postrouting")))))
                .isInstanceOfSatisfying(KernelException.class, e -> assertThat(e.errno()).isEqualTo(Errno.ENOENT))
                .hasMessageStartingWith("add NAT to a missing table: ENOENT");

        assertThat(Shell.check("ip", "netns", "exec", NODE, "nft", "list", "ruleset")).isEmpty();
    }

    private void install(IpFamily family, List<SourceNatRule> rules) {
        List<NlMessage> changes = new ArrayList<>(List.of(NftRequests.newTable(TableMessage.add(family.nfproto(), TABLE)),
                NftRequests.newChain(ChainMessage.natPostrouting(family.nfproto(), TABLE, "postrouting"))));
        rules.forEach(rule -> changes.add(NftRequests.appendRule(rule.appendTo(TABLE, "postrouting"))));
        transaction("add the " + family.keyword() + " NAT rules", changes);
    }

    /** The expressions of every rule of the family's table, as the kernel dumps them to netlab's channel. */
    private List<List<Expression>> dumpedRules(IpFamily family) {
        List<List<Expression>> dumped = new ArrayList<>();
        for (NlMessage reply : netfilter.call(new NetlinkRequest("list the NAT rules", NftRequests.dumpRules(family.nfproto(), TABLE)))) {
            if (reply.payload() instanceof RuleMessage rule) {
                dumped.add(rule.expressions().orElseThrow());
            }
        }
        return dumped;
    }

    /** The rules of the one chain in {@code nft list table}'s output: the lines after its type line. */
    private static List<String> ruleLines(String listing) {
        List<String> lines = listing.lines().map(String::strip).toList();
        int type = lines.indexOf("type nat hook postrouting priority srcnat; policy accept;");
        return lines.subList(type + 1, lines.indexOf("}"));
    }
}
