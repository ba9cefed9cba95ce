package netlab.netlink;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;

class NlMsgHeaderTest {
    /**
     * The header of the dump "ip link show" sends on x86_64, captured with
     * {@code strace -f -e trace=sendmsg,sendto -e write=all ip link show}:
     * len 40, RTM_GETLINK (18), NLM_F_REQUEST|NLM_F_DUMP (0x301), seq 0x6b041e36, port id 0.
     */
    private static final String IP_LINK_SHOW_HEADER = "28000000" + "1200" + "0103" + "361e046b" + "00000000";

    @Test
    void writesHostOrderFields() {
        ByteBuf buffer = Unpooled.buffer();
        new NlMsgHeader(40, 18, 0x301, 0x6b041e36, 0).write(buffer);
        assertThat(ByteBufUtil.hexDump(buffer)).isEqualTo(IP_LINK_SHOW_HEADER);
    }

    @Test
    void readsWhatItWrites() {
        ByteBuf buffer = Unpooled.wrappedBuffer(ByteBufUtil.decodeHexDump("ffff" + IP_LINK_SHOW_HEADER));
        assertThat(NlMsgHeader.peek(buffer, 2)).isEqualTo(new NlMsgHeader(40, 18, 0x301, 0x6b041e36, 0));
        assertThat(buffer.readerIndex()).isZero();
    }

    @Test
    void alignsToFourBytes() {
        assertThat(NlMsgHeader.align(16)).isEqualTo(16);
        assertThat(NlMsgHeader.align(17)).isEqualTo(20);
        assertThat(NlMsgHeader.align(19)).isEqualTo(20);
        assertThat(NlMsgHeader.align(20)).isEqualTo(20);
    }
}
