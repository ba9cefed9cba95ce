package netlab.netlink.route;

import io.netty.buffer.ByteBuf;
import java.util.List;
import java.util.Optional;
import netlab.netlink.AttributeReader;
import netlab.netlink.AttributeWriter;
import netlab.netlink.DecodePath;
import netlab.netlink.MacAddress;
import netlab.netlink.NlPayload;

/**
 * A link: RTM_NEWLINK, RTM_DELLINK, RTM_GETLINK, RTM_SETLINK. RTM_NEWLINKPROP / RTM_DELLINKPROP
 * (alternative names) share the layout and this record. Attributes keep their order, so a
 * decoded message encodes back to the same bytes. Requests are built by {@link LinkRequests}.
 */
public record LinkMessage(IfInfoMsg header, List<LinkAttribute> attributes) implements NlPayload {
    public LinkMessage {
        attributes = List.copyOf(attributes);
    }

    public LinkMessage(IfInfoMsg header, LinkAttribute... attributes) {
        this(header, List.of(attributes));
    }

    public int index() {
        return header.index();
    }

    public Optional<String> name() {
        return find(LinkAttribute.Name.class).map(LinkAttribute.Name::name);
    }

    public Optional<Integer> mtu() {
        return find(LinkAttribute.Mtu.class).map(LinkAttribute.Mtu::mtu);
    }

    public Optional<MacAddress> address() {
        return find(LinkAttribute.Address.class).map(LinkAttribute.Address::mac);
    }

    /** The ifindex of the link's master (bridge), if it has one. */
    public Optional<Integer> master() {
        return find(LinkAttribute.Master.class).map(LinkAttribute.Master::ifindex);
    }

    /** IFLA_LINK: the parent or peer ifindex. */
    public Optional<Integer> link() {
        return find(LinkAttribute.Link.class).map(LinkAttribute.Link::ifindex);
    }

    public Optional<Integer> linkNetnsId() {
        return find(LinkAttribute.LinkNetnsId.class).map(LinkAttribute.LinkNetnsId::nsid);
    }

    public Optional<Integer> operState() {
        return find(LinkAttribute.OperState.class).map(LinkAttribute.OperState::state);
    }

    public Optional<Integer> group() {
        return find(LinkAttribute.Group.class).map(LinkAttribute.Group::group);
    }

    public Optional<String> alias() {
        return find(LinkAttribute.Alias.class).map(LinkAttribute.Alias::alias);
    }

    /** The alternative names in IFLA_PROP_LIST, in wire order. */
    public List<String> altNames() {
        return find(LinkAttribute.PropList.class).stream()
                .flatMap(list -> list.properties().stream())
                .filter(LinkAttribute.AltName.class::isInstance)
                .map(a -> ((LinkAttribute.AltName) a).name())
                .toList();
    }

    public Optional<LinkInfo> linkInfo() {
        return find(LinkAttribute.Info.class).map(LinkAttribute.Info::info);
    }

    /** IFLA_INFO_KIND: "veth", "bridge", ...; empty for a link without one (lo, or a raw IFLA_LINKINFO). */
    public Optional<String> kind() {
        return linkInfo().flatMap(LinkInfo::kind);
    }

    private <T extends LinkAttribute> Optional<T> find(Class<T> type) {
        return attributes.stream().filter(type::isInstance).map(type::cast).findFirst();
    }

    @Override
    public void encode(ByteBuf out) {
        header.encode(out);
        AttributeWriter writer = new AttributeWriter(out);
        attributes.forEach(attribute -> attribute.encode(writer));
    }

    static LinkMessage decode(ByteBuf message, int offset, int end, DecodePath path) {
        IfInfoMsg header = IfInfoMsg.decode(message, offset, end, path);
        AttributeReader reader = new AttributeReader(message, offset + IfInfoMsg.SIZE, end, path, LinkAttribute.NAMES);
        return new LinkMessage(header, LinkAttribute.decode(reader));
    }
}
