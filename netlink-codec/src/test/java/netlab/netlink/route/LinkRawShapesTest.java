package netlab.netlink.route;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;
import netlab.netlink.AttributeWriter;
import netlab.netlink.HostOrder;
import netlab.netlink.NetlinkCodec;
import netlab.netlink.NlAttr;
import netlab.netlink.NlMessage;
import netlab.netlink.NlmFlags;
import org.junit.jupiter.api.Test;

/**
 * Shapes the typed records could not reproduce stay raw, so decode then encode keeps the bytes:
 * the codec decodes only what it can write back exactly.
 */
class LinkRawShapesTest {
    @Test
    void flaggedLinkInfoStaysRaw() {
        LinkAttribute attribute = decodeSingle(LinkAttribute.IFLA_LINKINFO | NlAttr.NLA_F_NESTED,
                writer -> writer.bytes(LinkInfo.IFLA_INFO_KIND, ascii("veth")));

        assertThat(attribute).isInstanceOf(LinkAttribute.Other.class);
    }

    @Test
    void unflaggedPropListStaysRaw() {
        LinkAttribute attribute = decodeSingle(LinkAttribute.IFLA_PROP_LIST,
                writer -> writer.string(LinkAttribute.IFLA_ALT_IFNAME, "lab-eth0"));

        assertThat(attribute).isInstanceOf(LinkAttribute.Other.class);
    }

    @Test
    void nestWithoutItsLastPaddingStaysRaw() {
        // IFLA_LINKINFO's length leaves out the 3 padding bytes of its last attribute ("vxlan").
        ByteBuf value = Unpooled.buffer();
        new AttributeWriter(value).bytes(LinkInfo.IFLA_INFO_KIND, ascii("vxlan"));
        byte[] unpadded = ByteBufUtil.getBytes(value, 0, 9);

        LinkAttribute attribute = decodeSingle(LinkAttribute.IFLA_LINKINFO, writer -> writer.buffer().writeBytes(unpadded));

        assertThat(attribute).isInstanceOf(LinkAttribute.Other.class);
    }

    @Test
    void unknownKindKeepsItsDataRaw() {
        LinkInfo info = ((LinkAttribute.Info) decodeSingle(LinkAttribute.IFLA_LINKINFO, writer -> writer
                .string(LinkInfo.IFLA_INFO_KIND, "wireguard")
                .nested(LinkInfo.IFLA_INFO_DATA, data -> data.u32Host(1, 7)))).info();

        assertThat(info.kind()).contains("wireguard");
        assertThat(info.data()).isEmpty();
        assertThat(info.attributes().get(1)).isInstanceOf(LinkInfo.Other.class);
    }

    @Test
    void dataBeforeKindStaysRaw() {
        LinkInfo info = ((LinkAttribute.Info) decodeSingle(LinkAttribute.IFLA_LINKINFO, writer -> writer
                .nested(LinkInfo.IFLA_INFO_DATA, data -> data.u32Host(MacvlanInfo.IFLA_MACVLAN_MODE, 4))
                .bytes(LinkInfo.IFLA_INFO_KIND, ascii("macvlan")))).info();

        assertThat(info.attributes().getFirst()).isInstanceOf(LinkInfo.Other.class);
        assertThat(info.kind()).contains("macvlan");
    }

    @Test
    void vethPeerWithNonZeroPadStaysRawButTheRestIsTyped() {
        LinkInfo info = ((LinkAttribute.Info) decodeSingle(LinkAttribute.IFLA_LINKINFO, writer -> writer
                .bytes(LinkInfo.IFLA_INFO_KIND, ascii("veth"))
                .nested(LinkInfo.IFLA_INFO_DATA, data -> data.nested(VethInfo.VETH_INFO_PEER, peer -> {
                    peer.buffer().writeByte(0).writeByte(0x5a); // __ifi_pad set
                    peer.buffer().writeZero(IfInfoMsg.SIZE - 2);
                })))).info();

        VethInfo veth = (VethInfo) info.data().orElseThrow();
        assertThat(veth.attributes()).singleElement().isInstanceOf(VethInfo.Other.class);
    }

    @Test
    void kernelAndIproute2StringFormsAreBothKeptAsSent() {
        assertThat(decodeSingle(LinkAttribute.IFLA_IFALIAS, writer -> writer.buffer().writeBytes(ascii("lan\0"))))
                .isEqualTo(new LinkAttribute.Alias("lan", true));
        assertThat(decodeSingle(LinkAttribute.IFLA_IFALIAS, writer -> writer.buffer().writeBytes(ascii("lan"))))
                .isEqualTo(new LinkAttribute.Alias("lan", false));
        assertThat(decodeSingle(LinkAttribute.IFLA_IFALIAS, writer -> writer.buffer().writeBytes(ascii("l\0n"))))
                .isInstanceOf(LinkAttribute.Other.class);
    }

    @Test
    void oddScalarLengthsStayRaw() {
        assertThat(decodeSingle(LinkAttribute.IFLA_MTU, writer -> writer.buffer().writeShort(1500)))
                .isInstanceOf(LinkAttribute.Other.class);
        assertThat(decodeSingle(LinkAttribute.IFLA_ADDRESS, writer -> writer.buffer().writeZero(20)))
                .isInstanceOf(LinkAttribute.Other.class); // an infiniband hardware address
    }

    /**
     * Encodes an RTM_NEWLINK with one attribute of {@code typeWord} whose value {@code body}
     * writes, decodes it, checks the bytes survive, and returns the decoded attribute.
     */
    private static LinkAttribute decodeSingle(int typeWord, Consumer<AttributeWriter> body) {
        ByteBuf datagram = Unpooled.buffer();
        int start = 16 + IfInfoMsg.SIZE;
        datagram.writeZero(start);
        datagram.writeShort(0).writeShort(0);
        body.accept(new AttributeWriter(datagram));
        int length = datagram.writerIndex() - start;
        HostOrder.setShort(datagram, start, length);
        HostOrder.setShort(datagram, start + 2, typeWord);
        datagram.writeZero(NlAttr.align(length) - length);
        HostOrder.setInt(datagram, 0, datagram.writerIndex());
        HostOrder.setShort(datagram, 4, RtmTypes.RTM_NEWLINK);
        HostOrder.setShort(datagram, 6, NlmFlags.NLM_F_REQUEST);
        byte[] bytes = ByteBufUtil.getBytes(datagram);

        NlMessage decoded = NetlinkCodec.decodeOne(Unpooled.wrappedBuffer(bytes), RtnetlinkDecoder.INSTANCE);
        ByteBuf again = Unpooled.buffer();
        NetlinkCodec.encode(decoded, again);
        assertThat(ByteBufUtil.hexDump(again)).isEqualTo(ByteBufUtil.hexDump(bytes));
        List<LinkAttribute> attributes = ((LinkMessage) decoded.payload()).attributes();
        assertThat(attributes).hasSize(1);
        return attributes.getFirst();
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
