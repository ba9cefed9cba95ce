package netlab.kernel;

import static netlab.netlink.nftables.nat.IpFamily.IPV4;
import static netlab.netlink.nftables.nat.IpFamily.IPV6;
import static netlab.netlink.nftables.nat.SourceNatRule.masquerade;
import static netlab.netlink.nftables.nat.SourceNatRule.snat;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import netlab.netlink.NlMessage;
import netlab.netlink.nftables.ChainMessage;
import netlab.netlink.nftables.Expression;
import netlab.netlink.nftables.NatExpression;
import netlab.netlink.nftables.NftRequests;
import netlab.netlink.nftables.NftablesDecoder;
import netlab.netlink.nftables.RuleMessage;
import netlab.netlink.nftables.TableMessage;
import netlab.netlink.nftables.nat.IpFamily;
import netlab.netlink.nftables.nat.PrefixMatch;
import netlab.netlink.nftables.nat.SourceNatRule;
import netlab.sys.NetlinkSocket;
import netlab.testing.KernelTest;
import netlab.testing.Shell;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every form of the NAT grammar, sent through netlab's channel into a fresh namespace: nft lists
 * each rule as exactly its {@link SourceNatRule#text()}, and the kernel's dump of the rules reads
 * back as the same models.
 */
@KernelTest
class NatRuleDifferentialTest {
    private static final String NODE = "diff-nat";
    private static final String TABLE = "netlab-test";
    private static final String CHAIN = "postrouting";

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

    static List<SourceNatRule> rules(IpFamily family) {
        return family == IPV4 ? List.of(
                masquerade(IPV4),
                snat(ip("198.51.100.209")),
                masquerade(IPV4).withSource(in("192.168.0.0", 24)),
                snat(ip("198.51.100.1")).withDestination(in("10.1.0.0", 20)),
                masquerade(IPV4).withDestination(PrefixMatch.not(ip("172.31.0.0"), 16)),
                masquerade(IPV4).withSource(PrefixMatch.not(ip("10.0.0.0"), 31)).withDestination(in("128.0.0.0", 1)),
                snat(ip("198.51.100.209")).withSource(in("172.31.37.209", 32)).withDestination(PrefixMatch.not(ip("172.31.0.0"), 16)),
                masquerade(IPV4).withOutInterface("wan"),
                snat(ip("192.0.2.1")).withOutInterface("uplink.4094-a_b").withSource(in("10.0.0.0", 8))
                        .withDestination(in("203.0.113.7", 32)),
                masquerade(IPV4).withOutInterface("ëth0"),
                masquerade(IPV4).withOutInterface("wan*"),
                masquerade(IPV4).withOutInterface("a#b$c'd{e};"),
                masquerade(IPV4).withOutInterface("x\\"))
            : List.of(
                masquerade(IPV6),
                snat(ip("2001:db8::1")),
                masquerade(IPV6).withSource(in("2001:db8:1::", 64)),
                snat(ip("2001:db8:ffff::1")).withDestination(in("2001:db8:10::", 60)),
                masquerade(IPV6).withDestination(PrefixMatch.not(ip("2001:db8::"), 48)),
                snat(mapped("198.51.100.9")).withSource(in("2001:db8:1::5", 128)).withDestination(PrefixMatch.not(ip("2001:db8::"), 32)),
                masquerade(IPV6).withSource(PrefixMatch.not(ip("fd00::"), 127)).withDestination(in("8000::", 1)),
                masquerade(IPV6).withSource(PrefixMatch.of(mapped("1.2.3.0"), 120)).withDestination(in("::", 1)),
                snat(ip("2001:db8::ffff:1")).withOutInterface("lan-ñ").withSource(in("fe80::", 10)).withDestination(in("::2", 128)),
                snat(ip("::1.2.3.4")).withOutInterface("123456789012345"));
    }

    @ParameterizedTest
    @EnumSource(IpFamily.class)
    void nftListsEveryRuleAsItsText(IpFamily family) {
        List<SourceNatRule> rules = rules(family);
        install(family, rules);

        String listing = Shell.check("ip", "netns", "exec", NODE, "nft", "list", "table", family.keyword(), TABLE);

        assertThat(ruleLines(listing)).as(listing).containsExactlyElementsOf(rules.stream().map(SourceNatRule::text).toList());
    }

    @ParameterizedTest
    @EnumSource(IpFamily.class)
    void theKernelsDumpReadsBackAsTheRules(IpFamily family) {
        List<SourceNatRule> rules = rules(family);
        install(family, rules);

        List<List<Expression>> dumped = new ArrayList<>();
        for (NlMessage reply : netfilter.call(new NetlinkRequest("list the NAT rules", NftRequests.dumpRules(family.nfproto(), TABLE)))) {
            if (reply.payload() instanceof RuleMessage rule) {
                dumped.add(rule.expressions().orElseThrow());
            }
        }

        assertThat(dumped.stream().map(expressions -> SourceNatRule.fromExpressions(family.nfproto(), expressions)))
                .containsExactlyElementsOf(rules.stream().map(Optional::of).toList());
        // The dump is the kernel's form, not an echo of the request: nat written out in full.
        assertThat(dumped.get(1).getLast()).isInstanceOfSatisfying(NatExpression.class,
                nat -> assertThat(nat.flags()).contains(NatExpression.NF_NAT_RANGE_MAP_IPS));
    }

    private void install(IpFamily family, List<SourceNatRule> rules) {
        List<NlMessage> changes = new ArrayList<>(List.of(NftRequests.newTable(TableMessage.add(family.nfproto(), TABLE)),
                NftRequests.newChain(ChainMessage.natPostrouting(family.nfproto(), TABLE, CHAIN))));
        rules.forEach(rule -> changes.add(NftRequests.appendRule(rule.appendTo(TABLE, CHAIN))));
        NftablesTransaction.apply(netfilter, "add the " + family.keyword() + " NAT rules", changes);
    }

    /** The rules of the one chain in {@code nft list table}'s output: the lines after its type line. */
    private static List<String> ruleLines(String listing) {
        List<String> lines = listing.lines().map(String::strip).toList();
        int type = lines.indexOf("type nat hook postrouting priority srcnat; policy accept;");
        return lines.subList(type + 1, lines.indexOf("}"));
    }

    private static PrefixMatch in(String network, int length) {
        return PrefixMatch.of(ip(network), length);
    }

    private static InetAddress ip(String literal) {
        try {
            return InetAddress.getByName(literal); // a literal: no lookup
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    /** {@code ::ffff:IPV4} as an Inet6Address (InetAddress.getByName would make it IPv4). */
    private static InetAddress mapped(String ipv4) {
        byte[] bytes = new byte[16];
        bytes[10] = bytes[11] = (byte) 0xff;
        System.arraycopy(ip(ipv4).getAddress(), 0, bytes, 12, 4);
        try {
            return Inet6Address.getByAddress(null, bytes, -1);
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
    }
}
