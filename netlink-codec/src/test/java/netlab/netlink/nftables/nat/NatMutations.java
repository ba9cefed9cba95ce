package netlab.netlink.nftables.nat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import netlab.netlink.nftables.BitwiseExpression;
import netlab.netlink.nftables.CmpExpression;
import netlab.netlink.nftables.CounterExpression;
import netlab.netlink.nftables.Expression;
import netlab.netlink.nftables.ImmediateExpression;
import netlab.netlink.nftables.MasqExpression;
import netlab.netlink.nftables.MetaExpression;
import netlab.netlink.nftables.NatExpression;
import netlab.netlink.nftables.NfProto;
import netlab.netlink.nftables.NftData;
import netlab.netlink.nftables.PayloadExpression;
import netlab.netlink.nftables.RawExpression;
import netlab.netlink.testing.Generators;

/** Damage done to a rule's expressions: one dropped, swapped, repeated, added or changed in one field. */
final class NatMutations {
    private NatMutations() {}

    static List<Expression> mutate(SplittableRandom random, List<Expression> expressions) {
        List<Expression> mutated = new ArrayList<>(expressions);
        int at = random.nextInt(mutated.size());
        switch (random.nextInt(5)) {
            case 0 -> mutated.remove(at);
            case 1 -> mutated.set(at, mutated.set(random.nextInt(mutated.size()), mutated.get(at)));
            case 2 -> mutated.add(random.nextInt(mutated.size() + 1), mutated.get(at));
            case 3 -> mutated.add(random.nextInt(mutated.size() + 1), foreign(random));
            default -> mutated.set(at, changed(random, mutated.get(at)));
        }
        return mutated;
    }

    /** An expression no form of the model has. */
    private static Expression foreign(SplittableRandom random) {
        return switch (random.nextInt(3)) {
            case 0 -> CounterExpression.fresh();
            case 1 -> ImmediateExpression.verdict(NftData.NF_ACCEPT);
            default -> new RawExpression("ct", Generators.bytes(random, 8));
        };
    }

    /** {@code expression} with one field changed. */
    static Expression changed(SplittableRandom random, Expression expression) {
        int choice = random.nextInt(3);
        return switch (expression) {
            case MetaExpression m -> choice == 0 ? new MetaExpression(MetaExpression.NFT_META_IIFNAME, m.destination(), m.source())
                    : new MetaExpression(m.key(), Optional.of(2), m.source());
            case CmpExpression c -> switch (choice) {
                case 0 -> new CmpExpression(c.source(), random.nextInt(6), c.data());
                case 1 -> new CmpExpression(2, c.op(), c.data());
                default -> new CmpExpression(c.source(), c.op(), damaged(random, c.data()));
            };
            case PayloadExpression p -> switch (choice) {
                case 0 -> new PayloadExpression(p.destination(), p.base(), List.of(8, 12, 16, 24, p.offset() + 1).get(random.nextInt(5)), p.length());
                case 1 -> new PayloadExpression(p.destination(), p.base(), p.offset(), random.nextInt(1, 17));
                default -> new PayloadExpression(p.destination(), random.nextInt(4), p.offset(), p.length());
            };
            case BitwiseExpression b -> switch (choice) {
                case 0 -> new BitwiseExpression(b.source(), b.destination(), b.length(), b.op(), damaged(random, b.mask()), b.xor());
                case 1 -> new BitwiseExpression(b.source(), b.destination(), b.length(), b.op(), b.mask(), damaged(random, b.xor()));
                default -> new BitwiseExpression(b.source(), 2, b.length(), Optional.of(random.nextInt(3)), b.mask(), b.xor());
            };
            case ImmediateExpression i -> choice == 0 ? new ImmediateExpression(2, i.data())
                    : new ImmediateExpression(i.destination(), damaged(random, i.data()));
            case NatExpression n -> switch (choice) {
                case 0 -> new NatExpression(NatExpression.NFT_NAT_DNAT, n.family(), n.addressMin(), n.addressMax(), n.protoMin(),
                        n.protoMax(), n.flags());
                case 1 -> new NatExpression(n.type(), otherFamily(n.family()), n.addressMin(), n.addressMax(), n.protoMin(), n.protoMax(),
                        n.flags());
                default -> new NatExpression(n.type(), n.family(), n.addressMin(), n.addressMax(), n.protoMin(), n.protoMax(),
                        Optional.of(NatExpression.NF_NAT_RANGE_PERSISTENT));
            };
            case MasqExpression m -> new MasqExpression(Optional.of(NatExpression.NF_NAT_RANGE_PROTO_RANDOM), m.protoMin(), m.protoMax());
            default -> expression;
        };
    }

    private static int otherFamily(int nfproto) {
        return nfproto == NfProto.NFPROTO_IPV4 ? NfProto.NFPROTO_IPV6 : NfProto.NFPROTO_IPV4;
    }

    /** One bit flipped, one byte more, or one byte less. */
    private static NftData damaged(SplittableRandom random, NftData data) {
        if (!(data instanceof NftData.Value value)) {
            return data;
        }
        byte[] bytes = value.bytes();
        return switch (random.nextInt(3)) {
            case 0 -> {
                int bit = random.nextInt(bytes.length * 8);
                bytes[bit / 8] ^= (byte) (0x80 >>> bit % 8);
                yield new NftData.Value(bytes);
            }
            case 1 -> new NftData.Value(Arrays.copyOf(bytes, bytes.length + 1));
            default -> new NftData.Value(Arrays.copyOf(bytes, Math.max(1, bytes.length - 1)));
        };
    }
}
