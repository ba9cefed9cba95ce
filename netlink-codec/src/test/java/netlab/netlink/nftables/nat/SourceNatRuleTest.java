package netlab.netlink.nftables.nat;

import static netlab.netlink.nftables.nat.IpFamily.IPV4;
import static netlab.netlink.nftables.nat.IpFamily.IPV6;
import static netlab.netlink.nftables.nat.Literals.ip;
import static netlab.netlink.nftables.nat.Literals.prefix;
import static netlab.netlink.nftables.nat.SourceNatRule.masquerade;
import static netlab.netlink.nftables.nat.SourceNatRule.snat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import netlab.netlink.NetlinkCodec;
import netlab.netlink.NlMessage;
import netlab.netlink.nftables.CounterExpression;
import netlab.netlink.nftables.Expression;
import netlab.netlink.nftables.MasqExpression;
import netlab.netlink.nftables.NfProto;
import netlab.netlink.nftables.NftablesDecoder;
import netlab.netlink.nftables.PayloadExpression;
import netlab.netlink.nftables.RuleMessage;
import netlab.netlink.testing.Fixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The model's rules, its text at the edges, and what the kernel dumps back. */
class SourceNatRuleTest {
    @ParameterizedTest
    @CsvSource({ // as nft 1.0.6 listed rules with these addresses (glibc inet_ntop)
            "0.0.0.0, 0.0.0.0", "255.255.255.255, 255.255.255.255", "::, ::", "::2, ::2", "::1.2.3.4, ::1.2.3.4",
            "1:0:0:1:0:0:0:1, 1:0:0:1::1", "1:0:0:1:1:0:0:1, 1::1:1:0:0:1", "1:0:1:1:1:1:1:1, 1:0:1:1:1:1:1:1",
            "::ffff:0, ::255.255.0.0", "::ffff:0:0, ::ffff:0.0.0.0", "0:0:0:0:0:1:0:0, ::1:0:0", "::1:0:0:0, ::1:0:0:0",
            "::0.0.1.0, ::100", "::1:0, ::0.1.0.0", "64:ff9b::102:304, 64:ff9b::102:304",
            "::ffff:0:102:304, ::ffff:0:102:304", "2001:db8:0:0:1::, 2001:db8:0:0:1::", "::ffff:1.2.3.4, ::ffff:1.2.3.4",
            "2001:DB8:0:0:0:0:0:1, 2001:db8::1", "fe80::, fe80::"})
    void addressesAreWrittenAsNftPrintsThem(String literal, String nft) {
        assertThat(AddressText.format(ip(literal))).isEqualTo(nft);
    }

    @Test
    void prefixesAtTheEdgesOfTheirLength() {
        assertThat(masquerade(IPV4).withSource(prefix("128.0.0.0/1")).withDestination(prefix("!= 10.0.0.0/31")).text())
                .isEqualTo("ip saddr 128.0.0.0/1 ip daddr != 10.0.0.0/31 masquerade");
        assertThat(masquerade(IPV6).withSource(prefix("8000::/1")).withDestination(prefix("2001:db8::/127")).text())
                .isEqualTo("ip6 saddr 8000::/1 ip6 daddr 2001:db8::/127 masquerade");
        assertThat(PrefixMatch.of(ip("10.0.0.1"), 32).text()).isEqualTo("10.0.0.1");
        assertThat(PrefixMatch.not(ip("2001:db8::1"), 128).text()).isEqualTo("!= 2001:db8::1");
    }

    @Test
    void anIpv4MappedAddressStaysIpv6() throws Exception {
        InetAddress mapped = ip("::ffff:1.2.3.0");
        SourceNatRule rule = snat(ip("::ffff:198.51.100.9")).withSource(PrefixMatch.of(mapped, 120));

        assertThat(mapped).isInstanceOf(Inet6Address.class);
        assertThat(rule.text()).isEqualTo("ip6 saddr ::ffff:1.2.3.0/120 snat to ::ffff:198.51.100.9");
        assertThat(rule.expressions().getFirst()).isEqualTo(new PayloadExpression(1, 1, 8, 15));
        SourceNatRule decoded = SourceNatRule.fromExpressions(NfProto.NFPROTO_IPV6, rule.expressions()).orElseThrow();
        assertThat(decoded).isEqualTo(rule);
        assertThat(decoded.snatTo().orElseThrow()).isInstanceOf(Inet6Address.class);
        // What InetAddress.getByName makes of the literal is IPv4, so it cannot go into an ip6 rule.
        InetAddress four = InetAddress.getByName("::ffff:198.51.100.9");
        assertThatThrownBy(() -> new SourceNatRule(IPV6, Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(four)))
                .hasMessage("snat address 198.51.100.9 is not an ip6 address");
        assertThatThrownBy(() -> PrefixMatch.of(InetAddress.getByName("::ffff:1.2.3.0"), 120))
                .hasMessage("ip prefix length 120 is not in 1..32");
    }

    @ParameterizedTest
    @ValueSource(strings = {"a", "eth0", "123456789012345", "ëëëëëëëa", "a.b-c_d@e", "wan*", "a*b", "x\\", "a\\b", "$x", "a#b;c'd{e}"})
    void interfaceNamesTheKernelAndNftAgreeOn(String name) {
        SourceNatRule rule = masquerade(IPV4).withOutInterface(name);

        assertThat(SourceNatRule.fromExpressions(NfProto.NFPROTO_IPV4, rule.expressions())).contains(rule);
        assertThat(rule.text()).startsWith("oifname \"").endsWith("\" masquerade");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "1234567890123456", "ëëëëëëëë", "a/b", "a:b", "a b", "a\tb", ".", "..", "a\"b", "x\\*", "a\u0001",
            "\ud800"})
    void interfaceNamesTheKernelOrNftCannotStateAreRefused(String name) {
        assertThatThrownBy(() -> masquerade(IPV4).withOutInterface(name)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("interface name");
    }

    @Test
    void wrongAddressesAreRefusedWithTheReason() throws Exception {
        assertThatThrownBy(() -> PrefixMatch.of(ip("10.0.0.1"), 24)).hasMessage("10.0.0.1/24 has host bits set; the network is 10.0.0.0/24");
        assertThatThrownBy(() -> PrefixMatch.of(ip("2001:db8::1"), 127)).hasMessageContaining("the network is 2001:db8::/127");
        assertThatThrownBy(() -> PrefixMatch.of(ip("0.0.0.0"), 0)).hasMessage("ip prefix length 0 is not in 1..32");
        assertThatThrownBy(() -> PrefixMatch.of(ip("::"), 129)).hasMessage("ip6 prefix length 129 is not in 1..128");
        assertThatThrownBy(() -> masquerade(IPV4).withDestination(prefix("2001:db8::/32"))).hasMessageContaining("not an ip address");
        assertThatThrownBy(() -> snat(ip("192.0.2.1")).withSource(prefix("fd00::/8"))).hasMessageContaining("not an ip address");
        assertThatThrownBy(() -> new SourceNatRule(IPV6, Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.of(ip("192.0.2.1")))).hasMessageContaining("snat address 192.0.2.1");
        assertThatThrownBy(() -> snat(Inet6Address.getByAddress(null, ip("fe80::1").getAddress(), 2)))
                .hasMessageContaining("has a scope");
    }

    @Test
    void kernelDumpsDecodeToTheRulesNftAdded() {
        // nft -f ruleset.nft, dumped by the kernel: no NLA_F_NESTED, and nat and bitwise written out in full.
        List<RuleMessage> dumped = NetlinkCodec.decode(Fixture.load("nftables/ruleset-dump.txt").buffer(), NftablesDecoder.INSTANCE)
                .stream().map(NlMessage::payload).filter(RuleMessage.class::isInstance).map(RuleMessage.class::cast).toList();

        assertThat(dumped.stream().map(SourceNatRuleTest::model)).containsExactly(
                "oifname \"eth0\" ip saddr 192.168.0.0/24 ip daddr != 172.31.0.0/16 masquerade",
                "ip saddr 192.168.0.0/24 masquerade",
                "ip daddr != 172.31.0.0/16 snat to 172.31.37.209",
                "none", // ip saddr 10.1.0.0/20 counter accept
                "none", "none", "none"); // the inet table's rules: no form of this model (meta nfproto, snat ip to)
        // The counter rule's match, dumped with its bitwise written out in full, is still this model's prefix.
        List<Expression> match = dumped.get(3).expressions().orElseThrow().subList(0, 3);
        assertThat(SourceNatRule.fromExpressions(NfProto.NFPROTO_IPV4, append(match, MasqExpression.plain())))
                .contains(masquerade(IPV4).withSource(prefix("10.1.0.0/20")));
    }

    @Test
    void anythingElseIsNoRuleOfThisModel() {
        List<Expression> rule = masquerade(IPV4).withSource(prefix("10.1.0.0/20")).expressions();

        assertThat(SourceNatRule.fromExpressions(NfProto.NFPROTO_INET, rule)).isEmpty();
        assertThat(SourceNatRule.fromExpressions(NfProto.NFPROTO_IPV6, rule)).isEmpty();
        assertThat(SourceNatRule.fromExpressions(NfProto.NFPROTO_IPV4, append(rule, CounterExpression.fresh()))).isEmpty();
        assertThat(SourceNatRule.fromExpressions(NfProto.NFPROTO_IPV4, rule.subList(0, 3))).isEmpty();
        assertThat(SourceNatRule.fromExpressions(NfProto.NFPROTO_IPV4, List.of())).isEmpty();
    }

    private static List<Expression> append(List<Expression> expressions, Expression last) {
        return Stream.concat(expressions.stream(), Stream.of(last)).toList();
    }

    private static String model(RuleMessage rule) {
        return SourceNatRule.fromExpressions(rule.header().family(), rule.expressions().orElseThrow())
                .map(SourceNatRule::text).orElse("none");
    }
}
