package netlab.netlink.nftables.nat;

import java.util.List;
import java.util.Optional;
import netlab.netlink.nftables.BitwiseExpression;
import netlab.netlink.nftables.Expression;
import netlab.netlink.nftables.NatExpression;

/**
 * What the kernel's dump of a rule says differently from what nft sent: the same rule, some
 * expressions written out in full. (The nesting flags differ too, but the codec's expression
 * records do not carry them.)
 */
final class DumpedForm {
    private DumpedForm() {}

    /**
     * True when {@code given} is {@code encoded} (what nft sends), each expression as sent or as
     * the kernel dumps it. The dumped forms are the same rule written out in full
     * (net/netfilter): nft_nat_init sets NF_NAT_RANGE_MAP_IPS and the max register to the min
     * one when only a min is given, and nft_nat_dump reports both; nft_bitwise_dump always
     * reports NFTA_BITWISE_OP, whose default is NFT_BITWISE_BOOL.
     */
    static boolean sameRule(List<Expression> encoded, List<Expression> given) {
        if (encoded.size() != given.size()) {
            return false;
        }
        for (int i = 0; i < encoded.size(); i++) {
            if (!given.get(i).equals(encoded.get(i)) && !given.get(i).equals(asDumped(encoded.get(i)))) {
                return false;
            }
        }
        return true;
    }

    /** {@code sent} as the kernel dumps it back. */
    private static Expression asDumped(Expression sent) {
        return switch (sent) {
            case NatExpression n when n.addressMin().isPresent() && n.addressMax().isEmpty() && n.flags().isEmpty() ->
                    new NatExpression(n.type(), n.family(), n.addressMin(), n.addressMin(), n.protoMin(), n.protoMax(),
                            Optional.of(NatExpression.NF_NAT_RANGE_MAP_IPS));
            case BitwiseExpression b when b.op().isEmpty() -> new BitwiseExpression(b.source(), b.destination(), b.length(),
                    Optional.of(BitwiseExpression.NFT_BITWISE_BOOL), b.mask(), b.xor());
            default -> sent;
        };
    }
}
