package netlab.netlink.route;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.util.ArrayList;
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

/** Random address messages survive encode, decode, encode; values of odd shapes stay raw. */
class AddressPropertyTest {
    private static final Set<Integer> MODELLED = Set.of(AddressAttribute.IFA_ADDRESS, AddressAttribute.IFA_LOCAL,
            AddressAttribute.IFA_LABEL, AddressAttribute.IFA_BROADCAST, AddressAttribute.IFA_FLAGS,
            AddressAttribute.IFA_CACHEINFO, AddressAttribute.IFA_RT_PRIORITY, AddressAttribute.IFA_PROTO);

    @Test
    void randomAddressMessagesSurviveARoundTrip() {
        Property.forAll("address round trip", 500, random -> RoundTrip.assertSurvives(
                NlMessage.request(RtmTypes.RTM_NEWADDR + random.nextInt(3), random.nextInt(65536), randomMessage(random)),
                RtnetlinkDecoder.INSTANCE));
    }

    @Test
    void modelledTypesWithArbitraryValuesReencodeByteIdentically() {
        // A value in the wrong shape (a 5-byte address, a label without NUL) must stay raw.
        List<Integer> types = List.copyOf(MODELLED);
        Property.forAll("address odd shapes", 500, random -> {
            int flags = random.nextInt(4) == 0 ? NlAttr.NLA_F_NESTED : 0;
            RawAttribute odd = new RawAttribute(types.get(random.nextInt(types.size())) | flags,
                    Generators.bytes(random, random.nextInt(21)));
            AddressMessage message = new AddressMessage(randomHeader(random), List.of(new AddressAttribute.Other(odd)));
            byte[] first = encode(NlMessage.request(RtmTypes.RTM_NEWADDR, 0, message));
            NlMessage decoded = NetlinkCodec.decodeOne(Unpooled.wrappedBuffer(first), RtnetlinkDecoder.INSTANCE);
            assertThat(encode(decoded)).isEqualTo(first);
        });
    }

    private static AddressMessage randomMessage(SplittableRandom random) {
        return new AddressMessage(randomHeader(random), Generators.listOf(random, 8, AddressPropertyTest::randomAttribute));
    }

    private static IfAddrMsg randomHeader(SplittableRandom random) {
        return new IfAddrMsg(random.nextBoolean() ? RtFamily.AF_INET : RtFamily.AF_INET6, Generators.u8(random),
                Generators.u8(random), Generators.u8(random), random.nextInt());
    }

    private static AddressAttribute randomAttribute(SplittableRandom random) {
        return switch (random.nextInt(9)) {
            case 0 -> new AddressAttribute.Address(Generators.address(random));
            case 1 -> new AddressAttribute.Local(Generators.address(random));
            case 2 -> new AddressAttribute.Label(Generators.name(random));
            case 3 -> new AddressAttribute.Broadcast(Generators.ipv4(random));
            case 4 -> new AddressAttribute.Flags(random.nextInt());
            case 5 -> new AddressAttribute.CacheInfo(random.nextInt(), random.nextInt(), random.nextInt(), random.nextInt());
            case 6 -> new AddressAttribute.RoutePriority(random.nextInt());
            case 7 -> new AddressAttribute.Protocol(Generators.u8(random));
            default -> new AddressAttribute.Other(Generators.unknownAttribute(random, MODELLED));
        };
    }

    private static byte[] encode(NlMessage message) {
        return encodeAll(List.of(message));
    }

    private static byte[] encodeAll(List<NlMessage> messages) {
        ByteBuf out = Unpooled.buffer();
        NetlinkCodec.encodeAll(new ArrayList<>(messages), out);
        return ByteBufUtil.getBytes(out);
    }
}
