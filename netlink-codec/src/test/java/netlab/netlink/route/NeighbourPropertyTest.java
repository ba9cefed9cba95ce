package netlab.netlink.route;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import netlab.netlink.NlMessage;
import netlab.netlink.NlMsgHeader;
import netlab.netlink.testing.Generators;
import netlab.netlink.testing.Property;
import netlab.netlink.testing.RoundTrip;
import org.junit.jupiter.api.Test;

class NeighbourPropertyTest {
    private static final Set<Integer> MODELLED = Set.of(NeighbourAttribute.NDA_DST, NeighbourAttribute.NDA_LLADDR,
            NeighbourAttribute.NDA_PROBES, NeighbourAttribute.NDA_PROTOCOL);

    @Test
    void randomNeighbourMessagesSurviveEncodeDecodeEncode() {
        Property.forAll("neighbour round trip", 500, random -> RoundTrip.assertSurvives(
                new NlMessage(new NlMsgHeader(0, RtmTypes.RTM_NEWNEIGH, random.nextInt(0x1000), random.nextInt(), 0),
                        randomNeighbour(random)),
                RtnetlinkDecoder.INSTANCE));
    }

    static NeighbourMessage randomNeighbour(SplittableRandom random) {
        List<NeighbourAttribute> attributes = new ArrayList<>();
        int count = random.nextInt(6);
        for (int i = 0; i < count; i++) {
            attributes.add(switch (random.nextInt(5)) {
                case 0 -> new NeighbourAttribute.Destination(Generators.address(random));
                case 1 -> new NeighbourAttribute.LinkLayerAddress(Generators.mac(random));
                case 2 -> new NeighbourAttribute.Probes(random.nextInt());
                case 3 -> new NeighbourAttribute.Protocol(Generators.u8(random));
                default -> new NeighbourAttribute.Other(Generators.unknownAttribute(random, MODELLED));
            });
        }
        NdMsg header = new NdMsg(Generators.u8(random), random.nextInt(), Generators.u16(random),
                Generators.u8(random), Generators.u8(random));
        return new NeighbourMessage(header, attributes);
    }
}
