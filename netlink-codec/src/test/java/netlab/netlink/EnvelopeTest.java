package netlab.netlink;

import static netlab.netlink.testing.FixtureAssert.assertEncodesTo;
import static netlab.netlink.testing.FixtureAssert.assertRoundTrips;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.List;
import netlab.netlink.route.RtmTypes;
import netlab.netlink.route.RtnetlinkDecoder;
import netlab.netlink.testing.Fixture;
import org.junit.jupiter.api.Test;

/** NLMSG_ERROR (ACK and failure, capped or not, with extended ACK), NLMSG_DONE, datagram framing. */
class EnvelopeTest {
    private static final PayloadDecoder ROUTE = RtnetlinkDecoder.INSTANCE;

    private static NlMessage decodeOne(String fixture) {
        return NetlinkCodec.decodeOne(Fixture.load(fixture).buffer(), ROUTE);
    }

    @Test
    void uncappedErrorEchoesTheRequestAndCarriesTheKernelsMessage() {
        Fixture fixture = Fixture.load("envelope/error-uncapped-extack.txt");
        NlMessage message = NetlinkCodec.decodeOne(fixture.buffer(), ROUTE);

        assertThat(message.hasFlags(NlmFlags.NLM_F_ACK_TLVS)).isTrue();
        ErrorPayload error = (ErrorPayload) message.payload();
        assertThat(error.errno()).isEqualTo(22); // EINVAL
        assertThat(error.isAck()).isFalse();
        assertThat(error.request().type()).isEqualTo(RtmTypes.RTM_NEWLINK);
        assertThat(error.requestPayload()).hasSize(24); // ifinfomsg + IFLA_MTU, echoed
        assertThat(error.message()).contains("mtu less than device minimum");
        assertThat(error.offset()).isEmpty();
        assertRoundTrips(List.of(message), fixture);
    }

    @Test
    void cappedErrorCarriesOnlyTheRequestHeader() {
        Fixture fixture = Fixture.load("envelope/error-capped-extack.txt");
        NlMessage message = NetlinkCodec.decodeOne(fixture.buffer(), ROUTE);

        assertThat(message.hasFlags(NlmFlags.NLM_F_CAPPED | NlmFlags.NLM_F_ACK_TLVS)).isTrue();
        ErrorPayload error = (ErrorPayload) message.payload();
        assertThat(error.errno()).isEqualTo(22);
        assertThat(error.request().sequence()).isEqualTo(1);
        assertThat(error.requestPayload()).isEmpty();
        assertThat(error.message()).contains("mtu less than device minimum");
        assertRoundTrips(List.of(message), fixture);
    }

    @Test
    void policyFailureNamesTheOffendingAttributeAndKeepsThePolicyRaw() {
        Fixture fixture = Fixture.load("envelope/error-capped-offset-policy.txt");
        NlMessage message = NetlinkCodec.decodeOne(fixture.buffer(), ROUTE);

        ErrorPayload error = (ErrorPayload) message.payload();
        assertThat(error.errno()).isEqualTo(34); // ERANGE
        assertThat(error.message()).contains("Attribute failed policy validation");
        assertThat(error.offset()).hasValue(32);
        assertThat(error.extAck().getLast()).isInstanceOfSatisfying(ExtAckAttribute.Other.class,
                other -> assertThat(other.raw().typeWord())
                        .isEqualTo(ExtAckAttribute.NLMSGERR_ATTR_POLICY | NlAttr.NLA_F_NESTED));
        assertRoundTrips(List.of(message), fixture);
    }

    @Test
    void ackIsAnErrorOfZero() {
        NlMessage message = decodeOne("envelope/ack-capped.txt");

        ErrorPayload ack = (ErrorPayload) message.payload();
        assertThat(ack.isAck()).isTrue();
        assertThat(ack.request().sequence()).isEqualTo(3);
        assertThat(ack.extAck()).isEmpty();
    }

    @Test
    void encodesAnAckAsTheKernelDoes() {
        NlMessage ack = new NlMessage(new NlMsgHeader(0, NlMsgHeader.NLMSG_ERROR, NlmFlags.NLM_F_CAPPED, 3, 0x19e4),
                ErrorPayload.ack(new NlMsgHeader(40, RtmTypes.RTM_NEWLINK,
                        NlmFlags.NLM_F_REQUEST | NlmFlags.NLM_F_ACK, 3, 0)));

        assertEncodesTo(ack, Fixture.load("envelope/ack-capped.txt"));
    }

    @Test
    void doneEndsADumpAndSeveralMessagesShareADatagram() {
        Fixture fixture = Fixture.load("route/neigh-dump.txt");
        List<NlMessage> messages = NetlinkCodec.decode(fixture.buffer(), ROUTE);

        assertThat(messages).hasSize(5);
        assertThat(messages.subList(0, 4)).allSatisfy(m -> assertThat(m.hasFlags(NlmFlags.NLM_F_MULTI)).isTrue());
        assertThat(messages.getLast().type()).isEqualTo(NlMsgHeader.NLMSG_DONE);
        assertThat(messages.getLast().payload()).isEqualTo(DonePayload.ok());
        assertRoundTrips(messages, fixture);
    }

    @Test
    void interruptedDumpIsVisibleOnItsMessages() {
        ByteBuf datagram = Fixture.load("route/neigh-dump.txt").buffer();
        // The kernel sets NLM_F_DUMP_INTR when the table changed during the dump (flags at offset 6).
        int flags = HostOrder.getUnsignedShort(datagram, 6);
        HostOrder.setShort(datagram, 6, flags | NlmFlags.NLM_F_DUMP_INTR);

        List<NlMessage> messages = NetlinkCodec.decode(datagram, ROUTE);

        assertThat(messages.getFirst().hasFlags(NlmFlags.NLM_F_DUMP_INTR)).isTrue();
        assertThat(messages.get(1).hasFlags(NlmFlags.NLM_F_DUMP_INTR)).isFalse();
    }

    @Test
    void unknownMessageTypesAreKeptRaw() {
        ByteBuf datagram = Unpooled.buffer();
        NlMessage unknown = new NlMessage(new NlMsgHeader(0, 0x7f, 0, 9, 0), new RawPayload(new byte[] {1, 2, 3, 4, 5}));
        NetlinkCodec.encode(unknown, datagram);

        NlMessage decoded = NetlinkCodec.decodeOne(datagram, ROUTE);

        assertThat(decoded.payload()).isEqualTo(new RawPayload(new byte[] {1, 2, 3, 4, 5}));
        assertThat(decoded.header().length()).isEqualTo(21);
    }

    @Test
    void joinsMessagesOnFourByteBoundaries() {
        ByteBuf datagram = Unpooled.buffer();
        NetlinkCodec.encodeAll(List.of(
                new NlMessage(new NlMsgHeader(0, 0x7f, 0, 1, 0), new RawPayload(new byte[] {1})),
                new NlMessage(new NlMsgHeader(0, 0x7f, 0, 2, 0), new RawPayload(new byte[] {2}))), datagram);

        assertThat(datagram.readableBytes()).isEqualTo(20 + 17);
        assertThat(NlMsgHeader.peek(datagram, 20).sequence()).isEqualTo(2);
        assertThat(NetlinkCodec.decode(datagram, ROUTE)).extracting(NlMessage::payload)
                .containsExactly(new RawPayload(new byte[] {1}), new RawPayload(new byte[] {2}));
    }

    @Test
    void messageLongerThanTheDatagramIsACodecError() {
        ByteBuf datagram = Fixture.load("envelope/ack-capped.txt").buffer();
        HostOrder.setInt(datagram, 0, 200);

        assertThatThrownBy(() -> NetlinkCodec.decode(datagram, ROUTE))
                .isInstanceOf(CodecException.class)
                .hasMessage("message 0: message length 200 exceeds remaining 36");
    }

    @Test
    void truncatedErrorIsACodecErrorNamingTheMessage() {
        ByteBuf datagram = Fixture.load("envelope/error-capped-extack.txt").buffer();
        ByteBuf truncated = datagram.slice(0, 30);
        HostOrder.setInt(truncated, 0, 30);

        assertThatThrownBy(() -> NetlinkCodec.decode(truncated, ROUTE))
                .isInstanceOf(CodecException.class)
                .hasMessage("NLMSG_ERROR: nlmsgerr needs 20 bytes, 14 remain");
    }

    @Test
    void extAckAttributeLongerThanItsMessageIsACodecErrorWithItsPath() {
        ByteBuf datagram = Fixture.load("envelope/error-capped-extack.txt").buffer();
        HostOrder.setShort(datagram, 36, 60); // NLMSGERR_ATTR_MSG claims 60 bytes, 36 remain

        assertThatThrownBy(() -> NetlinkCodec.decode(datagram, ROUTE))
                .isInstanceOf(CodecException.class)
                .hasMessage("NLMSG_ERROR > NLMSGERR_ATTR_MSG: attribute length 60 exceeds remaining 36");
    }
}
