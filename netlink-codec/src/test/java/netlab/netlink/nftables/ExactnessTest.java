package netlab.netlink.nftables;

import static netlab.netlink.testing.FixtureAssert.assertRoundTrips;
import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import netlab.netlink.NetlinkCodec;
import netlab.netlink.NlAttr;
import netlab.netlink.NlMessage;
import netlab.netlink.RawAttribute;
import netlab.netlink.testing.Fixture;
import netlab.netlink.testing.RoundTrip;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Bytes that differ from what the encoder writes stay raw instead of being decoded by guess. */
class ExactnessTest {
    private static final String FIXTURE = "nftables/rule-saddr-masquerade-ip.txt";

    @Test
    void cmpDataWithoutItsNestedFlagStaysARawCmp() {
        byte[] bytes = Fixture.load(FIXTURE).bytes();
        // NFTA_CMP_DATA | NLA_F_NESTED, 12 bytes long: clear the flag as a kernel reply would.
        int at = ByteBufUtil.indexOf(Unpooled.wrappedBuffer(HexFormat.of().parseHex("0c000380")), Unpooled.wrappedBuffer(bytes));
        assertThat(at).isPositive();
        bytes[at + 3] = 0;

        List<NlMessage> messages = NetlinkCodec.decode(Unpooled.wrappedBuffer(bytes), NftablesDecoder.INSTANCE);

        List<Expression> expressions = ((RuleMessage) messages.get(1).payload()).expressions().orElseThrow();
        assertThat(expressions).extracting(Expression::getClass).containsExactly(PayloadExpression.class,
                RawExpression.class, MasqExpression.class);
        assertThat(expressions.get(1).name()).isEqualTo("cmp");
        assertThat(encode(messages)).isEqualTo(bytes);
    }

    @Test
    void expressionsWithATrailingUnknownAttributeStayRawButExact() {
        Fixture fixture = Fixture.load(FIXTURE);
        List<NlMessage> messages = NetlinkCodec.decode(fixture.buffer(), NftablesDecoder.INSTANCE);
        RuleMessage rule = (RuleMessage) messages.get(1).payload();
        // A masq the kernel may one day dump with an attribute this codec does not know (type 9).
        RawExpression future = new RawExpression("masq", HexFormat.of().parseHex("0800090000000001"));
        RuleMessage extended = RuleMessage.append(NfProto.NFPROTO_IPV4, "netlab-LAB", "postrouting",
                Stream.concat(rule.expressions().orElseThrow().stream(), Stream.of(future)).toList());

        NlMessage message = NftRequests.appendRule(extended);
        RoundTrip.assertSurvives(message, NftablesDecoder.INSTANCE);
        assertRoundTrips(messages, fixture);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "0800010000000001 0800020000000000 08000300 65746830", // NFTA_HOOK_DEV without its NUL
        "0800010000000001 0800020000000000 0900030065746830 00000000 10000480 0900010065746830 00000000", // list after name
        "0800010000000001 0800020000000000 1c000480 0900010065746830 00000000 0900010065746831 00000000", // two devices
    })
    void hookDevicesInAnotherShapeThanNftsOrTheKernelsStayRaw(String hook) {
        byte[] body = HexFormat.of().parseHex(hook.replace(" ", ""));
        ChainMessage chain = new ChainMessage(NfGenMsg.of(NfProto.NFPROTO_NETDEV), List.of(new ChainAttribute.Name("c"),
                new ChainAttribute.Other(new RawAttribute(ChainAttribute.NFTA_CHAIN_HOOK | NlAttr.NLA_F_NESTED, body))));

        RoundTrip.assertSurvives(NftRequests.newChain(chain), NftablesDecoder.INSTANCE);
    }

    private static byte[] encode(List<NlMessage> messages) {
        ByteBuf out = Unpooled.buffer();
        NetlinkCodec.encodeAll(messages, out);
        return ByteBufUtil.getBytes(out);
    }
}
