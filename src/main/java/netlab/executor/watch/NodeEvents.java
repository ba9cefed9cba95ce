package netlab.executor.watch;

import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import netlab.executor.IpNames;
import netlab.netlink.NlMessage;
import netlab.netlink.route.AddressMessage;
import netlab.netlink.route.IfInfoMsg;
import netlab.netlink.route.LinkMessage;
import netlab.netlink.route.NeighbourMessage;
import netlab.netlink.route.RouteMessage;
import netlab.netlink.route.RtFamily;
import netlab.netlink.route.RtMsg;
import netlab.netlink.route.RtmTypes;
import netlab.topology.Addresses;
import netlab.topology.Node;

/**
 * One node's rtnetlink notifications as {@link LabEvent}s. It keeps what it knows of the node's
 * links (from a dump, then from the notifications), because the kernel sends RTM_NEWLINK for
 * any change of a link, statistics and carrier included, and names only indexes in the other
 * messages: a link line is printed only when its name, up/down or operational state changed.
 * Not thread-safe: one thread feeds it.
 */
final class NodeEvents {
    /** What a link line is about. */
    private record LinkState(String name, boolean up, String operState) {}

    private final String node;
    /** In the host, only the lab's own interfaces are the lab's; in a node, all are. */
    private final Predicate<String> ours;
    private final Map<Integer, LinkState> links = new HashMap<>();

    NodeEvents(String node, Predicate<String> ours) {
        this.node = node;
        this.ours = ours;
    }

    /** Learns a link from a dump, silently. */
    void know(LinkMessage link) {
        links.put(link.index(), stateOf(link, null));
    }

    /** The event a notification means, if it is one of the lab's and says something new. */
    Optional<LabEvent> read(NlMessage message, Instant time) {
        return switch (message.payload()) {
            case LinkMessage link -> link(link, message.type() == RtmTypes.RTM_DELLINK, time);
            case AddressMessage address -> address(address, message.type() == RtmTypes.RTM_DELADDR, time);
            case RouteMessage route -> route(route, message.type() == RtmTypes.RTM_DELROUTE, time);
            case NeighbourMessage neighbour -> neighbour(neighbour, message.type() == RtmTypes.RTM_DELNEIGH, time);
            default -> Optional.empty();
        };
    }

    private Optional<LabEvent> link(LinkMessage link, boolean removed, Instant time) {
        LinkState before = links.get(link.index());
        LinkState now = stateOf(link, before);
        if (removed) {
            links.remove(link.index());
        } else {
            links.put(link.index(), now);
        }
        if (!ours.test(now.name()) && (before == null || !ours.test(before.name()))) {
            return Optional.empty();
        }
        Map<String, String> details = new LinkedHashMap<>();
        String action;
        if (removed) {
            action = "del";
        } else if (before == null) {
            action = "add";
            details.put("state", now.operState());
        } else if (!before.name().equals(now.name())) {
            action = "rename";
            details.put("from", before.name());
        } else if (before.up() != now.up() || !before.operState().equals(now.operState())) {
            action = now.up() ? "up" : "down";
            if (now.up() && !now.operState().equals("UP")) {
                details.put("state", now.operState()); // up, but no carrier (LOWERLAYERDOWN) or UNKNOWN (lo)
            }
        } else {
            return Optional.empty();
        }
        return Optional.of(new LabEvent(time, node, LabEvent.Kind.LINK, action, now.name(), details));
    }

    private static LinkState stateOf(LinkMessage link, LinkState before) {
        String name = link.name().orElse(before != null ? before.name() : "if" + link.index());
        return new LinkState(name, (link.header().flags() & IfInfoMsg.IFF_UP) != 0,
                link.operState().map(IpNames::operState).orElse(before != null ? before.operState() : "UNKNOWN"));
    }

    private Optional<LabEvent> address(AddressMessage address, boolean removed, Instant time) {
        // IFA_LOCAL is the interface's own address; IPv6 sends only IFA_ADDRESS.
        Optional<String> local = address.local().or(address::address).map(Addresses::format);
        String device = nameOf(address.header().ifindex());
        if (local.isEmpty() || !ours.test(device)) {
            return Optional.empty();
        }
        Map<String, String> details = new LinkedHashMap<>();
        details.put("dev", device);
        details.put("scope", IpNames.scope(address.header().scope()));
        return Optional.of(new LabEvent(time, node, LabEvent.Kind.ADDRESS, removed ? "del" : "add",
                local.get() + "/" + address.header().prefixLength(), details));
    }

    private Optional<LabEvent> route(RouteMessage route, boolean removed, Instant time) {
        RtMsg header = route.header();
        Optional<String> device = route.outputInterface().map(this::nameOf);
        if (Node.HOST.equals(node) && !(device.isPresent() && ours.test(device.get()))) {
            return Optional.empty(); // the host's own routes are not the lab's
        }
        int fullLength = header.family() == RtFamily.AF_INET ? 32 : 128;
        String destination = header.dstLength() == 0 ? "default"
                : route.destination().map(Addresses::format).orElse("?")
                        + (header.dstLength() == fullLength ? "" : "/" + header.dstLength());
        Map<String, String> details = new LinkedHashMap<>();
        if (header.type() != RtMsg.RTN_UNICAST) {
            details.put("type", IpNames.routeType(header.type()));
        }
        route.gateway().ifPresent(gateway -> details.put("via", Addresses.format(gateway)));
        device.ifPresent(name -> details.put("dev", name));
        if (route.table() != RtMsg.RT_TABLE_MAIN) {
            details.put("table", route.table() == RtMsg.RT_TABLE_LOCAL ? "local" : Integer.toString(route.table()));
        }
        details.put("proto", IpNames.protocol(header.protocol()));
        return Optional.of(new LabEvent(time, node, LabEvent.Kind.ROUTE, removed ? "del" : "add", destination, details));
    }

    private Optional<LabEvent> neighbour(NeighbourMessage neighbour, boolean removed, Instant time) {
        String device = nameOf(neighbour.header().ifindex());
        if (neighbour.destination().isEmpty() || !ours.test(device)) {
            return Optional.empty();
        }
        Map<String, String> details = new LinkedHashMap<>();
        details.put("dev", device);
        neighbour.linkLayerAddress().ifPresent(mac -> details.put("lladdr", mac.toString()));
        details.put("state", NeighbourStates.of(neighbour.header().state()));
        return Optional.of(new LabEvent(time, node, LabEvent.Kind.NEIGHBOUR, removed ? "del" : "new",
                Addresses.format(neighbour.destination().get()), details));
    }

    /** ip's name for an index it does not know: {@code if7}. */
    private String nameOf(int index) {
        LinkState link = links.get(index);
        return link != null ? link.name() : "if" + index;
    }
}
