package netlab.netlink.route;

import static org.assertj.core.api.Assertions.fail;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import netlab.netlink.CodecException;
import netlab.netlink.HostOrder;
import netlab.netlink.NetlinkCodec;
import netlab.netlink.NlAttr;
import netlab.netlink.NlMessage;
import netlab.netlink.NlMsgHeader;
import netlab.netlink.testing.Fixture;
import netlab.netlink.testing.Generators;
import netlab.netlink.testing.Property;
import org.junit.jupiter.api.Test;

/**
 * Damaged and arbitrary address and route messages: decoding either succeeds or throws
 * {@link CodecException}, never anything else, and whatever decodes can be encoded again.
 */
class RouteAndAddressDamageTest {
    private static final List<String> FIXTURES = List.of("route/addr-add-v4.txt", "route/addr-add-v6-nodad.txt",
            "route/addr-del-v4.txt", "route/addr-dump.txt", "route/route-add-default-v4.txt",
            "route/route-add-prefix-metric.txt", "route/route-add-host-link.txt", "route/route-add-default-onlink.txt",
            "route/route-add-prefix-src.txt", "route/route-add-default-v6.txt", "route/route-add-table-proto.txt",
            "route/route-del-default.txt", "route/route-del-default-v6.txt", "route/route-del-prefix-v4.txt",
            "route/route-del-lo-proto.txt",
            "route/route-dump-all.txt",
            "route/route-dump-v6.txt");
    private static final int[] TYPES = {RtmTypes.RTM_NEWADDR, RtmTypes.RTM_DELADDR, RtmTypes.RTM_GETADDR,
            RtmTypes.RTM_NEWROUTE, RtmTypes.RTM_DELROUTE, RtmTypes.RTM_GETROUTE};

    @Test
    void damagedFixturesDecodeOrFailWithCodecException() {
        Property.forAll("address and route damage", 5000, random -> {
            byte[] original = Fixture.load(FIXTURES.get(random.nextInt(FIXTURES.size()))).bytes();
            assertDecodesOrRejects(damage(random, original));
        });
    }

    @Test
    void arbitraryBodiesDecodeOrFailWithCodecException() {
        Property.forAll("address and route arbitrary bytes", 3000, random -> {
            byte[] body = Generators.bytes(random, random.nextInt(80));
            int fixed = Math.max(IfAddrMsg.SIZE, RtMsg.SIZE);
            if (body.length >= fixed + NlAttr.HEADER_SIZE && random.nextBoolean()) {
                // A plausible first attribute length now and then, to get past the first attribute.
                int at = random.nextBoolean() ? IfAddrMsg.SIZE : RtMsg.SIZE;
                body[at] = (byte) random.nextInt(body.length - at + 1);
                body[at + 1] = 0;
            }
            ByteBuf datagram = Unpooled.buffer();
            new NlMsgHeader(NlMsgHeader.SIZE + body.length, TYPES[random.nextInt(TYPES.length)], 0, 0, 0).write(datagram);
            datagram.writeBytes(body);
            assertDecodesOrRejects(ByteBufUtil.getBytes(datagram));
        });
    }

    /**
     * One of: bytes cut short with the length of the message the cut falls in patched to match (so
     * the family decoder sees the cut), a cut without patching, or a few flipped bits anywhere.
     */
    private static byte[] damage(SplittableRandom random, byte[] original) {
        return switch (random.nextInt(3)) {
            case 0 -> cutAndPatch(Arrays.copyOf(original, random.nextInt(NlMsgHeader.SIZE, original.length + 1)));
            case 1 -> Arrays.copyOf(original, random.nextInt(original.length));
            default -> {
                byte[] bytes = original.clone();
                for (int flips = random.nextInt(1, 5); flips > 0; flips--) {
                    bytes[random.nextInt(bytes.length)] ^= (byte) (1 << random.nextInt(8));
                }
                yield bytes;
            }
        };
    }

    private static byte[] cutAndPatch(byte[] bytes) {
        ByteBuf datagram = Unpooled.wrappedBuffer(bytes);
        int start = 0;
        while (start + NlMsgHeader.SIZE <= bytes.length) {
            int length = HostOrder.getInt(datagram, start);
            if (length < NlMsgHeader.SIZE || start + length >= bytes.length) {
                datagram.setIndex(0, start);
                HostOrder.writeInt(datagram, bytes.length - start);
                break;
            }
            start += NlMsgHeader.align(length);
        }
        return bytes;
    }

    private static void assertDecodesOrRejects(byte[] bytes) {
        List<NlMessage> decoded;
        try {
            decoded = NetlinkCodec.decode(Unpooled.wrappedBuffer(bytes), RtnetlinkDecoder.INSTANCE);
        } catch (CodecException expected) {
            return;
        } catch (RuntimeException other) {
            fail("decoding threw " + other + " for " + ByteBufUtil.hexDump(bytes), other);
            return;
        }
        NetlinkCodec.encodeAll(decoded, Unpooled.buffer());
    }
}
