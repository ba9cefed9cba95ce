package netlab.netlink.nftables;

import static netlab.netlink.nftables.Expression.NFT_REG_1;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Builds the source-NAT rules netlab installs, expression for expression as nft 1.0.6 compiles
 * them (checked against captured fixtures), for tables of family {@code ip} or {@code inet}:
 *
 * <pre>{@code
 * NatRuleBuilder.rule(NfProto.NFPROTO_IPV4, "netlab-LAB", "postrouting")
 *         .matchOutputInterface("eth0").matchSource(lan, 24).matchDestinationNot(lab, 16)
 *         .masquerade().build();
 * }</pre>
 *
 * In an {@code inet} table the first IPv4 match is preceded by {@code meta nfproto ipv4}, the
 * dependency nft adds so that IPv6 packets are not read as IPv4 headers.
 *
 * <p>Superseded by {@link netlab.netlink.nftables.nat.SourceNatRule}, which also writes ip6 rules,
 * renders their text and reads them back; this stays only until the application uses that.
 * Nothing new should use it.
 */
public final class NatRuleBuilder {
    /** IFNAMSIZ ({@code <linux/if.h>}): nft compares interface names as 16 NUL-padded bytes. */
    private static final int IFNAMSIZ = 16;
    private static final int IPV4_SADDR_OFFSET = 12;
    private static final int IPV4_DADDR_OFFSET = 16;

    private final int family;
    private final String table;
    private final String chain;
    private final List<Expression> expressions = new ArrayList<>();
    private boolean ipv4Checked;

    private NatRuleBuilder(int family, String table, String chain) {
        if (family != NfProto.NFPROTO_IPV4 && family != NfProto.NFPROTO_INET) {
            throw new IllegalArgumentException("NAT rules are built for ip and inet tables, not " + NfProto.name(family));
        }
        this.family = family;
        this.table = table;
        this.chain = chain;
        this.ipv4Checked = family == NfProto.NFPROTO_IPV4;
    }

    /** A rule for chain {@code chain} of table {@code table}, family {@code ip} or {@code inet}. */
    public static NatRuleBuilder rule(int family, String table, String chain) {
        return new NatRuleBuilder(family, table, chain);
    }

    /** Equivalent to: {@code nft add rule FAMILY TABLE CHAIN oifname "NAME"}. */
    public NatRuleBuilder matchOutputInterface(String name) {
        byte[] text = name.getBytes(StandardCharsets.UTF_8);
        if (text.length == 0 || text.length >= IFNAMSIZ) {
            throw new IllegalArgumentException("interface name '" + name + "' must have 1.." + (IFNAMSIZ - 1) + " bytes");
        }
        expressions.add(MetaExpression.load(MetaExpression.NFT_META_OIFNAME, NFT_REG_1));
        expressions.add(CmpExpression.of(NFT_REG_1, CmpExpression.NFT_CMP_EQ, Arrays.copyOf(text, IFNAMSIZ)));
        return this;
    }

    /** Equivalent to: {@code nft add rule FAMILY TABLE CHAIN ip saddr NETWORK/LENGTH}. */
    public NatRuleBuilder matchSource(InetAddress network, int length) {
        return matchPrefix(IPV4_SADDR_OFFSET, network, length, CmpExpression.NFT_CMP_EQ);
    }

    /** Equivalent to: {@code nft add rule FAMILY TABLE CHAIN ip saddr != NETWORK/LENGTH}. */
    public NatRuleBuilder matchSourceNot(InetAddress network, int length) {
        return matchPrefix(IPV4_SADDR_OFFSET, network, length, CmpExpression.NFT_CMP_NEQ);
    }

    /** Equivalent to: {@code nft add rule FAMILY TABLE CHAIN ip daddr NETWORK/LENGTH}. */
    public NatRuleBuilder matchDestination(InetAddress network, int length) {
        return matchPrefix(IPV4_DADDR_OFFSET, network, length, CmpExpression.NFT_CMP_EQ);
    }

    /** Equivalent to: {@code nft add rule FAMILY TABLE CHAIN ip daddr != NETWORK/LENGTH}. */
    public NatRuleBuilder matchDestinationNot(InetAddress network, int length) {
        return matchPrefix(IPV4_DADDR_OFFSET, network, length, CmpExpression.NFT_CMP_NEQ);
    }

    /** Equivalent to: {@code nft add rule FAMILY TABLE CHAIN masquerade}. */
    public NatRuleBuilder masquerade() {
        expressions.add(MasqExpression.plain());
        return this;
    }

    /**
     * Equivalent to: {@code nft add rule FAMILY TABLE CHAIN snat to ADDRESS} ({@code snat ip to
     * ADDRESS} in an inet table; nft adds no family match for it).
     */
    public NatRuleBuilder snatTo(InetAddress address) {
        expressions.add(new ImmediateExpression(NFT_REG_1, NftData.Value.of(requireIpv4(address))));
        expressions.add(NatExpression.snatIpv4(NFT_REG_1));
        return this;
    }

    /** The rule, to send with {@link NftRequests#appendRule}. */
    public RuleMessage build() {
        return RuleMessage.append(family, table, chain, expressions);
    }

    /**
     * nft loads only the bytes a byte-aligned prefix covers and compares them; any other prefix
     * loads the whole address, masks it with bitwise and compares with the masked network.
     */
    private NatRuleBuilder matchPrefix(int offset, InetAddress network, int length, int op) {
        byte[] address = requireIpv4(network).getAddress();
        if (length < 1 || length > 32) {
            throw new IllegalArgumentException("IPv4 prefix length " + length + " is not in 1..32");
        }
        requireIpv4Packets();
        byte[] mask = mask(length);
        for (int i = 0; i < address.length; i++) {
            address[i] &= mask[i];
        }
        if (length % 8 == 0) {
            int bytes = length / 8;
            expressions.add(new PayloadExpression(NFT_REG_1, PayloadExpression.NFT_PAYLOAD_NETWORK_HEADER, offset, bytes));
            expressions.add(CmpExpression.of(NFT_REG_1, op, Arrays.copyOf(address, bytes)));
        } else {
            expressions.add(new PayloadExpression(NFT_REG_1, PayloadExpression.NFT_PAYLOAD_NETWORK_HEADER, offset, 4));
            expressions.add(BitwiseExpression.mask(NFT_REG_1, mask));
            expressions.add(CmpExpression.of(NFT_REG_1, op, address));
        }
        return this;
    }

    /** In an inet table: {@code meta nfproto ipv4}, once, before the first IPv4 header match. */
    private void requireIpv4Packets() {
        if (!ipv4Checked) {
            expressions.add(MetaExpression.load(MetaExpression.NFT_META_NFPROTO, NFT_REG_1));
            expressions.add(CmpExpression.of(NFT_REG_1, CmpExpression.NFT_CMP_EQ, new byte[] {NfProto.NFPROTO_IPV4}));
            ipv4Checked = true;
        }
    }

    private static byte[] mask(int length) {
        byte[] mask = new byte[4];
        for (int bit = 0; bit < length; bit++) {
            mask[bit / 8] |= (byte) (0x80 >>> (bit % 8));
        }
        return mask;
    }

    private static InetAddress requireIpv4(InetAddress address) {
        if (!(address instanceof Inet4Address)) {
            throw new IllegalArgumentException(address.getHostAddress() + " is not an IPv4 address");
        }
        return address;
    }
}
