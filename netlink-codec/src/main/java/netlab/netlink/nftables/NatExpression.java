package netlab.netlink.nftables;

import java.util.Optional;
import netlab.netlink.AttributeWriter;

/**
 * {@code nat}: source or destination NAT to the addresses and ports held in registers
 * ({@code NFTA_NAT_*}; flags are the NF_NAT_RANGE_* bits of {@code <linux/netfilter/nf_nat.h>}).
 * nft sends only the registers it loaded; the kernel's dump adds the max registers and flags.
 *
 * @param type {@link #NFT_NAT_SNAT} or {@link #NFT_NAT_DNAT}
 * @param family the address family, {@link NfProto#NFPROTO_IPV4} or IPV6, also in inet tables
 */
public record NatExpression(int type, int family, Optional<Integer> addressMin, Optional<Integer> addressMax,
        Optional<Integer> protoMin, Optional<Integer> protoMax, Optional<Integer> flags) implements Expression {
    public static final String NAME = "nat";
    public static final int NFTA_NAT_TYPE = 1;
    public static final int NFTA_NAT_FAMILY = 2;
    public static final int NFTA_NAT_REG_ADDR_MIN = 3;
    public static final int NFTA_NAT_REG_ADDR_MAX = 4;
    public static final int NFTA_NAT_REG_PROTO_MIN = 5;
    public static final int NFTA_NAT_REG_PROTO_MAX = 6;
    public static final int NFTA_NAT_FLAGS = 7;

    public static final int NFT_NAT_SNAT = 0;
    public static final int NFT_NAT_DNAT = 1;

    public static final int NF_NAT_RANGE_MAP_IPS = 1 << 0;
    public static final int NF_NAT_RANGE_PROTO_SPECIFIED = 1 << 1;
    public static final int NF_NAT_RANGE_PROTO_RANDOM = 1 << 2;
    public static final int NF_NAT_RANGE_PERSISTENT = 1 << 3;
    public static final int NF_NAT_RANGE_PROTO_RANDOM_FULLY = 1 << 4;

    /** {@code nat snat ip addr_min reg REGISTER}: SNAT to the IPv4 address in {@code register}. */
    public static NatExpression snatIpv4(int register) {
        return snat(NfProto.NFPROTO_IPV4, register);
    }

    /**
     * {@code nat snat ip|ip6 addr_min reg REGISTER}: SNAT to the address of {@code family}
     * (NFPROTO_IPV4 or NFPROTO_IPV6) in {@code register}, as nft sends {@code snat to ADDRESS}.
     */
    public static NatExpression snat(int family, int register) {
        return new NatExpression(NFT_NAT_SNAT, family, Optional.of(register), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty());
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void encodeData(AttributeWriter writer, Nesting nesting) {
        writer.u32Big(NFTA_NAT_TYPE, type);
        writer.u32Big(NFTA_NAT_FAMILY, family);
        addressMin.ifPresent(register -> writer.u32Big(NFTA_NAT_REG_ADDR_MIN, register));
        addressMax.ifPresent(register -> writer.u32Big(NFTA_NAT_REG_ADDR_MAX, register));
        protoMin.ifPresent(register -> writer.u32Big(NFTA_NAT_REG_PROTO_MIN, register));
        protoMax.ifPresent(register -> writer.u32Big(NFTA_NAT_REG_PROTO_MAX, register));
        flags.ifPresent(value -> writer.u32Big(NFTA_NAT_FLAGS, value));
    }

    static NatExpression decode(ExpressionBody body) {
        return new NatExpression(body.u32(NFTA_NAT_TYPE), body.u32(NFTA_NAT_FAMILY),
                body.optionalU32(NFTA_NAT_REG_ADDR_MIN), body.optionalU32(NFTA_NAT_REG_ADDR_MAX),
                body.optionalU32(NFTA_NAT_REG_PROTO_MIN), body.optionalU32(NFTA_NAT_REG_PROTO_MAX),
                body.optionalU32(NFTA_NAT_FLAGS));
    }
}
