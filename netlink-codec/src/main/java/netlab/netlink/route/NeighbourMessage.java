package netlab.netlink.route;

import io.netty.buffer.ByteBuf;
import java.net.InetAddress;
import java.util.List;
import java.util.Optional;
import netlab.netlink.AttributeReader;
import netlab.netlink.Attributes;
import netlab.netlink.AttributeWriter;
import netlab.netlink.DecodePath;
import netlab.netlink.MacAddress;
import netlab.netlink.NlPayload;

/**
 * A neighbour (ARP / NDP) entry: RTM_NEWNEIGH, RTM_DELNEIGH, RTM_GETNEIGH. Attributes keep their
 * order, so a decoded message encodes back to the same bytes.
 */
public record NeighbourMessage(NdMsg header, List<NeighbourAttribute> attributes) implements NlPayload {
    public NeighbourMessage {
        attributes = List.copyOf(attributes);
    }

    /**
     * A permanent entry. Equivalent to:
     * {@code ip neigh add ADDRESS lladdr MAC dev IFINDEX nud permanent}.
     */
    public static NeighbourMessage permanent(int ifindex, InetAddress address, MacAddress mac) {
        return new NeighbourMessage(
                new NdMsg(RtFamily.of(address), ifindex, NdMsg.NUD_PERMANENT, 0, 0),
                List.of(new NeighbourAttribute.Destination(address), new NeighbourAttribute.LinkLayerAddress(mac)));
    }

    /**
     * An entry's deletion (send it as RTM_DELNEIGH): its address on its device. Equivalent to:
     * {@code ip neigh del ADDRESS dev IFINDEX}, whose default state (NUD_PERMANENT) the kernel
     * ignores when deleting.
     */
    public static NeighbourMessage delete(int ifindex, InetAddress address) {
        return new NeighbourMessage(new NdMsg(RtFamily.of(address), ifindex, NdMsg.NUD_PERMANENT, 0, 0),
                List.of(new NeighbourAttribute.Destination(address)));
    }

    /**
     * A vxlan's flooding entry (family AF_BRIDGE, on the vxlan itself: NTF_SELF): frames for an
     * unknown MAC, and every broadcast, go to {@code remote} too. Equivalent to:
     * {@code bridge fdb append 00:00:00:00:00:00 dev IFINDEX dst REMOTE} (self and permanent are
     * bridge's defaults), or with RTM_DELNEIGH, {@code bridge fdb del ...} of that one far end.
     */
    public static NeighbourMessage flood(int ifindex, InetAddress remote) {
        return new NeighbourMessage(new NdMsg(RtFamily.AF_BRIDGE, ifindex, NdMsg.NUD_NOARP | NdMsg.NUD_PERMANENT, NdMsg.NTF_SELF, 0),
                List.of(new NeighbourAttribute.LinkLayerAddress(new MacAddress(new byte[6])), new NeighbourAttribute.Destination(remote)));
    }

    /**
     * A dump request for every neighbour entry of {@code family} (AF_UNSPEC: ARP and NDP); send it
     * as RTM_GETNEIGH with NLM_F_DUMP. Equivalent to: {@code ip neigh show}, which filters by
     * state ({@code nud permanent}) on its side, not in the request.
     */
    public static NeighbourMessage dumpAll(int family) {
        return new NeighbourMessage(new NdMsg(family, 0, 0, 0, 0), List.of());
    }

    public Optional<InetAddress> destination() {
        return Attributes.first(attributes, NeighbourAttribute.Destination.class).map(NeighbourAttribute.Destination::address);
    }

    public Optional<MacAddress> linkLayerAddress() {
        return Attributes.first(attributes, NeighbourAttribute.LinkLayerAddress.class)
                .map(NeighbourAttribute.LinkLayerAddress::mac);
    }

    @Override
    public void encode(ByteBuf out) {
        header.encode(out);
        AttributeWriter writer = new AttributeWriter(out);
        attributes.forEach(attribute -> attribute.encode(writer));
    }

    static NeighbourMessage decode(ByteBuf message, int offset, int end, DecodePath path) {
        NdMsg header = NdMsg.decode(message, offset, end, path);
        AttributeReader reader = new AttributeReader(message, offset + NdMsg.SIZE, end, path, NeighbourAttribute.NAMES);
        return new NeighbourMessage(header, NeighbourAttribute.decode(reader));
    }
}
