package netlab.netlink.nftables.nat;

import static netlab.netlink.nftables.Expression.NFT_REG_1;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import netlab.netlink.nftables.BitwiseExpression;
import netlab.netlink.nftables.CmpExpression;
import netlab.netlink.nftables.Expression;
import netlab.netlink.nftables.ImmediateExpression;
import netlab.netlink.nftables.MasqExpression;
import netlab.netlink.nftables.MetaExpression;
import netlab.netlink.nftables.NatExpression;
import netlab.netlink.nftables.NftData;
import netlab.netlink.nftables.PayloadExpression;

/**
 * A {@link SourceNatRule} as nf_tables expressions, expression for expression as nft 1.0.6
 * compiles its text (checked against captured fixtures), and read back: each part's writer and
 * reader side by side. Reading follows the codec's rule that decoding never guesses: the readers
 * take the values out, and the rule is kept only when writing it gives back the same expressions
 * (each as nft sends it or as the kernel dumps it: {@link DumpedForm}).
 */
final class NatExpressions {
    private NatExpressions() {}

    static List<Expression> encode(SourceNatRule rule) {
        List<Expression> out = new ArrayList<>();
        rule.outInterface().ifPresent(name -> encodeInterface(name, out));
        rule.source().ifPresent(prefix -> encodePrefix(rule.family().sourceOffset(), prefix, out));
        rule.destination().ifPresent(prefix -> encodePrefix(rule.family().destinationOffset(), prefix, out));
        rule.snatTo().ifPresentOrElse(address -> encodeSnat(rule.family(), address, out), () -> out.add(MasqExpression.plain()));
        return List.copyOf(out);
    }

    static Optional<SourceNatRule> decode(IpFamily family, List<Expression> expressions) {
        Reader in = new Reader(expressions);
        try {
            Optional<String> out = readInterface(in);
            Optional<PrefixMatch> source = readPrefix(family, family.sourceOffset(), in);
            Optional<PrefixMatch> destination = readPrefix(family, family.destinationOffset(), in);
            Optional<InetAddress> snatTo = readSnat(family, in);
            if (snatTo.isEmpty() && !(in.next() instanceof MasqExpression)) {
                return Optional.empty();
            }
            SourceNatRule rule = new SourceNatRule(family, out, source, destination, snatTo);
            return DumpedForm.sameRule(rule.expressions(), expressions) ? Optional.of(rule) : Optional.empty();
        } catch (IllegalArgumentException notAValidRule) {
            // A reader found a part begun but not in this model's form, or the values make no valid rule.
            return Optional.empty();
        }
    }

    /** {@code oifname "NAME"}: load the output interface's name, compare it with the padded name. */
    private static void encodeInterface(String name, List<Expression> out) {
        out.add(MetaExpression.load(MetaExpression.NFT_META_OIFNAME, NFT_REG_1));
        out.add(CmpExpression.of(NFT_REG_1, CmpExpression.NFT_CMP_EQ, InterfaceName.padded(name)));
    }

    private static Optional<String> readInterface(Reader in) {
        if (in.peek() instanceof MetaExpression meta && meta.key() == MetaExpression.NFT_META_OIFNAME) {
            in.next();
            if (in.next() instanceof CmpExpression cmp && cmp.data() instanceof NftData.Value value) {
                return Optional.of(InterfaceName.unpadded(value.bytes()).orElseThrow(() -> new IllegalArgumentException("not a name")));
            }
            throw new IllegalArgumentException("oifname without its comparison");
        }
        return Optional.empty();
    }

    /**
     * {@code ip saddr NET}: nft loads only the bytes a byte-aligned prefix covers and compares
     * them; any other length loads the whole address, masks it with bitwise and compares with
     * the network.
     */
    private static void encodePrefix(int offset, PrefixMatch prefix, List<Expression> out) {
        int op = prefix.negated() ? CmpExpression.NFT_CMP_NEQ : CmpExpression.NFT_CMP_EQ;
        byte[] network = prefix.network().getAddress();
        if (prefix.prefixLength() % 8 == 0) {
            int bytes = prefix.prefixLength() / 8;
            out.add(new PayloadExpression(NFT_REG_1, PayloadExpression.NFT_PAYLOAD_NETWORK_HEADER, offset, bytes));
            out.add(CmpExpression.of(NFT_REG_1, op, Arrays.copyOf(network, bytes)));
        } else {
            out.add(new PayloadExpression(NFT_REG_1, PayloadExpression.NFT_PAYLOAD_NETWORK_HEADER, offset, network.length));
            out.add(BitwiseExpression.mask(NFT_REG_1, prefix.mask()));
            out.add(CmpExpression.of(NFT_REG_1, op, network));
        }
    }

    private static Optional<PrefixMatch> readPrefix(IpFamily family, int offset, Reader in) {
        if (!(in.peek() instanceof PayloadExpression load && load.offset() == offset)) {
            return Optional.empty();
        }
        in.next();
        int length = load.length() * 8;
        if (in.peek() instanceof BitwiseExpression bitwise && bitwise.mask() instanceof NftData.Value mask) {
            in.next();
            length = leadingOnes(mask.bytes());
        }
        if (in.next() instanceof CmpExpression cmp && cmp.data() instanceof NftData.Value value
                && value.bytes().length <= family.addressBytes()) {
            InetAddress network = family.address(Arrays.copyOf(value.bytes(), family.addressBytes()));
            return Optional.of(new PrefixMatch(network, length, cmp.op() == CmpExpression.NFT_CMP_NEQ));
        }
        throw new IllegalArgumentException("address load without its comparison");
    }

    /** {@code snat to ADDRESS}: the address into register 1, then nat from it. */
    private static void encodeSnat(IpFamily family, InetAddress address, List<Expression> out) {
        out.add(new ImmediateExpression(NFT_REG_1, NftData.Value.of(address)));
        out.add(NatExpression.snat(family.nfproto(), NFT_REG_1));
    }

    private static Optional<InetAddress> readSnat(IpFamily family, Reader in) {
        if (in.peek() instanceof ImmediateExpression load && load.data() instanceof NftData.Value value
                && value.bytes().length == family.addressBytes()) {
            in.next();
            if (in.next() instanceof NatExpression) {
                return Optional.of(family.address(value.bytes()));
            }
            throw new IllegalArgumentException("immediate without nat");
        }
        return Optional.empty();
    }

    /** The number of one bits before the first zero: the prefix length of a mask without holes. */
    private static int leadingOnes(byte[] mask) {
        int ones = 0;
        while (ones < mask.length * 8 && (mask[ones / 8] & 0x80 >>> ones % 8) != 0) {
            ones++;
        }
        return ones;
    }

    /** The expressions in order; {@code null} past the end, which no pattern matches. */
    private static final class Reader {
        private final List<Expression> expressions;
        private int next;

        Reader(List<Expression> expressions) {
            this.expressions = expressions;
        }

        Expression peek() {
            return next < expressions.size() ? expressions.get(next) : null;
        }

        Expression next() {
            Expression expression = peek();
            next++;
            return expression;
        }
    }
}
