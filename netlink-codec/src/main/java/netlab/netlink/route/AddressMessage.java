package netlab.netlink.route;

import io.netty.buffer.ByteBuf;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import netlab.netlink.Attributes;
import netlab.netlink.AttributeReader;
import netlab.netlink.AttributeWriter;
import netlab.netlink.DecodePath;
import netlab.netlink.NlPayload;

/**
 * An interface address: RTM_NEWADDR, RTM_DELADDR, RTM_GETADDR. Attributes keep their order, so a
 * decoded message encodes back to the same bytes.
 */
public record AddressMessage(IfAddrMsg header, List<AddressAttribute> attributes) implements NlPayload {
    public AddressMessage {
        attributes = List.copyOf(attributes);
    }

    /**
     * An address with its prefix. Equivalent to: {@code ip addr add ADDRESS/PREFIX dev IFINDEX},
     * which sends the address as IFA_LOCAL and again as IFA_ADDRESS, and no broadcast (add one
     * with {@link #withBroadcast} as {@code brd} does).
     */
    public static AddressMessage add(int ifindex, InetAddress address, int prefixLength) {
        return add(ifindex, address, prefixLength, 0);
    }

    /**
     * An address with IFA_F_* flags. Equivalent to: {@code ip addr add ADDRESS/PREFIX dev IFINDEX
     * [nodad] [noprefixroute] ...}. Like iproute2, flags that fit ifa_flags go there; otherwise all
     * of them go in IFA_FLAGS, between IFA_LOCAL and IFA_ADDRESS.
     */
    public static AddressMessage add(int ifindex, InetAddress address, int prefixLength, int flags) {
        List<AddressAttribute> attributes = new ArrayList<>();
        attributes.add(new AddressAttribute.Local(address));
        boolean fitsHeader = (flags & ~0xff) == 0;
        if (!fitsHeader) {
            attributes.add(new AddressAttribute.Flags(flags));
        }
        attributes.add(new AddressAttribute.Address(address));
        IfAddrMsg header = new IfAddrMsg(RtFamily.of(address), prefixLength, fitsHeader ? flags : 0,
                RtMsg.RT_SCOPE_UNIVERSE, ifindex);
        return new AddressMessage(header, attributes);
    }

    /**
     * An IPv6 address without duplicate address detection, usable at once. Equivalent to:
     * {@code ip addr add ADDRESS/PREFIX dev IFINDEX nodad}.
     */
    public static AddressMessage addNoDad(int ifindex, InetAddress address, int prefixLength) {
        return add(ifindex, address, prefixLength, IfAddrMsg.IFA_F_NODAD);
    }

    /**
     * The body of a deletion (send it as RTM_DELADDR). Equivalent to:
     * {@code ip addr del ADDRESS/PREFIX dev IFINDEX}, whose body is the add's.
     */
    public static AddressMessage delete(int ifindex, InetAddress address, int prefixLength) {
        return add(ifindex, address, prefixLength);
    }

    /**
     * A dump request for every address of {@code family} (AF_UNSPEC: IPv4 and IPv6) on every
     * interface; send it as RTM_GETADDR with NLM_F_DUMP. Equivalent to: {@code ip addr show}
     * ({@code ip -4 addr show} for AF_INET). Strict checking wants every other field zero.
     */
    public static AddressMessage dumpAll(int family) {
        return new AddressMessage(new IfAddrMsg(family, 0, 0, RtMsg.RT_SCOPE_UNIVERSE, 0), List.of());
    }

    /** This address with an IPv4 broadcast address. Equivalent to adding {@code brd BROADCAST}. */
    public AddressMessage withBroadcast(InetAddress broadcast) {
        return with(new AddressAttribute.Broadcast(broadcast));
    }

    /** This IPv4 address with a label such as {@code eth0:1}. Equivalent to adding {@code label LABEL}. */
    public AddressMessage withLabel(String label) {
        return with(new AddressAttribute.Label(label));
    }

    private AddressMessage with(AddressAttribute attribute) {
        List<AddressAttribute> more = new ArrayList<>(attributes);
        more.add(attribute);
        return new AddressMessage(header, more);
    }

    /** IFA_ADDRESS: the prefix address, or the peer on a point-to-point link. */
    public Optional<InetAddress> address() {
        return find(AddressAttribute.Address.class).map(AddressAttribute.Address::address);
    }

    /** IFA_LOCAL: the interface's own address (the kernel sends it for IPv4 only). */
    public Optional<InetAddress> local() {
        return find(AddressAttribute.Local.class).map(AddressAttribute.Local::address);
    }

    public Optional<InetAddress> broadcast() {
        return find(AddressAttribute.Broadcast.class).map(AddressAttribute.Broadcast::address);
    }

    public Optional<String> label() {
        return find(AddressAttribute.Label.class).map(AddressAttribute.Label::label);
    }

    public Optional<Integer> protocol() {
        return find(AddressAttribute.Protocol.class).map(AddressAttribute.Protocol::protocol);
    }

    public Optional<AddressAttribute.CacheInfo> cacheInfo() {
        return find(AddressAttribute.CacheInfo.class);
    }

    /** All IFA_F_* bits: IFA_FLAGS when present (it supersedes ifa_flags), else ifa_flags. */
    public int flags() {
        return find(AddressAttribute.Flags.class).map(AddressAttribute.Flags::flags).orElse(header.flags());
    }

    private <T extends AddressAttribute> Optional<T> find(Class<T> kind) {
        return Attributes.first(attributes, kind);
    }

    @Override
    public void encode(ByteBuf out) {
        header.encode(out);
        AttributeWriter writer = new AttributeWriter(out);
        attributes.forEach(attribute -> attribute.encode(writer));
    }

    static AddressMessage decode(ByteBuf message, int offset, int end, DecodePath path) {
        IfAddrMsg header = IfAddrMsg.decode(message, offset, end, path);
        AttributeReader reader = new AttributeReader(message, offset + IfAddrMsg.SIZE, end, path, AddressAttribute.NAMES);
        return new AddressMessage(header, AddressAttribute.decode(reader));
    }
}
