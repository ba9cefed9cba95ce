package netlab.executor;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
import netlab.topology.Addresses;

/**
 * A rule's expressions back in nft's syntax ({@code oifname "eth0" ip saddr 192.168.0.0/24
 * masquerade}), as nft's own decompiler does it: loads fill registers, and the expression that
 * reads a register (cmp, nat) prints what was loaded into it. What this does not know how to
 * say is printed by name in brackets ({@code [ct]}), never guessed.
 */
final class NftRuleText {
    /** What a register holds: the source a later cmp or nat reads. */
    private sealed interface Loaded {}

    private record Meta(int key) implements Loaded {}

    private record Payload(PayloadExpression load, Optional<byte[]> mask) implements Loaded {}

    private record Value(byte[] bytes) implements Loaded {}

    private final List<String> words = new ArrayList<>();
    private final Map<Integer, Loaded> registers = new HashMap<>();
    private final boolean inet;
    /** ip or ip6: the table's family, or in an inet table what {@code meta nfproto} matched last. */
    private String network;
    /**
     * The word of a {@code meta nfproto ipv4} match, which nft leaves out of its listing once an
     * {@code ip} field follows (it is implied by it); -1 when there is none to drop.
     */
    private int dependency = -1;

    private NftRuleText(int family) {
        inet = family == NfProto.NFPROTO_INET;
        network = family == NfProto.NFPROTO_IPV6 ? "ip6" : "ip";
    }

    static String render(int family, List<Expression> expressions) {
        NftRuleText text = new NftRuleText(family);
        expressions.forEach(text::add);
        return String.join(" ", text.words);
    }

    private void add(Expression expression) {
        switch (expression) {
            case MetaExpression m when m.destination().isPresent() -> registers.put(m.destination().get(), new Meta(m.key()));
            case PayloadExpression p -> registers.put(p.destination(), new Payload(p, Optional.empty()));
            case BitwiseExpression b -> mask(b);
            case ImmediateExpression i when i.data() instanceof NftData.Verdict v -> words.add(verdict(v));
            case ImmediateExpression i when i.data() instanceof NftData.Value v -> registers.put(i.destination(), new Value(v.bytes()));
            case CmpExpression c -> compare(c);
            case NatExpression n -> nat(n);
            case MasqExpression m -> masquerade(m);
            case CounterExpression c -> words.add("counter packets " + c.packets().orElse(0L) + " bytes " + c.bytes().orElse(0L));
            case RawExpression raw -> words.add("[" + raw.name() + "]");
            default -> words.add("[" + expression.name() + "]");
        }
    }

    /** nft's prefix of a length that is not a multiple of 8: (payload & mask) ^ 0. */
    private void mask(BitwiseExpression b) {
        boolean plainMask = b.op().orElse(BitwiseExpression.NFT_BITWISE_BOOL) == BitwiseExpression.NFT_BITWISE_BOOL
                && b.mask() instanceof NftData.Value && b.xor() instanceof NftData.Value xor && allZero(xor.bytes());
        if (plainMask && registers.get(b.source()) instanceof Payload p && p.mask().isEmpty()) {
            registers.put(b.destination(), new Payload(p.load(), Optional.of(((NftData.Value) b.mask()).bytes())));
        } else {
            words.add("[bitwise]");
        }
    }

    private void compare(CmpExpression c) {
        Loaded loaded = registers.get(c.source());
        String value = c.data() instanceof NftData.Value v ? describe(loaded, v.bytes()) : null;
        if (value == null) {
            words.add("[cmp]");
            return;
        }
        String op = switch (c.op()) {
            case CmpExpression.NFT_CMP_EQ -> "";
            case CmpExpression.NFT_CMP_NEQ -> "!= ";
            case CmpExpression.NFT_CMP_LT -> "< ";
            case CmpExpression.NFT_CMP_LTE -> "<= ";
            case CmpExpression.NFT_CMP_GT -> "> ";
            case CmpExpression.NFT_CMP_GTE -> ">= ";
            default -> "op " + c.op() + " ";
        };
        if (loaded instanceof Payload p && field(p.load()).isPresent() && dependency >= 0) {
            words.remove(dependency);
            dependency = -1;
        }
        if (loaded instanceof Meta m && m.key() == MetaExpression.NFT_META_NFPROTO && c.op() == CmpExpression.NFT_CMP_EQ) {
            dependency = words.size();
        }
        words.add(left(loaded) + " " + op + value);
    }

    /** What the register holds, on the left of the comparison. */
    private String left(Loaded loaded) {
        return switch (loaded) {
            case Meta m -> switch (m.key()) {
                case MetaExpression.NFT_META_OIFNAME -> "oifname";
                case MetaExpression.NFT_META_IIFNAME -> "iifname";
                case MetaExpression.NFT_META_NFPROTO -> "meta nfproto";
                case MetaExpression.NFT_META_L4PROTO -> "meta l4proto";
                case MetaExpression.NFT_META_MARK -> "meta mark";
                default -> "meta " + m.key();
            };
            case Payload p -> field(p.load()).orElseGet(() -> raw(p.load()));
            case Value v -> "0x" + HexFormat.of().formatHex(v.bytes());
        };
    }

    /** The value compared with, in the loaded field's own notation; null when unknown. */
    private String describe(Loaded loaded, byte[] value) {
        return switch (loaded) {
            case null -> null;
            case Meta m when m.key() == MetaExpression.NFT_META_OIFNAME || m.key() == MetaExpression.NFT_META_IIFNAME ->
                    "\"" + interfaceName(value) + "\"";
            case Meta m when m.key() == MetaExpression.NFT_META_NFPROTO && value.length == 1 -> nfproto(value[0]);
            case Meta m -> "0x" + HexFormat.of().formatHex(value);
            case Payload p when isAddress(p.load()) -> prefix(p, value);
            case Payload p -> "0x" + HexFormat.of().formatHex(value);
            case Value v -> null;
        };
    }

    private String nfproto(byte value) {
        return switch (value) {
            case NfProto.NFPROTO_IPV4 -> {
                network = "ip";
                yield "ipv4";
            }
            case NfProto.NFPROTO_IPV6 -> {
                network = "ip6";
                yield "ipv6";
            }
            default -> Integer.toString(value & 0xff);
        };
    }

    /** {@code ip saddr}, {@code ip6 daddr}: the network header's address fields. */
    private Optional<String> field(PayloadExpression load) {
        if (load.base() != PayloadExpression.NFT_PAYLOAD_NETWORK_HEADER) {
            return Optional.empty();
        }
        boolean ip6 = network.equals("ip6");
        int source = ip6 ? 8 : 12;
        int destination = ip6 ? 24 : 16;
        if (load.offset() == source) {
            return Optional.of(network + " saddr");
        }
        if (load.offset() == destination) {
            return Optional.of(network + " daddr");
        }
        return Optional.empty();
    }

    private boolean isAddress(PayloadExpression load) {
        return field(load).isPresent() && load.length() <= addressLength();
    }

    private int addressLength() {
        return network.equals("ip6") ? 16 : 4;
    }

    /** nft's raw payload notation: {@code @nh,96,32} (base, bit offset, bit length). */
    private static String raw(PayloadExpression load) {
        String base = switch (load.base()) {
            case PayloadExpression.NFT_PAYLOAD_LL_HEADER -> "ll";
            case PayloadExpression.NFT_PAYLOAD_NETWORK_HEADER -> "nh";
            case PayloadExpression.NFT_PAYLOAD_TRANSPORT_HEADER -> "th";
            default -> "ih";
        };
        return "@" + base + "," + load.offset() * 8 + "," + load.length() * 8;
    }

    /**
     * An address, or a prefix: nft loads only the bytes of a byte-aligned prefix, and masks the
     * whole address for any other length.
     */
    private String prefix(Payload p, byte[] value) {
        int full = addressLength() * 8;
        int length = p.mask().map(NftRuleText::prefixLength).orElse(p.load().length() * 8);
        if (length < 0 || value.length > addressLength()) {
            return null;
        }
        byte[] address = java.util.Arrays.copyOf(value, addressLength());
        String text = Addresses.format(address(address));
        return length == full ? text : text + "/" + length;
    }

    /** The length of a contiguous mask (1s then 0s), or -1 if it has holes. */
    private static int prefixLength(byte[] mask) {
        int length = 0;
        boolean ended = false;
        for (byte b : mask) {
            for (int bit = 7; bit >= 0; bit--) {
                boolean set = (b >> bit & 1) == 1;
                if (set && ended) {
                    return -1;
                }
                if (set) {
                    length++;
                } else {
                    ended = true;
                }
            }
        }
        return length;
    }

    private void nat(NatExpression n) {
        String kind = n.type() == NatExpression.NFT_NAT_SNAT ? "snat" : n.type() == NatExpression.NFT_NAT_DNAT ? "dnat" : null;
        String to = n.addressMin().map(this::addressIn).orElse("");
        if (kind == null || n.addressMin().isPresent() && to.isEmpty()) {
            words.add("[nat]");
            return;
        }
        StringBuilder text = new StringBuilder(kind);
        if (inet) { // an inet table's nat must say which family it maps to
            text.append(n.family() == NfProto.NFPROTO_IPV6 ? " ip6" : " ip");
        }
        text.append(" to ").append(to);
        n.addressMax().filter(max -> !max.equals(n.addressMin().orElse(null))).map(this::addressIn)
                .ifPresent(max -> text.append('-').append(max));
        text.append(ports(n.protoMin(), n.protoMax()));
        words.add(text + natFlags(n.flags()));
    }

    private void masquerade(MasqExpression m) {
        String ports = ports(m.protoMin(), m.protoMax());
        words.add("masquerade" + (ports.isEmpty() ? "" : " to" + ports) + natFlags(m.flags()));
    }

    private String addressIn(int register) {
        if (registers.get(register) instanceof Value v && (v.bytes().length == 4 || v.bytes().length == 16)) {
            return Addresses.format(address(v.bytes()));
        }
        return null;
    }

    private String ports(Optional<Integer> min, Optional<Integer> max) {
        Optional<Integer> low = min.map(this::port);
        Optional<Integer> high = max.filter(m -> !m.equals(min.orElse(null))).map(this::port);
        if (low.isEmpty() || low.get() < 0) {
            return "";
        }
        return ":" + low.get() + high.filter(h -> h >= 0).map(h -> "-" + h).orElse("");
    }

    private int port(int register) {
        if (registers.get(register) instanceof Value v && v.bytes().length == 2) {
            return (v.bytes()[0] & 0xff) << 8 | v.bytes()[1] & 0xff;
        }
        return -1;
    }

    /** The NF_NAT_RANGE_* options nft prints after the target. */
    private static String natFlags(Optional<Integer> flags) {
        int bits = flags.orElse(0);
        List<String> names = new ArrayList<>();
        if ((bits & NatExpression.NF_NAT_RANGE_PROTO_RANDOM) != 0) {
            names.add("random");
        }
        if ((bits & NatExpression.NF_NAT_RANGE_PROTO_RANDOM_FULLY) != 0) {
            names.add("fully-random");
        }
        if ((bits & NatExpression.NF_NAT_RANGE_PERSISTENT) != 0) {
            names.add("persistent");
        }
        return names.isEmpty() ? "" : " " + String.join(",", names);
    }

    private static String verdict(NftData.Verdict v) {
        return switch (v.code()) {
            case NftData.NF_ACCEPT -> "accept";
            case NftData.NF_DROP -> "drop";
            case NftData.NFT_RETURN -> "return";
            case NftData.NFT_CONTINUE -> "continue";
            case NftData.NFT_JUMP -> "jump " + v.chain().orElse("?");
            case NftData.NFT_GOTO -> "goto " + v.chain().orElse("?");
            default -> "[verdict " + v.code() + "]";
        };
    }

    private static String interfaceName(byte[] padded) {
        int end = 0;
        while (end < padded.length && padded[end] != 0) {
            end++;
        }
        return new String(padded, 0, end, StandardCharsets.UTF_8);
    }

    private static boolean allZero(byte[] bytes) {
        for (byte b : bytes) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }

    private static InetAddress address(byte[] bytes) {
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new AssertionError("4 or 16 bytes", e);
        }
    }
}
