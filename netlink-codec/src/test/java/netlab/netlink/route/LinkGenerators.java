package netlab.netlink.route;

import static netlab.netlink.testing.Generators.bytes;
import static netlab.netlink.testing.Generators.listOf;
import static netlab.netlink.testing.Generators.name;
import static netlab.netlink.testing.Generators.unknownAttribute;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import netlab.netlink.RawAttribute;
import netlab.netlink.testing.Generators;

/** Random well-formed link messages: every modelled record, unknown attributes and unknown kinds. */
final class LinkGenerators {
    /** The IFLA_* types LinkAttribute decodes into records; random unknown attributes avoid them. */
    static final Set<Integer> MODELLED = Set.of(LinkAttribute.IFLA_ADDRESS, LinkAttribute.IFLA_IFNAME,
            LinkAttribute.IFLA_MTU, LinkAttribute.IFLA_LINK, LinkAttribute.IFLA_MASTER, LinkAttribute.IFLA_OPERSTATE,
            LinkAttribute.IFLA_LINKINFO, LinkAttribute.IFLA_NET_NS_PID, LinkAttribute.IFLA_IFALIAS,
            LinkAttribute.IFLA_GROUP, LinkAttribute.IFLA_NET_NS_FD, LinkAttribute.IFLA_EXT_MASK,
            LinkAttribute.IFLA_LINK_NETNSID, LinkAttribute.IFLA_PROP_LIST, LinkAttribute.IFLA_ALT_IFNAME);
    private static final int[] TYPES = {RtmTypes.RTM_NEWLINK, RtmTypes.RTM_DELLINK, RtmTypes.RTM_GETLINK,
            RtmTypes.RTM_SETLINK};

    private LinkGenerators() {}

    static int type(SplittableRandom random) {
        return TYPES[random.nextInt(TYPES.length)];
    }

    static LinkMessage message(SplittableRandom random) {
        List<LinkAttribute> attributes = listOf(random, 8, LinkGenerators::attribute);
        if (random.nextBoolean()) {
            attributes.add(random.nextInt(attributes.size() + 1), new LinkAttribute.Info(linkInfo(random)));
        }
        return new LinkMessage(header(random), attributes);
    }

    static IfInfoMsg header(SplittableRandom random) {
        return new IfInfoMsg(Generators.u8(random), Generators.u16(random), random.nextInt(), random.nextInt(),
                random.nextInt());
    }

    /** Any top-level attribute but IFLA_LINKINFO (which message() places, at most once). */
    static LinkAttribute attribute(SplittableRandom random) {
        return switch (random.nextInt(15)) {
            case 0 -> new LinkAttribute.Address(Generators.mac(random));
            case 1 -> new LinkAttribute.Name(name(random));
            case 2 -> new LinkAttribute.Mtu(random.nextInt());
            case 3 -> new LinkAttribute.Link(random.nextInt());
            case 4 -> new LinkAttribute.Master(random.nextInt());
            case 5 -> new LinkAttribute.OperState(Generators.u8(random));
            case 6 -> new LinkAttribute.NetNsPid(random.nextInt());
            case 7 -> new LinkAttribute.NetNsFd(random.nextInt());
            case 8 -> new LinkAttribute.Alias(name(random), random.nextBoolean());
            case 9 -> new LinkAttribute.Group(random.nextInt());
            case 10 -> new LinkAttribute.ExtMask(random.nextInt());
            case 11 -> new LinkAttribute.LinkNetnsId(random.nextInt());
            case 12 -> new LinkAttribute.PropList(listOf(random, 3, r -> r.nextInt(4) == 0
                    ? unknown(r) : new LinkAttribute.AltName(name(r))));
            default -> unknown(random);
        };
    }

    private static LinkAttribute unknown(SplittableRandom random) {
        return new LinkAttribute.Other(unknownAttribute(random, MODELLED));
    }

    static LinkInfo linkInfo(SplittableRandom random) {
        List<LinkInfo.Attribute> attributes = new ArrayList<>();
        InfoData data = switch (random.nextInt(5)) {
            case 0 -> veth(random);
            case 1 -> new BridgeInfo(listOf(random, 5, LinkGenerators::bridgeAttribute));
            case 2 -> new MacvlanInfo(listOf(random, 3, r -> r.nextBoolean()
                    ? new MacvlanInfo.Mode(r.nextInt()) : new MacvlanInfo.Other(unknownAttribute(r, Set.of(1)))));
            case 3 -> new VxlanInfo(listOf(random, 8, LinkGenerators::vxlanAttribute));
            default -> null;
        };
        if (data != null) {
            attributes.add(new LinkInfo.Kind(data.kind(), random.nextBoolean()));
            attributes.add(new LinkInfo.Data(data));
        } else {
            // A kind the codec does not model: its data stays raw.
            attributes.add(new LinkInfo.Kind("x" + name(random), random.nextBoolean()));
            attributes.add(new LinkInfo.Other(new RawAttribute(LinkInfo.IFLA_INFO_DATA, bytes(random, random.nextInt(24)))));
        }
        attributes.addAll(listOf(random, 2, r -> new LinkInfo.Other(
                unknownAttribute(r, Set.of(LinkInfo.IFLA_INFO_KIND, LinkInfo.IFLA_INFO_DATA)))));
        return new LinkInfo(attributes);
    }

    private static VethInfo veth(SplittableRandom random) {
        List<LinkAttribute> peerAttributes = listOf(random, 4, LinkGenerators::attribute);
        return new VethInfo(List.of(new VethInfo.Peer(header(random), peerAttributes)));
    }

    private static BridgeInfo.Attribute bridgeAttribute(SplittableRandom random) {
        return switch (random.nextInt(4)) {
            case 0 -> new BridgeInfo.StpState(random.nextInt());
            case 1 -> new BridgeInfo.ForwardDelay(random.nextInt());
            case 2 -> new BridgeInfo.AgeingTime(random.nextInt());
            default -> new BridgeInfo.Other(unknownAttribute(random, Set.of(BridgeInfo.IFLA_BR_STP_STATE,
                    BridgeInfo.IFLA_BR_FORWARD_DELAY, BridgeInfo.IFLA_BR_AGEING_TIME)));
        };
    }

    private static VxlanInfo.Attribute vxlanAttribute(SplittableRandom random) {
        return switch (random.nextInt(7)) {
            case 0 -> new VxlanInfo.Id(random.nextInt());
            case 1 -> new VxlanInfo.Remote(Generators.address(random));
            case 2 -> new VxlanInfo.Local(Generators.address(random));
            case 3 -> new VxlanInfo.Link(random.nextInt());
            case 4 -> new VxlanInfo.Learning(random.nextBoolean());
            case 5 -> new VxlanInfo.Port(Generators.u16(random));
            default -> new VxlanInfo.Other(unknownAttribute(random, Set.of(VxlanInfo.IFLA_VXLAN_ID,
                    VxlanInfo.IFLA_VXLAN_GROUP, VxlanInfo.IFLA_VXLAN_LINK, VxlanInfo.IFLA_VXLAN_LOCAL,
                    VxlanInfo.IFLA_VXLAN_LEARNING, VxlanInfo.IFLA_VXLAN_PORT, VxlanInfo.IFLA_VXLAN_GROUP6,
                    VxlanInfo.IFLA_VXLAN_LOCAL6)));
        };
    }
}
