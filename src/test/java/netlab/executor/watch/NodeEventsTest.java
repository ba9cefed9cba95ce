package netlab.executor.watch;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import netlab.netlink.NlMessage;
import netlab.netlink.NlMsgHeader;
import netlab.netlink.NlPayload;
import netlab.netlink.route.AddressAttribute;
import netlab.netlink.route.AddressMessage;
import netlab.netlink.route.IfAddrMsg;
import netlab.netlink.route.IfInfoMsg;
import netlab.netlink.route.LinkAttribute;
import netlab.netlink.route.LinkMessage;
import netlab.netlink.route.RouteAttribute;
import netlab.netlink.route.RouteMessage;
import netlab.netlink.route.RtFamily;
import netlab.netlink.route.RtMsg;
import netlab.netlink.route.RtmTypes;
import org.junit.jupiter.api.Test;

/**
 * Which notifications become lines: a link's only when what a line says of it changed (the
 * kernel re-announces links for every change), and in the host only what is on the lab's links.
 */
class NodeEventsTest {
    private static final Instant NOW = Instant.EPOCH;
    private static final int UP = 6; // IF_OPER_UP
    private static final int DOWN = 2; // IF_OPER_DOWN
    private static final int LOWER_LAYER_DOWN = 3; // IF_OPER_LOWERLAYERDOWN: up, but no carrier

    private static NlMessage notification(int type, NlPayload payload) {
        return new NlMessage(new NlMsgHeader(0, type, 0, 0, 0), payload);
    }

    private static LinkMessage link(int index, String name, boolean up, int operState) {
        return new LinkMessage(new IfInfoMsg(RtFamily.AF_UNSPEC, 1, index, up ? IfInfoMsg.IFF_UP : 0, 0),
                new LinkAttribute.Name(name), new LinkAttribute.OperState(operState));
    }

    private static List<String> lines(NodeEvents events, NlMessage... messages) {
        List<String> lines = new ArrayList<>();
        for (NlMessage message : messages) {
            events.read(message, NOW).ifPresent(e -> lines.add(e.node() + " " + e.kind().word() + " " + e.action()
                    + " " + e.subject() + " " + e.details()));
        }
        return lines;
    }

    @Test
    void aLinkIsALineOnlyWhenItsNameUpOrStateChanged() {
        NodeEvents ns1 = new NodeEvents("ns1", name -> true);
        ns1.know(link(2, "eth0", true, UP));

        assertThat(lines(ns1,
                notification(RtmTypes.RTM_NEWLINK, link(2, "eth0", true, UP)), // statistics, say: nothing new
                notification(RtmTypes.RTM_NEWLINK, link(2, "eth0", false, DOWN)),
                notification(RtmTypes.RTM_NEWLINK, link(2, "eth0", false, DOWN)),
                notification(RtmTypes.RTM_NEWLINK, link(2, "eth0", true, LOWER_LAYER_DOWN)),
                notification(RtmTypes.RTM_NEWLINK, link(2, "e0", true, LOWER_LAYER_DOWN)),
                notification(RtmTypes.RTM_NEWLINK, link(3, "eth1", false, DOWN)),
                notification(RtmTypes.RTM_DELLINK, link(3, "eth1", false, DOWN))))
                .containsExactly("ns1 link down eth0 {}", "ns1 link up eth0 {state=LOWERLAYERDOWN}",
                        "ns1 link rename e0 {from=eth0}", "ns1 link add eth1 {state=DOWN}", "ns1 link del eth1 {}");
    }

    @Test
    void inTheHostOnlyTheLabsLinksAndWhatIsOnThemAreLines() throws Exception {
        NodeEvents host = new NodeEvents("host", Set.of("br0")::contains);
        host.know(link(2, "eth0", true, UP));
        host.know(link(5, "br0", true, UP));
        AddressMessage onEth0 = new AddressMessage(new IfAddrMsg(RtFamily.AF_INET, 24, 0, 0, 2),
                List.of(new AddressAttribute.Local(InetAddress.getByName("10.0.0.1"))));
        AddressMessage onBr0 = new AddressMessage(new IfAddrMsg(RtFamily.AF_INET, 24, 0, 0, 5),
                List.of(new AddressAttribute.Local(InetAddress.getByName("192.168.0.1"))));
        RouteMessage machineDefault = new RouteMessage(new RtMsg(RtFamily.AF_INET, 0, 0, 0, RtMsg.RT_TABLE_MAIN,
                RtMsg.RTPROT_BOOT, RtMsg.RT_SCOPE_UNIVERSE, RtMsg.RTN_UNICAST, 0),
                List.of(new RouteAttribute.Gateway(InetAddress.getByName("10.0.0.254")), new RouteAttribute.OutputInterface(2)));
        RouteMessage labRoute = new RouteMessage(new RtMsg(RtFamily.AF_INET, 16, 0, 0, RtMsg.RT_TABLE_MAIN,
                211, RtMsg.RT_SCOPE_UNIVERSE, RtMsg.RTN_UNICAST, 0),
                List.of(new RouteAttribute.Destination(InetAddress.getByName("10.9.0.0")),
                        new RouteAttribute.Gateway(InetAddress.getByName("192.168.0.2")), new RouteAttribute.OutputInterface(5)));

        assertThat(lines(host,
                notification(RtmTypes.RTM_NEWLINK, link(2, "eth0", false, DOWN)),
                notification(RtmTypes.RTM_NEWADDR, onEth0),
                notification(RtmTypes.RTM_NEWADDR, onBr0),
                notification(RtmTypes.RTM_DELROUTE, machineDefault),
                notification(RtmTypes.RTM_NEWROUTE, labRoute)))
                .containsExactly("host address add 192.168.0.1/24 {dev=br0, scope=global}",
                        "host route add 10.9.0.0/16 {via=192.168.0.2, dev=br0, proto=211}");
    }
}
