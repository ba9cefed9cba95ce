package netlab.netlink.route;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import netlab.netlink.NetlinkCodec;
import netlab.netlink.NlAttr;
import netlab.netlink.NlMessage;
import netlab.netlink.RawAttribute;
import netlab.netlink.testing.Generators;
import netlab.netlink.testing.Property;
import netlab.netlink.testing.RoundTrip;
import org.junit.jupiter.api.Test;

/** Random route messages survive encode, decode, encode; values of odd shapes stay raw. */
class RoutePropertyTest {
    private static final Set<Integer> MODELLED = Set.of(RouteAttribute.RTA_DST, RouteAttribute.RTA_OIF,
            RouteAttribute.RTA_GATEWAY, RouteAttribute.RTA_PRIORITY, RouteAttribute.RTA_PREFSRC,
            RouteAttribute.RTA_METRICS, RouteAttribute.RTA_TABLE, RouteAttribute.RTA_PREF);

    @Test
    void randomRouteMessagesSurviveARoundTrip() {
        Property.forAll("route round trip", 500, random -> RoundTrip.assertSurvives(
                NlMessage.request(RtmTypes.RTM_NEWROUTE + random.nextInt(3), random.nextInt(65536), randomMessage(random)),
                RtnetlinkDecoder.INSTANCE));
    }

    @Test
    void modelledTypesWithArbitraryValuesReencodeByteIdentically() {
        // A value in the wrong shape (a 3-byte ifindex, a flagged or ragged metrics nest) must stay raw.
        List<Integer> types = List.copyOf(MODELLED);
        Property.forAll("route odd shapes", 1000, random -> {
            int flags = random.nextInt(4) == 0 ? NlAttr.NLA_F_NESTED : 0;
            RawAttribute odd = new RawAttribute(types.get(random.nextInt(types.size())) | flags,
                    Generators.bytes(random, random.nextInt(21)));
            RouteMessage message = new RouteMessage(randomHeader(random), List.of(new RouteAttribute.Other(odd)));
            byte[] first = encode(NlMessage.request(RtmTypes.RTM_NEWROUTE, 0, message));
            NlMessage decoded = NetlinkCodec.decodeOne(Unpooled.wrappedBuffer(first), RtnetlinkDecoder.INSTANCE);
            assertThat(encode(decoded)).isEqualTo(first);
        });
    }

    @Test
    void metricsWithNonZeroPaddingStayRaw() {
        // RTAX_MTU 1400 whose padding would not survive: a 5-byte value padded with 0xff.
        byte[] nest = {9, 0, 2, 0, 0x78, 5, 0, 0, 1, (byte) 0xff, (byte) 0xff, (byte) 0xff};
        RouteMessage message = new RouteMessage(randomHeader(new SplittableRandom(1)),
                List.of(new RouteAttribute.Other(new RawAttribute(RouteAttribute.RTA_METRICS, nest))));
        NlMessage decoded = NetlinkCodec.decodeOne(
                Unpooled.wrappedBuffer(encode(NlMessage.request(RtmTypes.RTM_NEWROUTE, 0, message))),
                RtnetlinkDecoder.INSTANCE);

        assertThat(decoded.payload()).isEqualTo(message);
    }

    private static RouteMessage randomMessage(SplittableRandom random) {
        return new RouteMessage(randomHeader(random), Generators.listOf(random, 8, RoutePropertyTest::randomAttribute));
    }

    private static RtMsg randomHeader(SplittableRandom random) {
        return new RtMsg(random.nextBoolean() ? RtFamily.AF_INET : RtFamily.AF_INET6, Generators.u8(random),
                Generators.u8(random), Generators.u8(random), Generators.u8(random), Generators.u8(random),
                Generators.u8(random), Generators.u8(random), random.nextInt());
    }

    private static RouteAttribute randomAttribute(SplittableRandom random) {
        return switch (random.nextInt(9)) {
            case 0 -> new RouteAttribute.Destination(Generators.address(random));
            case 1 -> new RouteAttribute.OutputInterface(random.nextInt());
            case 2 -> new RouteAttribute.Gateway(Generators.address(random));
            case 3 -> new RouteAttribute.Priority(random.nextInt());
            case 4 -> new RouteAttribute.PreferredSource(Generators.address(random));
            case 5 -> new RouteAttribute.Table(random.nextInt());
            case 6 -> new RouteAttribute.Preference(Generators.u8(random));
            case 7 -> new RouteAttribute.Metrics(Generators.listOf(random, 4,
                    r -> new RawAttribute(r.nextInt(1, 18), Generators.bytes(r, r.nextInt(9)))));
            default -> new RouteAttribute.Other(Generators.unknownAttribute(random, MODELLED));
        };
    }

    private static byte[] encode(NlMessage message) {
        ByteBuf out = Unpooled.buffer();
        NetlinkCodec.encode(message, out);
        return ByteBufUtil.getBytes(out);
    }
}
