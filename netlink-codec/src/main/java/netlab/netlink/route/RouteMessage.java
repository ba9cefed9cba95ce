package netlab.netlink.route;

import io.netty.buffer.ByteBuf;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import netlab.netlink.Attributes;
import netlab.netlink.AttributeReader;
import netlab.netlink.AttributeWriter;
import netlab.netlink.DecodePath;
import netlab.netlink.NlPayload;

/**
 * A route: RTM_NEWROUTE, RTM_DELROUTE, RTM_GETROUTE. Attributes keep their order, so a decoded
 * message encodes back to the same bytes.
 *
 * <p>The factories build what iproute2 sends, in its order: the {@code with...} methods add their
 * attribute before RTA_OIF, because iproute2 appends the device after everything else.
 */
public record RouteMessage(RtMsg header, List<RouteAttribute> attributes) implements NlPayload {
    public RouteMessage {
        attributes = List.copyOf(attributes);
    }

    /**
     * A default route through a gateway. Equivalent to: {@code ip route add default via GATEWAY}
     * (IPv4: no RTA_DST) or {@code ip -6 route add default via GATEWAY} (RTA_DST ::, as iproute2
     * sends once -6 gives the family).
     */
    public static RouteMessage defaultVia(InetAddress gateway) {
        List<RouteAttribute> attributes = new ArrayList<>();
        if (!(gateway instanceof Inet4Address)) {
            attributes.add(new RouteAttribute.Destination(anyAddress(gateway)));
        }
        attributes.add(new RouteAttribute.Gateway(gateway));
        return new RouteMessage(unicast(RtFamily.of(gateway), 0, RtMsg.RT_SCOPE_UNIVERSE), attributes);
    }

    /** A route to a prefix through a gateway. Equivalent to: {@code ip route add DESTINATION/PREFIX via GATEWAY}. */
    public static RouteMessage via(InetAddress destination, int prefixLength, InetAddress gateway) {
        return new RouteMessage(unicast(RtFamily.of(destination), prefixLength, RtMsg.RT_SCOPE_UNIVERSE),
                List.of(new RouteAttribute.Destination(destination), new RouteAttribute.Gateway(gateway)));
    }

    /**
     * A route to a prefix directly on a device. Equivalent to: {@code ip route add
     * DESTINATION/PREFIX dev IFINDEX}; iproute2 gives an IPv4 route without gateway RT_SCOPE_LINK,
     * an IPv6 one RT_SCOPE_UNIVERSE.
     */
    public static RouteMessage onDevice(InetAddress destination, int prefixLength, int ifindex) {
        int scope = destination instanceof Inet4Address ? RtMsg.RT_SCOPE_LINK : RtMsg.RT_SCOPE_UNIVERSE;
        return new RouteMessage(unicast(RtFamily.of(destination), prefixLength, scope),
                List.of(new RouteAttribute.Destination(destination), new RouteAttribute.OutputInterface(ifindex)));
    }

    /** A route to one host on a device (/32 or /128). Equivalent to: {@code ip route add HOST dev IFINDEX}. */
    public static RouteMessage toHost(InetAddress host, int ifindex) {
        return onDevice(host, host.getAddress().length * 8, ifindex);
    }

    /**
     * The default route's deletion (send it as RTM_DELROUTE). Equivalent to: {@code ip route del
     * default} for AF_INET, {@code ip -6 route del default} for AF_INET6. Unset protocol and type
     * match any route; IPv4 also matches any scope (RT_SCOPE_NOWHERE), IPv6 ignores it.
     */
    public static RouteMessage deleteDefault(int family) {
        List<RouteAttribute> attributes = family == RtFamily.AF_INET6
                ? List.of(new RouteAttribute.Destination(anyAddress(family)))
                : List.of();
        return new RouteMessage(deletion(family, 0), attributes);
    }

    /** A route's deletion (send it as RTM_DELROUTE). Equivalent to: {@code ip route del DESTINATION/PREFIX}. */
    public static RouteMessage delete(InetAddress destination, int prefixLength) {
        return new RouteMessage(deletion(RtFamily.of(destination), prefixLength),
                List.of(new RouteAttribute.Destination(destination)));
    }

    /**
     * A dump request for the main table's routes of {@code family}; send it as RTM_GETROUTE with
     * NLM_F_DUMP. Equivalent to: {@code ip route show} ({@code ip -6 route show} for AF_INET6).
     * As iproute2, the table travels in RTA_TABLE and the header is zero but for the family:
     * under strict checking the kernel then filters by table itself.
     */
    public static RouteMessage dumpMainTable(int family) {
        return dumpTable(family, RtMsg.RT_TABLE_MAIN);
    }

    /**
     * A dump request for one table's routes, as {@link #dumpMainTable}. Equivalent to: {@code ip
     * -6 route show table local} for AF_INET6 and RT_TABLE_LOCAL.
     */
    public static RouteMessage dumpTable(int family, int table) {
        return new RouteMessage(new RtMsg(family, 0, 0, 0, RtMsg.RT_TABLE_UNSPEC, RtMsg.RTPROT_UNSPEC,
                RtMsg.RT_SCOPE_UNIVERSE, RtMsg.RTN_UNSPEC, 0), List.of(new RouteAttribute.Table(table)));
    }

    /** This route through a device, as {@code dev IFINDEX}; RTA_OIF goes last, as iproute2 puts it. */
    public RouteMessage withDevice(int ifindex) {
        List<RouteAttribute> more = new ArrayList<>(attributes);
        more.add(new RouteAttribute.OutputInterface(ifindex));
        return new RouteMessage(header, more);
    }

    /**
     * This route through a gateway ({@code via GATEWAY}, RTA_GATEWAY), for a deletion that must
     * match exactly one route: {@code ip route del DESTINATION via GATEWAY}.
     */
    public RouteMessage withGateway(InetAddress gateway) {
        return withBeforeDevice(new RouteAttribute.Gateway(gateway));
    }

    /** This route with its gateway taken as on-link, unchecked by the kernel ({@code onlink}). */
    public RouteMessage onlink() {
        return new RouteMessage(header.withFlags(header.flags() | RtMsg.RTNH_F_ONLINK), attributes);
    }

    /** This route with a metric ({@code metric N}, RTA_PRIORITY). */
    public RouteMessage withMetric(int metric) {
        return withBeforeDevice(new RouteAttribute.Priority(metric));
    }

    /** This route preferring a source address ({@code src ADDRESS}, RTA_PREFSRC). */
    public RouteMessage withPreferredSource(InetAddress source) {
        return withBeforeDevice(new RouteAttribute.PreferredSource(source));
    }

    /** This route marked with its installer ({@code proto N}); netlab marks its own routes this way. */
    public RouteMessage withProtocol(int protocol) {
        return new RouteMessage(header.withProtocol(protocol), attributes);
    }

    /**
     * This route in another table ({@code table N}). As iproute2 does, an id below 256 goes in
     * rtm_table alone; a larger one sets rtm_table to RT_TABLE_UNSPEC and travels in RTA_TABLE.
     */
    public RouteMessage withTable(int table) {
        if (table >= 0 && table < 256) {
            return new RouteMessage(header.withTable(table), attributes);
        }
        return new RouteMessage(header.withTable(RtMsg.RT_TABLE_UNSPEC), attributes)
                .withBeforeDevice(new RouteAttribute.Table(table));
    }

    private RouteMessage withBeforeDevice(RouteAttribute attribute) {
        List<RouteAttribute> more = new ArrayList<>(attributes);
        int device = more.size();
        while (device > 0 && more.get(device - 1) instanceof RouteAttribute.OutputInterface) {
            device--;
        }
        more.add(device, attribute);
        return new RouteMessage(header, more);
    }

    private static RtMsg unicast(int family, int dstLength, int scope) {
        return new RtMsg(family, dstLength, 0, 0, RtMsg.RT_TABLE_MAIN, RtMsg.RTPROT_BOOT, scope, RtMsg.RTN_UNICAST, 0);
    }

    private static RtMsg deletion(int family, int dstLength) {
        int scope = family == RtFamily.AF_INET6 ? RtMsg.RT_SCOPE_UNIVERSE : RtMsg.RT_SCOPE_NOWHERE;
        return new RtMsg(family, dstLength, 0, 0, RtMsg.RT_TABLE_MAIN, RtMsg.RTPROT_UNSPEC, scope, RtMsg.RTN_UNSPEC, 0);
    }

    private static InetAddress anyAddress(InetAddress sameFamily) {
        return anyAddress(RtFamily.of(sameFamily));
    }

    private static InetAddress anyAddress(int family) {
        try {
            return InetAddress.getByAddress(new byte[family == RtFamily.AF_INET6 ? 16 : 4]);
        } catch (UnknownHostException e) {
            throw new AssertionError("the length is valid", e);
        }
    }

    public Optional<InetAddress> destination() {
        return find(RouteAttribute.Destination.class).map(RouteAttribute.Destination::address);
    }

    public Optional<InetAddress> gateway() {
        return find(RouteAttribute.Gateway.class).map(RouteAttribute.Gateway::address);
    }

    public Optional<Integer> outputInterface() {
        return find(RouteAttribute.OutputInterface.class).map(RouteAttribute.OutputInterface::ifindex);
    }

    /** RTA_PRIORITY, the metric; the kernel leaves it out of an IPv4 route whose metric is 0. */
    public Optional<Integer> metric() {
        return find(RouteAttribute.Priority.class).map(RouteAttribute.Priority::metric);
    }

    public Optional<InetAddress> preferredSource() {
        return find(RouteAttribute.PreferredSource.class).map(RouteAttribute.PreferredSource::address);
    }

    public Optional<Integer> preference() {
        return find(RouteAttribute.Preference.class).map(RouteAttribute.Preference::preference);
    }

    public Optional<RouteAttribute.Metrics> metrics() {
        return find(RouteAttribute.Metrics.class);
    }

    /** The table id: RTA_TABLE when present (it holds ids above 255), else rtm_table. */
    public int table() {
        return find(RouteAttribute.Table.class).map(RouteAttribute.Table::table).orElse(header.table());
    }

    private <T extends RouteAttribute> Optional<T> find(Class<T> kind) {
        return Attributes.first(attributes, kind);
    }

    @Override
    public void encode(ByteBuf out) {
        header.encode(out);
        AttributeWriter writer = new AttributeWriter(out);
        attributes.forEach(attribute -> attribute.encode(writer));
    }

    static RouteMessage decode(ByteBuf message, int offset, int end, DecodePath path) {
        RtMsg header = RtMsg.decode(message, offset, end, path);
        AttributeReader reader = new AttributeReader(message, offset + RtMsg.SIZE, end, path, RouteAttribute.NAMES);
        return new RouteMessage(header, RouteAttribute.decode(reader));
    }
}
