package netlab.topology.warnings;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import netlab.topology.Cidr;
import netlab.topology.Lab;
import netlab.topology.NetInterface;
import netlab.topology.Node;
import netlab.topology.Route;
import netlab.topology.SysctlSetting;

/**
 * A node that another node routes through (a route {@code via} one of its addresses), with
 * interfaces on two subnets or more, and forwarding left off: a new namespace does not forward,
 * so packets sent to it as a gateway are dropped there.
 */
final class Forwarding {
    private Forwarding() {}

    static List<Warning> check(Lab lab) {
        List<Warning> warnings = new ArrayList<>();
        for (Node router : lab.nodes()) {
            for (boolean ipv4 : new boolean[] {true, false}) {
                if (subnets(router, ipv4) < 2 || forwards(router, ipv4)) {
                    continue;
                }
                Route through = firstRouteThrough(lab, router, ipv4);
                if (through != null) {
                    String sysctl = ipv4 ? "net.ipv4.ip_forward=1" : "net.ipv6.conf.all.forwarding=1";
                    warnings.add(new Warning(router.source(), (router.isHost() ? "the host" : "node " + router.name())
                            + " routes between its interfaces (the route at " + through.source() + " goes through it)"
                            + " but does not forward: add 'sysctl " + sysctl + "' to it"));
                }
            }
        }
        return warnings;
    }

    private static long subnets(Node node, boolean ipv4) {
        return node.interfaces().stream().filter(i -> !(i instanceof NetInterface.Loopback))
                .filter(i -> !VethSubnets.family(i.addresses(), ipv4).isEmpty()).count();
    }

    static boolean forwards(Node node, boolean ipv4) {
        for (SysctlSetting setting : node.sysctls()) {
            boolean on = !setting.value().equals("0");
            boolean key = ipv4 ? setting.key().equals("net.ipv4.ip_forward") || setting.key().equals("net.ipv4.conf.all.forwarding")
                    : setting.key().equals("net.ipv6.conf.all.forwarding");
            if (key && on) {
                return true;
            }
        }
        return false;
    }

    private static Route firstRouteThrough(Lab lab, Node router, boolean ipv4) {
        for (Node node : lab.nodes()) {
            if (node == router) {
                continue;
            }
            for (Route route : node.routes()) {
                if (route.via().isPresent() && route.destination().isIpv4() == ipv4 && owns(router, route.via().get())
                        && !toItsOwnAddress(router, route)) {
                    return route;
                }
            }
        }
        return null;
    }

    /** A route to one of the router's own addresses (on its lo, say) ends there: nothing is forwarded. */
    private static boolean toItsOwnAddress(Node router, Route route) {
        int hostLength = route.destination().isIpv4() ? 32 : 128;
        return route.destination().prefixLength() == hostLength && owns(router, route.destination().address());
    }

    private static boolean owns(Node node, InetAddress address) {
        return node.interfaces().stream().flatMap(i -> i.addresses().stream()).map(Cidr::address).anyMatch(address::equals);
    }
}
