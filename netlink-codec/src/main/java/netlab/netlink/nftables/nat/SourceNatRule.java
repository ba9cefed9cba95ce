package netlab.netlink.nftables.nat;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import netlab.netlink.nftables.Expression;
import netlab.netlink.nftables.RuleMessage;

/**
 * A source-NAT rule of the kind netlab puts in the {@code postrouting} chain (type nat, hook
 * postrouting, priority srcnat) of an {@code ip} or {@code ip6} table:
 *
 * <pre>
 * oifname "wan" ip saddr 172.31.37.209 ip daddr != 172.31.0.0/16 snat to 198.51.100.209
 * ip6 saddr 2001:db8:1::/64 masquerade
 * </pre>
 *
 * The one model of that grammar, with three faces: {@link #text()} as nft prints the rule,
 * {@link #expressions()} as nft compiles it, and {@link #fromExpressions} back from a request or
 * a kernel dump. Each part is optional but the target, and appears in this order.
 *
 * @param family the table's family; every address of the rule is of it
 * @param outInterface {@code oifname "NAME"}: the packet leaves through this interface
 * @param source {@code ip saddr NET} / {@code ip6 saddr NET}, perhaps {@code !=}
 * @param destination {@code ip daddr NET} / {@code ip6 daddr NET}, perhaps {@code !=}
 * @param snatTo {@code snat to ADDRESS}; empty for {@code masquerade} (the outgoing interface's address)
 */
public record SourceNatRule(IpFamily family, Optional<String> outInterface, Optional<PrefixMatch> source,
        Optional<PrefixMatch> destination, Optional<InetAddress> snatTo) {
    public SourceNatRule {
        Objects.requireNonNull(family, "family");
        Objects.requireNonNull(outInterface, "outInterface");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(destination, "destination");
        Objects.requireNonNull(snatTo, "snatTo");
        outInterface.ifPresent(InterfaceName::require);
        source.ifPresent(prefix -> family.require(prefix.network(), "source network"));
        destination.ifPresent(prefix -> family.require(prefix.network(), "destination network"));
        snatTo.ifPresent(address -> family.require(address, "snat address"));
    }

    /** {@code masquerade}, matching every packet: add matches with the {@code with...} methods. */
    public static SourceNatRule masquerade(IpFamily family) {
        return new SourceNatRule(family, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** {@code snat to ADDRESS}, in a table of the address's family, matching every packet. */
    public static SourceNatRule snat(InetAddress to) {
        return new SourceNatRule(IpFamily.of(to), Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(to));
    }

    /** This rule, matching only packets that leave through {@code name}: {@code oifname "NAME"}. */
    public SourceNatRule withOutInterface(String name) {
        return new SourceNatRule(family, Optional.of(name), source, destination, snatTo);
    }

    /** This rule, matching only packets whose source is (or with {@code !=}, is not) in {@code prefix}. */
    public SourceNatRule withSource(PrefixMatch prefix) {
        return new SourceNatRule(family, outInterface, Optional.of(prefix), destination, snatTo);
    }

    /** This rule, matching only packets whose destination is (or with {@code !=}, is not) in {@code prefix}. */
    public SourceNatRule withDestination(PrefixMatch prefix) {
        return new SourceNatRule(family, outInterface, source, Optional.of(prefix), snatTo);
    }

    public boolean isMasquerade() {
        return snatTo.isEmpty();
    }

    /**
     * The rule as {@code nft list table} prints it, which nft also reads back as this rule:
     * {@code oifname "wan" ip saddr 172.31.37.209 ip daddr != 172.31.0.0/16 snat to 198.51.100.209}.
     */
    public String text() {
        List<String> words = new ArrayList<>();
        outInterface.ifPresent(name -> words.add("oifname " + InterfaceName.quoted(name)));
        source.ifPresent(prefix -> words.add(family.keyword() + " saddr " + prefix.text()));
        destination.ifPresent(prefix -> words.add(family.keyword() + " daddr " + prefix.text()));
        words.add(snatTo.map(address -> "snat to " + AddressText.format(address)).orElse("masquerade"));
        return String.join(" ", words);
    }

    /** The expressions nft 1.0.6 compiles {@link #text()} to in a table of this rule's family. */
    public List<Expression> expressions() {
        return NatExpressions.encode(this);
    }

    /**
     * The rule appended to {@code chain} of {@code table}, to send with
     * {@link netlab.netlink.nftables.NftRequests#appendRule}. Equivalent to:
     * {@code nft add rule FAMILY TABLE CHAIN TEXT}.
     */
    public RuleMessage appendTo(String table, String chain) {
        return RuleMessage.append(family.nfproto(), table, chain, expressions());
    }

    /**
     * The rule that {@code expressions} are, in a table of family {@code nfproto}: as nft sends
     * them or as the kernel dumps them back. Empty for anything that is not exactly a form of
     * this model (another family, a counter, another offset or register, a mask with holes...):
     * what this returns always compiles back to the same expressions.
     */
    public static Optional<SourceNatRule> fromExpressions(int nfproto, List<Expression> expressions) {
        return IpFamily.ofNfproto(nfproto).flatMap(family -> NatExpressions.decode(family, expressions));
    }
}
