package netlab.netlink.nftables;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * Renders decoded rule expressions the way {@code nft -j} prints them, for the statements netlab's
 * rules use: interface and prefix matches, masquerade, snat, counter, accept, and the loss chains'
 * {@code numgen random mod M < N} match and drop. The inet family
 * dependency ({@code meta nfproto ipv4}) is left out, as nft leaves it out. Any other sequence
 * fails the test: the renderer recognises, it does not guess.
 */
final class NftJson {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private NftJson() {}

    static ArrayNode statements(int family, List<Expression> expressions) {
        ArrayNode statements = JSON.arrayNode();
        int i = 0;
        while (i < expressions.size()) {
            Expression expression = expressions.get(i);
            if (expression instanceof MetaExpression meta && expressions.get(i + 1) instanceof CmpExpression cmp) {
                if (meta.key() == MetaExpression.NFT_META_NFPROTO) {
                    assertThat(family).isEqualTo(NfProto.NFPROTO_INET);
                    assertThat(value(cmp)).containsExactly(NfProto.NFPROTO_IPV4);
                } else {
                    assertThat(meta.key()).isEqualTo(MetaExpression.NFT_META_OIFNAME);
                    ObjectNode left = JSON.objectNode();
                    left.putObject("meta").put("key", "oifname");
                    statements.add(match(cmp, left, JSON.textNode(text(value(cmp)))));
                }
                i += 2;
            } else if (expression instanceof PayloadExpression payload) {
                int prefix = payload.length() * 8;
                int next = i + 1;
                if (expressions.get(next) instanceof BitwiseExpression bitwise) {
                    prefix = Arrays.stream(toInts(value(bitwise.mask()))).map(Integer::bitCount).sum();
                    next++;
                }
                CmpExpression cmp = (CmpExpression) expressions.get(next);
                ObjectNode left = JSON.objectNode();
                left.putObject("payload").put("protocol", "ip").put("field", payload.offset() == 12 ? "saddr" : "daddr");
                ObjectNode right = JSON.objectNode();
                right.putObject("prefix").put("addr", ipv4(Arrays.copyOf(value(cmp), 4))).put("len", prefix);
                statements.add(match(cmp, left, right));
                i = next + 1;
            } else if (expression instanceof NumgenExpression numgen && expressions.get(i + 1) instanceof ByteorderExpression order
                    && expressions.get(i + 2) instanceof CmpExpression cmp) {
                assertThat(numgen.type()).isEqualTo(NumgenExpression.NFT_NG_RANDOM);
                assertThat(order).isEqualTo(ByteorderExpression.hostToNetwork(numgen.destination(), Integer.BYTES));
                ObjectNode left = JSON.objectNode();
                left.putObject("numgen").put("mode", "random").put("mod", numgen.modulus()).put("offset", numgen.offset());
                statements.add(match(cmp, left, JSON.numberNode(ByteBuffer.wrap(value(cmp)).getInt())));
                i += 3;
            } else if (expression instanceof ImmediateExpression immediate && immediate.data() instanceof NftData.Verdict verdict) {
                statements.add(JSON.objectNode().putNull(switch (verdict.code()) {
                    case NftData.NF_ACCEPT -> "accept";
                    case NftData.NF_DROP -> "drop";
                    default -> throw new AssertionError("verdict " + verdict.code());
                }));
                i++;
            } else if (expression instanceof ImmediateExpression immediate && expressions.get(i + 1) instanceof NatExpression nat) {
                assertThat(nat.type()).isEqualTo(NatExpression.NFT_NAT_SNAT);
                assertThat(nat.addressMin()).hasValue(immediate.destination());
                ObjectNode snat = statements.addObject().putObject("snat");
                if (family == NfProto.NFPROTO_INET) {
                    snat.put("family", NfProto.name(nat.family()));
                }
                snat.put("addr", ipv4(value(immediate.data())));
                i += 2;
            } else if (expression instanceof MasqExpression masq) {
                assertThat(masq).isEqualTo(MasqExpression.plain());
                statements.add(JSON.objectNode().putNull("masquerade"));
                i++;
            } else if (expression instanceof CounterExpression counter) {
                statements.addObject().putObject("counter")
                        .put("packets", Math.toIntExact(counter.packets().orElseThrow())).put("bytes", Math.toIntExact(counter.bytes().orElseThrow()));
                i++;
            } else {
                throw new AssertionError("no nft statement for " + expressions.subList(i, expressions.size()));
            }
        }
        return statements;
    }

    private static ObjectNode match(CmpExpression cmp, JsonNode left, JsonNode right) {
        ObjectNode statement = JSON.objectNode();
        ObjectNode match = statement.putObject("match");
        match.put("op", switch (cmp.op()) {
            case CmpExpression.NFT_CMP_EQ -> "==";
            case CmpExpression.NFT_CMP_NEQ -> "!=";
            case CmpExpression.NFT_CMP_LT -> "<";
            default -> throw new AssertionError("operator " + cmp.op());
        });
        match.set("left", left);
        match.set("right", right);
        return statement;
    }

    private static byte[] value(CmpExpression cmp) {
        return value(cmp.data());
    }

    private static byte[] value(NftData data) {
        return ((NftData.Value) data).bytes();
    }

    private static int[] toInts(byte[] bytes) {
        int[] ints = new int[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            ints[i] = bytes[i] & 0xff;
        }
        return ints;
    }

    private static String text(byte[] padded) {
        int end = 0;
        while (end < padded.length && padded[end] != 0) {
            end++;
        }
        return new String(padded, 0, end, StandardCharsets.UTF_8);
    }

    private static String ipv4(byte[] address) {
        try {
            return InetAddress.getByAddress(address).getHostAddress();
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
    }
}
