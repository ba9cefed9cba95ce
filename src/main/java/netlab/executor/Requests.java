package netlab.executor;

import static netlab.netlink.NlmFlags.NLM_F_CREATE;
import static netlab.netlink.NlmFlags.NLM_F_ECHO;
import static netlab.netlink.NlmFlags.NLM_F_EXCL;
import static netlab.netlink.NlmFlags.NLM_F_REQUEST;

import java.net.Inet4Address;
import java.util.ArrayList;
import java.util.List;
import netlab.kernel.NetlinkRequest;
import netlab.netlink.MacAddress;
import netlab.netlink.NlMessage;
import netlab.netlink.route.AddressMessage;
import netlab.netlink.route.LinkAttribute;
import netlab.netlink.route.LinkMessage;
import netlab.netlink.route.LinkRequests;
import netlab.netlink.route.MacvlanInfo;
import netlab.netlink.route.NeighbourMessage;
import netlab.netlink.route.RouteMessage;
import netlab.netlink.route.RtFamily;
import netlab.netlink.route.RtmTypes;
import netlab.plan.Operation;
import netlab.topology.Route;

/**
 * The rtnetlink request of each link, address, neighbour and route step, and what the kernel's
 * answer to a creation tells. Interfaces are found by name in the session (the kernel chose
 * their indexes; the answers to creations say which).
 */
final class Requests {
    /** The protocol number of every route netlab adds, so its routes can be told from others'. */
    static final int RTPROT_NETLAB = 211;
    private static final int CREATE = NLM_F_REQUEST | NLM_F_CREATE | NLM_F_EXCL;
    private static final List<LinkAttribute> ONE_QUEUE =
            List.of(new LinkAttribute.NumTxQueues(1), new LinkAttribute.NumRxQueues(1));

    private Requests() {}

    static NetlinkRequest of(Operation operation, LabSession session) {
        String where = LabSession.where(operation.node());
        NlMessage message = switch (operation) {
            case Operation.CreateBridge b -> (isHost(b.node())
                    ? withAttribute(LinkRequests.createBridge(b.name()), new LinkAttribute.Group(session.group()))
                    : LinkRequests.createBridge(b.name())).withFlags(NLM_F_ECHO);
            case Operation.CreateVeth v -> createVeth(v, session).withFlags(NLM_F_ECHO);
            case Operation.CreateMacvlan m -> createMacvlan(m, session);
            case Operation.SetMtu m -> LinkRequests.setMtu(session.index(m.node(), m.interfaceName()), m.mtu());
            case Operation.DisableIpv6LinkLocal d ->
                    LinkRequests.setAddrGenModeNone(session.index(d.node(), d.interfaceName()));
            case Operation.SetUp u -> setUp(u, session);
            case Operation.AddAddress a -> NlMessage.request(RtmTypes.RTM_NEWADDR, CREATE, a.address().isIpv4()
                    ? AddressMessage.add(session.index(a.node(), a.interfaceName()), a.address().address(),
                            a.address().prefixLength())
                    : AddressMessage.addNoDad(session.index(a.node(), a.interfaceName()), a.address().address(),
                            a.address().prefixLength()));
            case Operation.AddNeighbour n -> NlMessage.request(RtmTypes.RTM_NEWNEIGH, CREATE, NeighbourMessage.permanent(
                    session.index(n.node(), n.dev()), n.address(),
                    n.lladdr().map(MacAddress::parse).orElseThrow(() -> new IllegalStateException("peer MAC unresolved"))));
            case Operation.AddRoute r -> NlMessage.request(RtmTypes.RTM_NEWROUTE, CREATE, route(r.route(), r.node(), session));
            default -> throw new IllegalArgumentException("not an rtnetlink step: " + operation.render());
        };
        return new NetlinkRequest(operation.render() + " (in " + where + ")", message);
    }

    /**
     * The interfaces (in the operation's node) whose indexes {@link #of} looks up, so that they
     * can be found for a whole group at once.
     */
    static List<String> interfacesNamed(Operation operation) {
        return switch (operation) {
            case Operation.CreateVeth v -> v.master().stream().toList();
            case Operation.CreateMacvlan m -> List.of(m.parent());
            case Operation.SetMtu m -> List.of(m.interfaceName());
            case Operation.DisableIpv6LinkLocal d -> List.of(d.interfaceName());
            case Operation.SetUp u -> List.of(u.interfaceName());
            case Operation.AddAddress a -> List.of(a.interfaceName());
            case Operation.AddNeighbour n -> List.of(n.dev());
            case Operation.AddRoute r -> r.route().dev().stream().toList();
            default -> List.of();
        };
    }

    /**
     * What the kernel's echo of a creation (NLM_F_ECHO) tells: the new link's index and, for a
     * veth, in IFLA_LINK, its peer's index in the peer's namespace. A kernel that sends no echo
     * teaches nothing, and the indexes are looked up when needed.
     */
    static void learnFromEcho(Operation step, List<NlMessage> replies, LabSession session) {
        for (NlMessage reply : replies) {
            if (!(reply.payload() instanceof LinkMessage link) || link.name().isEmpty()) {
                continue;
            }
            String name = link.name().get();
            switch (step) {
                case Operation.CreateBridge b when b.name().equals(name) -> session.learnIndex(b.node(), name, link.index());
                case Operation.CreateVeth v when v.name().equals(name) -> {
                    session.learnIndex(v.node(), name, link.index());
                    link.link().ifPresent(peer -> session.learnIndex(v.peerNode(), v.peerName(), peer));
                }
                default -> { }
            }
        }
    }

    /**
     * One request: the peer placed in its namespace, the port enslaved, host ends marked. Both
     * ends get one queue each way, which is what the kernel would cut a veth down to anyway; asked
     * for at once, it skips the cut and the RCU grace period each cut waits for (creating a star's
     * veths takes a third less time).
     */
    private static NlMessage createVeth(Operation.CreateVeth v, LabSession session) {
        List<LinkAttribute> end = new ArrayList<>(ONE_QUEUE);
        List<LinkAttribute> peer = new ArrayList<>(ONE_QUEUE);
        if (isHost(v.node())) {
            end.add(new LinkAttribute.Group(session.group()));
        }
        v.master().ifPresent(master -> end.add(new LinkAttribute.Master(session.index(v.node(), master))));
        if (!v.peerNode().equals(v.node())) {
            peer.add(new LinkAttribute.NetNsFd(session.namespace(v.peerNode()).fd()));
        }
        if (isHost(v.peerNode())) {
            peer.add(new LinkAttribute.Group(session.group()));
        }
        return LinkRequests.createVeth(v.name(), end, v.peerName(), peer);
    }

    private static NlMessage createMacvlan(Operation.CreateMacvlan m, LabSession session) {
        NlMessage message = withAttribute(
                LinkRequests.createMacvlan(m.name(), session.index(m.node(), m.parent()), macvlanMode(m)),
                new LinkAttribute.NetNsFd(session.namespace(m.targetNode()).fd()));
        return isHost(m.targetNode()) ? withAttribute(message, new LinkAttribute.Group(session.group())) : message;
    }

    private static NlMessage setUp(Operation.SetUp u, LabSession session) {
        NlMessage up = LinkRequests.setUp(session.index(u.node(), u.interfaceName()));
        // In the host, the readable twin of the group mark: ip link shows "alias netlab:LAB".
        return isHost(u.node()) && !u.interfaceName().equals("lo")
                ? withAttribute(up, new LinkAttribute.Alias(alias(session.lab()), true)) : up;
    }

    static String alias(String lab) {
        return "netlab:" + lab;
    }

    private static boolean isHost(String node) {
        return netlab.topology.Node.HOST.equals(node);
    }

    private static int macvlanMode(Operation.CreateMacvlan m) {
        return switch (m.mode()) {
            case PRIVATE -> MacvlanInfo.MACVLAN_MODE_PRIVATE;
            case VEPA -> MacvlanInfo.MACVLAN_MODE_VEPA;
            case BRIDGE -> MacvlanInfo.MACVLAN_MODE_BRIDGE;
        };
    }

    private static RouteMessage route(Route route, String node, LabSession session) {
        RouteMessage message;
        var destination = route.destination();
        if (route.via().isPresent()) {
            message = route.isDefault() ? RouteMessage.defaultVia(route.via().get())
                    : RouteMessage.via(destination.address(), destination.prefixLength(), route.via().get());
            if (route.dev().isPresent()) {
                message = message.withDevice(session.index(node, route.dev().get()));
            }
        } else {
            message = RouteMessage.onDevice(destination.address(), destination.prefixLength(),
                    session.index(node, route.dev().orElseThrow()));
        }
        if (route.onlink()) {
            message = message.onlink();
        }
        if (route.metric().isPresent()) {
            message = message.withMetric(route.metric().getAsInt());
        }
        if (route.src().isPresent()) {
            message = message.withPreferredSource(route.src().get());
        }
        return message.withProtocol(RTPROT_NETLAB);
    }

    /** The same link request with one more attribute. */
    static NlMessage withAttribute(NlMessage message, LinkAttribute attribute) {
        LinkMessage link = (LinkMessage) message.payload();
        List<LinkAttribute> attributes = new ArrayList<>(link.attributes());
        attributes.add(attribute);
        return new NlMessage(message.header(), new LinkMessage(link.header(), attributes));
    }

    static int family(java.net.InetAddress address) {
        return address instanceof Inet4Address ? RtFamily.AF_INET : RtFamily.AF_INET6;
    }
}
