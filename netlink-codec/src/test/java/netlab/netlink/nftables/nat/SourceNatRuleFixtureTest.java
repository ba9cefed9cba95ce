package netlab.netlink.nftables.nat;

import static netlab.netlink.nftables.NftFixtures.assertTransactionEncodesTo;
import static netlab.netlink.nftables.NftFixtures.decodeTransaction;
import static netlab.netlink.nftables.nat.IpFamily.IPV4;
import static netlab.netlink.nftables.nat.IpFamily.IPV6;
import static netlab.netlink.nftables.nat.Literals.ip;
import static netlab.netlink.nftables.nat.Literals.prefix;
import static netlab.netlink.nftables.nat.SourceNatRule.masquerade;
import static netlab.netlink.nftables.nat.SourceNatRule.snat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import netlab.netlink.NlMessage;
import netlab.netlink.nftables.NftRequests;
import netlab.netlink.nftables.NftTypes;
import netlab.netlink.nftables.RuleMessage;
import netlab.netlink.testing.Fixture;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every form of the NAT grammar against what nft 1.0.6 sent for the same text: the model built
 * here encodes to nft's bytes, nft's bytes decode to the model, and the model's text is the text
 * nft was given (written as {@code nft list} prints it).
 */
class SourceNatRuleFixtureTest {
    private static final String TABLE = "netlab-LAB";
    private static final String CHAIN = "postrouting";
    /** The capture command gives nft the rule text as one argument: {@code ... postrouting 'TEXT' | tools/strace-hex ...}. */
    private static final Pattern RULE_TEXT = Pattern.compile("-- nft add rule (ip6?) netlab-LAB postrouting '(.*)' \\| tools/strace-hex");

    static Stream<Arguments> fixtures() {
        return Stream.of(
                arguments("nat-masquerade-ip", masquerade(IPV4)),
                arguments("nat-snat-ip", snat(ip("198.51.100.209"))),
                arguments("nat-saddr-masquerade-ip", masquerade(IPV4).withSource(prefix("192.168.0.0/24"))),
                arguments("nat-daddr-snat-ip", snat(ip("198.51.100.1")).withDestination(prefix("10.1.0.0/20"))),
                arguments("nat-daddr-not-masquerade-ip", masquerade(IPV4).withDestination(prefix("!= 172.31.0.0/16"))),
                arguments("nat-saddr-daddr-snat-ip", snat(ip("198.51.100.209")).withSource(prefix("172.31.37.209"))
                        .withDestination(prefix("!= 172.31.0.0/16"))),
                arguments("nat-oifname-masquerade-ip", masquerade(IPV4).withOutInterface("wan")),
                arguments("nat-oifname-saddr-daddr-masquerade-ip", masquerade(IPV4).withOutInterface("ëth0")
                        .withSource(prefix("10.0.0.0/8")).withDestination(prefix("203.0.113.7"))),
                arguments("nat-all-ip", snat(ip("192.0.2.1")).withOutInterface("uplink.4094-a_b")
                        .withSource(prefix("!= 10.0.0.0/31")).withDestination(prefix("128.0.0.0/1"))),
                arguments("nat-masquerade-ip6", masquerade(IPV6)),
                arguments("nat-snat-ip6", snat(ip("2001:db8::1"))),
                arguments("nat-saddr-masquerade-ip6", masquerade(IPV6).withSource(prefix("2001:db8:1::/64"))),
                arguments("nat-daddr-snat-ip6", snat(ip("2001:db8:ffff::1")).withDestination(prefix("2001:db8:10::/60"))),
                arguments("nat-daddr-not-masquerade-ip6", masquerade(IPV6).withDestination(prefix("!= 2001:db8::/48"))),
                arguments("nat-saddr-daddr-snat-ip6", snat(ip("::ffff:198.51.100.9")).withSource(prefix("2001:db8:1::5"))
                        .withDestination(prefix("!= 2001:db8::/32"))),
                arguments("nat-oifname-masquerade-ip6", masquerade(IPV6).withOutInterface("wan*")),
                arguments("nat-all-ip6", snat(ip("2001:db8::ffff:1")).withOutInterface("lan-ñ")
                        .withSource(prefix("!= fd00::/127")).withDestination(prefix("8000::/1"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void modelEncodesToWhatNftSent(String fixture, SourceNatRule rule) {
        assertTransactionEncodesTo(NftRequests.appendRule(rule.appendTo(TABLE, CHAIN)), path(fixture));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void whatNftSentDecodesToTheModel(String fixture, SourceNatRule rule) {
        NlMessage request = decodeTransaction(path(fixture));

        assertThat(request.type()).isEqualTo(NftTypes.type(NftTypes.NFT_MSG_NEWRULE));
        RuleMessage sent = (RuleMessage) request.payload();
        assertThat(sent.table()).contains(TABLE);
        assertThat(sent.chain()).contains(CHAIN);
        assertThat(SourceNatRule.fromExpressions(sent.header().family(), sent.expressions().orElseThrow())).contains(rule);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void textIsWhatNftWasGiven(String fixture, SourceNatRule rule) {
        Matcher command = RULE_TEXT.matcher(Fixture.load(path(fixture)).capture());

        assertThat(command.find()).as("capture command of %s", fixture).isTrue();
        assertThat(command.group(1)).isEqualTo(rule.family().keyword());
        assertThat(rule.text()).isEqualTo(command.group(2));
    }

    private static String path(String fixture) {
        return "nftables/" + fixture + ".txt";
    }
}
