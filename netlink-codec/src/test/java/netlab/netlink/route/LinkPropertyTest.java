package netlab.netlink.route;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.List;
import netlab.netlink.CodecException;
import netlab.netlink.HostOrder;
import netlab.netlink.NetlinkCodec;
import netlab.netlink.NlMessage;
import netlab.netlink.NlMsgHeader;
import netlab.netlink.testing.Fixture;
import netlab.netlink.testing.Generators;
import netlab.netlink.testing.Property;
import netlab.netlink.testing.RoundTrip;
import org.junit.jupiter.api.Test;

class LinkPropertyTest {
    private static final List<String> FIXTURES = List.of("link-add-veth", "link-add-veth-peer-netns-fd",
            "link-add-veth-peer-netns-pid", "link-add-bridge", "link-add-bridge-stp", "link-add-macvlan",
            "link-add-vxlan", "link-set-up", "link-set-down", "link-set-mtu", "link-set-master", "link-set-nomaster",
            "link-set-alias", "link-set-group", "link-set-name", "link-set-netns", "link-del", "link-get-by-name",
            "link-dump-request", "link-dump");

    @Test
    void randomLinkMessagesSurviveEncodeDecodeEncode() {
        Property.forAll("link round trip", 2000, random -> RoundTrip.assertSurvives(
                NlMessage.request(LinkGenerators.type(random), random.nextInt(0x10000), LinkGenerators.message(random)),
                RtnetlinkDecoder.INSTANCE));
    }

    @Test
    void randomBodiesDecodeOrFailCleanly() {
        Property.forAll("link random body", 3000, random -> {
            byte[] body = Generators.bytes(random, random.nextInt(120));
            // Bias towards attribute headers the decoders descend into.
            for (int i = 16; i + 4 <= body.length; i += 4 + random.nextInt(12)) {
                if (random.nextBoolean()) {
                    body[i] = (byte) random.nextInt(4, 40);
                    body[i + 1] = 0;
                    body[i + 2] = (byte) random.nextInt(1, 60);
                    body[i + 3] = (byte) (random.nextBoolean() ? 0 : 0x80);
                }
            }
            ByteBuf datagram = Unpooled.buffer();
            HostOrder.writeInt(datagram, NlMsgHeader.SIZE + body.length);
            HostOrder.writeShort(datagram, LinkGenerators.type(random));
            HostOrder.writeShort(datagram, 0);
            datagram.writeZero(8).writeBytes(body);
            decodesOrFailsCleanly(datagram);
        });
    }

    @Test
    void truncatedFixturesDecodeOrFailCleanly() {
        for (String name : FIXTURES) {
            byte[] bytes = Fixture.load("route/" + name + ".txt").bytes();
            for (int length = 0; length < bytes.length; length++) {
                ByteBuf cut = Unpooled.wrappedBuffer(bytes.clone(), 0, length);
                decodesOrFailsCleanly(cut);
                if (length >= NlMsgHeader.SIZE) {
                    // Also with nlmsg_len shortened to match, so the cut reaches the link decoder.
                    ByteBuf patched = Unpooled.wrappedBuffer(bytes.clone(), 0, length);
                    HostOrder.setInt(patched, 0, length);
                    decodesOrFailsCleanly(patched);
                }
            }
        }
    }

    @Test
    void bitFlippedFixturesDecodeOrFailCleanly() {
        Property.forAll("link bit flips", 3000, random -> {
            byte[] bytes = Fixture.load("route/" + FIXTURES.get(random.nextInt(FIXTURES.size())) + ".txt").bytes();
            int flips = random.nextInt(1, 4);
            for (int i = 0; i < flips; i++) {
                int bit = random.nextInt(bytes.length * 8);
                bytes[bit / 8] ^= (byte) (1 << (bit % 8));
            }
            decodesOrFailsCleanly(Unpooled.wrappedBuffer(bytes));
        });
    }

    /** Decoding gives messages or a CodecException, nothing else; whatever decodes can be encoded. */
    private static void decodesOrFailsCleanly(ByteBuf datagram) {
        List<NlMessage> messages;
        try {
            messages = NetlinkCodec.decode(datagram, RtnetlinkDecoder.INSTANCE);
        } catch (CodecException expected) {
            assertThat(expected.getMessage()).isNotBlank();
            return;
        }
        ByteBuf out = Unpooled.buffer();
        NetlinkCodec.encodeAll(messages, out);
        assertThat(out.readableBytes()).isGreaterThanOrEqualTo(messages.size() * NlMsgHeader.SIZE);
    }
}
