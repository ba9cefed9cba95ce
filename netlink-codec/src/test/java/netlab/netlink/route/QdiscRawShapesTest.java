package netlab.netlink.route;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import netlab.netlink.AttributeWriter;
import netlab.netlink.HostOrder;
import netlab.netlink.NetlinkCodec;
import netlab.netlink.NlAttr;
import netlab.netlink.NlMessage;
import netlab.netlink.NlMsgHeader;
import netlab.netlink.NlmFlags;
import org.junit.jupiter.api.Test;

/**
 * Qdisc shapes the typed records could not reproduce stay raw, and decode then encode keeps the
 * bytes of every shape: the codec types only what it can write back exactly.
 */
class QdiscRawShapesTest {
    private static final Consumer<AttributeWriter> TBF_PARMS = writer -> writer.nested(QdiscAttribute.TCA_OPTIONS,
            options -> options.bytes(TbfAttribute.TCA_TBF_PARMS, new byte[TbfQopt.SIZE]));

    @Test
    void optionsBeforeTheKindStayRaw() {
        List<QdiscAttribute> attributes = decode(TBF_PARMS.andThen(kind("tbf")));

        assertThat(attributes.getFirst()).isInstanceOf(QdiscAttribute.Other.class);
        assertThat(attributes.get(1)).isEqualTo(new QdiscAttribute.Kind("tbf"));
    }

    @Test
    void tbfOptionsAreTypedAfterTheKind() {
        List<QdiscAttribute> attributes = decode(kind("tbf").andThen(TBF_PARMS));

        assertThat(attributes.get(1)).isInstanceOf(QdiscAttribute.Options.class);
    }

    @Test
    void flaggedTbfOptionsStayRaw() {
        List<QdiscAttribute> attributes = decode(kind("tbf").andThen(writer -> writer.nested(
                QdiscAttribute.TCA_OPTIONS | NlAttr.NLA_F_NESTED,
                options -> options.bytes(TbfAttribute.TCA_TBF_PARMS, new byte[TbfQopt.SIZE]))));

        assertThat(attributes.get(1)).isInstanceOf(QdiscAttribute.Other.class);
    }

    @Test
    void tbfOptionsWithoutParametersStayRaw() {
        List<QdiscAttribute> attributes = decode(kind("tbf").andThen(writer -> writer.nested(QdiscAttribute.TCA_OPTIONS,
                options -> options.u32Host(TbfAttribute.TCA_TBF_BURST, 1514))));

        assertThat(attributes.get(1)).isInstanceOf(QdiscAttribute.Other.class);
    }

    @Test
    void oddTbfValueLengthsStayRawInsideTypedOptions() {
        List<QdiscAttribute> attributes = decode(kind("tbf").andThen(writer -> writer.nested(QdiscAttribute.TCA_OPTIONS,
                options -> options.bytes(TbfAttribute.TCA_TBF_PARMS, new byte[TbfQopt.SIZE])
                        .u32Host(TbfAttribute.TCA_TBF_RATE64, 7)
                        .bytes(TbfAttribute.TCA_TBF_RTAB, new byte[1020]))));

        TbfOptions tbf = (TbfOptions) ((QdiscAttribute.Options) attributes.get(1)).options();
        assertThat(tbf.attributes().subList(1, 3)).allMatch(TbfAttribute.Other.class::isInstance);
    }

    @Test
    void netemOptionsShorterThanTheirStructStayRaw() {
        List<QdiscAttribute> attributes = decode(kind("netem").andThen(
                writer -> writer.bytes(QdiscAttribute.TCA_OPTIONS, new byte[NetemQopt.SIZE - 4])));

        assertThat(attributes.get(1)).isInstanceOf(QdiscAttribute.Other.class);
    }

    @Test
    void otherKindsKeepTheirOptionsRaw() {
        List<QdiscAttribute> attributes = decode(kind("fq_codel").andThen(
                writer -> writer.nested(QdiscAttribute.TCA_OPTIONS, options -> options.u32Host(1, 5000))));

        assertThat(attributes.get(1)).isInstanceOf(QdiscAttribute.Other.class);
    }

    @Test
    void aKindWithoutItsNulStaysRawAndSoDoItsOptions() {
        List<QdiscAttribute> attributes = decode(
                writer -> writer.bytes(QdiscAttribute.TCA_KIND, "tbf".getBytes(StandardCharsets.US_ASCII))
                        .nested(QdiscAttribute.TCA_OPTIONS,
                                options -> options.bytes(TbfAttribute.TCA_TBF_PARMS, new byte[TbfQopt.SIZE])));

        assertThat(attributes).allMatch(QdiscAttribute.Other.class::isInstance);
    }

    @Test
    void theKernelsNetemDumpFormIsTypedAndItsNanosecondsWin() {
        // netem_dump writes the struct, then LATENCY64 and JITTER64, CORR, REORDER, CORRUPT, RATE...
        List<QdiscAttribute> attributes = decode(kind("netem").andThen(
                writer -> writer.nested(QdiscAttribute.TCA_OPTIONS, options -> {
                    new NetemQopt(1_562_500, 1000, 0, 0, 0, 0).encode(options.buffer());
                    options.u64Host(NetemAttribute.TCA_NETEM_LATENCY64, 100_000_123)
                            .u64Host(NetemAttribute.TCA_NETEM_JITTER64, 7)
                            .bytes(NetemAttribute.TCA_NETEM_CORR, new byte[12]);
                })));

        NetemOptions netem = (NetemOptions) ((QdiscAttribute.Options) attributes.get(1)).options();
        assertThat(netem.delay()).isEqualTo(Duration.ofNanos(100_000_123));
        assertThat(netem.jitter()).isEqualTo(Duration.ofNanos(7));
        assertThat(netem.attributes().getLast()).isInstanceOf(NetemAttribute.Other.class);
        assertThat(netem.rateBytesPerSecond()).isEmpty();
    }

    private static Consumer<AttributeWriter> kind(String kind) {
        return writer -> writer.string(QdiscAttribute.TCA_KIND, kind);
    }

    /**
     * Encodes an RTM_NEWQDISC whose attributes {@code body} writes, decodes it, checks the bytes
     * survive, and returns the decoded attributes.
     */
    private static List<QdiscAttribute> decode(Consumer<AttributeWriter> body) {
        ByteBuf datagram = Unpooled.buffer();
        new NlMsgHeader(0, RtmTypes.RTM_NEWQDISC, NlmFlags.NLM_F_REQUEST, 0, 0).write(datagram);
        TcMsg.root(3).encode(datagram);
        body.accept(new AttributeWriter(datagram));
        HostOrder.setInt(datagram, 0, datagram.writerIndex());
        byte[] bytes = ByteBufUtil.getBytes(datagram);

        NlMessage decoded = NetlinkCodec.decodeOne(Unpooled.wrappedBuffer(bytes), RtnetlinkDecoder.INSTANCE);
        ByteBuf again = Unpooled.buffer();
        NetlinkCodec.encode(decoded, again);
        assertThat(ByteBufUtil.hexDump(again)).isEqualTo(ByteBufUtil.hexDump(bytes));
        return ((QdiscMessage) decoded.payload()).attributes();
    }
}
