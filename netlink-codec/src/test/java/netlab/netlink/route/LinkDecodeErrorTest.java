package netlab.netlink.route;

import static netlab.netlink.NlmFlags.NLM_F_ACK;
import static netlab.netlink.NlmFlags.NLM_F_CREATE;
import static netlab.netlink.NlmFlags.NLM_F_EXCL;
import static netlab.netlink.NlmFlags.NLM_F_REQUEST;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import netlab.netlink.AttributeWriter;
import netlab.netlink.CodecException;
import netlab.netlink.HostOrder;
import netlab.netlink.NetlinkCodec;
import netlab.netlink.NlMessage;
import netlab.netlink.RawAttribute;
import netlab.netlink.RawPayload;
import netlab.netlink.testing.Fixture;
import org.junit.jupiter.api.Test;

/** Corrupted link messages fail with the path down to the faulty attribute. */
class LinkDecodeErrorTest {
    @Test
    void vethPeerLongerThanItsInfoDataNamesThePath() {
        // ip link add veth0 type veth ..., but IFLA_INFO_DATA holds only a 4-byte VETH_INFO_PEER
        // header that claims 9 bytes.
        ByteBuf datagram = vethRequestWithInfoData(data -> {
            HostOrder.writeShort(data.buffer(), 9);
            HostOrder.writeShort(data.buffer(), VethInfo.VETH_INFO_PEER);
        });

        assertThatThrownBy(() -> NetlinkCodec.decode(datagram, RtnetlinkDecoder.INSTANCE))
                .isInstanceOf(CodecException.class)
                .hasMessage("RTM_NEWLINK > IFLA_LINKINFO > IFLA_INFO_DATA > VETH_INFO_PEER: "
                        + "attribute length 9 exceeds remaining 4");
    }

    @Test
    void vethPeerTooShortForItsIfinfomsg() {
        ByteBuf datagram = vethRequestWithInfoData(data -> data.bytes(VethInfo.VETH_INFO_PEER, new byte[4]));

        assertThatThrownBy(() -> NetlinkCodec.decode(datagram, RtnetlinkDecoder.INSTANCE))
                .isInstanceOf(CodecException.class)
                .hasMessage("RTM_NEWLINK > IFLA_LINKINFO > IFLA_INFO_DATA > VETH_INFO_PEER: "
                        + "ifinfomsg needs 16 bytes, 4 remain");
    }

    @Test
    void corruptPeerAttributeNamesThePeersAttribute() {
        byte[] bytes = Fixture.load("route/link-add-veth.txt").bytes();
        // The peer's IFLA_IFNAME length (at 0x50, 10) claims 13 of the 12 bytes left.
        bytes[0x50] = 13;

        assertThatThrownBy(() -> NetlinkCodec.decode(Unpooled.wrappedBuffer(bytes), RtnetlinkDecoder.INSTANCE))
                .isInstanceOf(CodecException.class)
                .hasMessage("RTM_NEWLINK > IFLA_LINKINFO > IFLA_INFO_DATA > VETH_INFO_PEER > IFLA_IFNAME: "
                        + "attribute length 13 exceeds remaining 12");
    }

    @Test
    void truncatedIfinfomsgIsReported() {
        ByteBuf datagram = Unpooled.buffer();
        NetlinkCodec.encode(NlMessage.request(RtmTypes.RTM_DELLINK, NLM_F_REQUEST,
                new RawPayload(new byte[8])), datagram);

        assertThatThrownBy(() -> NetlinkCodec.decode(datagram, RtnetlinkDecoder.INSTANCE))
                .isInstanceOf(CodecException.class)
                .hasMessage("RTM_DELLINK: ifinfomsg needs 16 bytes, 8 remain");
    }

    /** A veth create request whose IFLA_INFO_DATA body is written by {@code data}, unchecked. */
    private static ByteBuf vethRequestWithInfoData(Consumer<AttributeWriter> data) {
        ByteBuf linkInfo = Unpooled.buffer();
        new AttributeWriter(linkInfo)
                .bytes(LinkInfo.IFLA_INFO_KIND, "veth".getBytes(StandardCharsets.US_ASCII))
                .nested(LinkInfo.IFLA_INFO_DATA, data);
        LinkMessage corrupt = new LinkMessage(IfInfoMsg.request(0), new LinkAttribute.Name("veth0"),
                new LinkAttribute.Other(new RawAttribute(LinkAttribute.IFLA_LINKINFO, ByteBufUtil.getBytes(linkInfo))));
        ByteBuf datagram = Unpooled.buffer();
        NetlinkCodec.encode(NlMessage.request(RtmTypes.RTM_NEWLINK,
                NLM_F_REQUEST | NLM_F_ACK | NLM_F_EXCL | NLM_F_CREATE, corrupt), datagram);
        return datagram;
    }
}
