package netlab.kernel.probe;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.net.InetAddress;
import org.junit.jupiter.api.Test;

/** Echo messages and errors to bytes and back, without a kernel (ProberTest has the kernel's word). */
class IcmpCodecTest {
    private static final EchoToken TOKEN = new EchoToken(0x0123456789abcdefL, 70_000, 42L);

    @Test
    void theChecksumIsRfc1071s() {
        // RFC 1071 section 3's example: the sum of 00 01 f2 03 f4 f5 f6 f7 is ddf2, so the checksum is 220d.
        ByteBuf bytes = Unpooled.wrappedBuffer(ByteBufUtil.decodeHexDump("0001f203f4f5f6f7"));
        assertThat(InternetChecksum.of(bytes, 0, 8)).isEqualTo(0x220d);
        // An odd length is padded with a zero byte.
        assertThat(InternetChecksum.of(Unpooled.wrappedBuffer(new byte[] {1}), 0, 1)).isEqualTo(0xfeff);
    }

    @Test
    void anIpv4RequestCarriesAChecksumThatSumsToZero() {
        ByteBuf out = Unpooled.buffer();
        new EchoMessage(false, true, 0xbeef, 7, TOKEN).encode(out);

        assertThat(ByteBufUtil.hexDump(out, 0, 8)).startsWith("0800").endsWith("beef0007");
        assertThat(InternetChecksum.of(out, 0, out.readableBytes())).isZero();
        assertThat(EchoMessage.decode(out, false)).isEqualTo(new EchoMessage(false, true, 0xbeef, 7, TOKEN));
    }

    @Test
    void anIpv6RequestLeavesTheChecksumToTheKernel() {
        ByteBuf out = Unpooled.buffer();
        new EchoMessage(true, true, 1, 2, TOKEN).encode(out);

        assertThat(ByteBufUtil.hexDump(out, 0, 8)).isEqualTo("8000000000010002");
        assertThat(EchoMessage.decode(out, true)).isEqualTo(new EchoMessage(true, true, 1, 2, TOKEN));
    }

    @Test
    void somebodyElsesPingIsNoEchoOfOurs() {
        ByteBuf shortPing = Unpooled.wrappedBuffer(ByteBufUtil.decodeHexDump("0000ffff00010001"));
        assertThat(EchoMessage.decode(shortPing, false)).isNull();
        ByteBuf routerSolicitation = Unpooled.wrappedBuffer(new byte[40]).setByte(0, 133);
        assertThat(EchoMessage.decode(routerSolicitation, true)).isNull();
    }

    @Test
    void aTimeExceededQuotingOurRequestNamesItAndTheSender() {
        ByteBuf request = Unpooled.buffer();
        new EchoMessage(false, true, 9, 3, TOKEN).encode(request);
        ByteBuf error = Unpooled.buffer();
        error.writeBytes(ByteBufUtil.decodeHexDump("0b000000" + "00000000")); // time exceeded, TTL 0 in transit
        error.writeBytes(ByteBufUtil.decodeHexDump("4500003000004000" + "0101" + "0000" + "0a000101" + "0a000201"));
        error.writeBytes(request);

        IcmpError decoded = IcmpError.decode(error, false);

        assertThat(decoded.quoted()).isEqualTo(new EchoMessage(false, true, 9, 3, TOKEN));
        assertThat(decoded.failure(InetAddress.ofLiteral("10.0.1.254"))).isEqualTo("ttl exceeded, said 10.0.1.254");
    }

    @Test
    void anIpv6AddressUnreachableQuotingOurRequestIsRead() {
        ByteBuf request = Unpooled.buffer();
        new EchoMessage(true, true, 9, 3, TOKEN).encode(request);
        ByteBuf error = Unpooled.buffer();
        error.writeBytes(ByteBufUtil.decodeHexDump("01030000" + "00000000"));
        error.writeBytes(ByteBufUtil.decodeHexDump("6000000000203a40")); // version, length 32, next header 58, hop limit 64
        error.writeZero(32); // source and destination
        error.writeBytes(request);

        assertThat(IcmpError.decode(error, true).what()).isEqualTo("address unreachable");
    }

    @Test
    void anErrorAboutSomethingElseIsNotOurs() {
        ByteBuf error = Unpooled.buffer();
        error.writeBytes(ByteBufUtil.decodeHexDump("03030000" + "00000000"));
        error.writeBytes(ByteBufUtil.decodeHexDump("4500003000004000" + "4011" + "0000" + "0a000101" + "0a000201")); // UDP
        error.writeZero(8);
        assertThat(IcmpError.decode(error, false)).isNull();
    }
}
