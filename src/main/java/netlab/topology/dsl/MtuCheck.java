package netlab.topology.dsl;

import java.util.Collection;
import java.util.OptionalInt;
import netlab.topology.Cidr;
import netlab.topology.Mtus;
import netlab.topology.Neighbour;
import netlab.topology.NetInterface;
import netlab.topology.SysctlSetting;

/**
 * What the kernel refuses because of an MTU (see {@link Mtus} for how each interface's is
 * decided): a macvlan's above its parent's, a vxlan's above its underlay's less the overhead (or
 * an underlay too small for any), and IPv6 of any kind on an interface below 1280,
 * where the kernel has turned IPv6 off (an address: EINVAL; a route: ENODEV; a neighbour:
 * EINVAL; its net.ipv6.conf settings do not exist).
 */
final class MtuCheck {
    private MtuCheck() {}

    static void check(Collection<NodeDraft> nodes, Mtus mtus, Problems problems) {
        for (NodeDraft node : nodes) {
            for (InterfaceDraft i : node.interfaces.values()) {
                if (i.kind == InterfaceDraft.Kind.MACVLAN && i.mtu != null) {
                    parentLimit(i, mtus, problems);
                }
                if (i.kind == InterfaceDraft.Kind.VXLAN) {
                    vxlanLimit(i, mtus, problems);
                }
                if (mtus.withoutIpv6(i.endpoint())) {
                    for (Located<Cidr> address : i.addresses) {
                        if (!address.value().isIpv4()) {
                            problems.add(address.source(), "IPv6 address " + address.value() + " on " + why(i, mtus));
                        }
                    }
                }
            }
            for (Syntax.Route route : node.routes) {
                if (!route.destination().value().isIpv4() && route.dev().isPresent()) {
                    InterfaceDraft dev = node.interfaces.get(route.dev().get().text());
                    if (dev != null && mtus.withoutIpv6(dev.endpoint())) {
                        problems.add(route.dev().get(), "IPv6 route through " + why(dev, mtus));
                    }
                }
            }
            for (Neighbour neighbour : node.neighbours) {
                InterfaceDraft dev = node.interfaces.get(neighbour.dev());
                if (neighbour.address() instanceof java.net.Inet6Address && dev != null && mtus.withoutIpv6(dev.endpoint())) {
                    problems.add(neighbour.source(), "IPv6 neighbour on " + why(dev, mtus));
                }
            }
            for (SysctlSetting sysctl : node.sysctls.values()) {
                InterfaceDraft named = sysctl.key().startsWith("net.ipv6.conf.")
                        ? sysctl.interfaceName().map(node.interfaces::get).orElse(null) : null;
                if (named != null && mtus.withoutIpv6(named.endpoint())) {
                    problems.add(sysctl.source(), "net.ipv6.conf setting of " + why(named, mtus));
                }
            }
        }
    }

    /** A macvlan's MTU may not exceed its real parent's, when the lab makes that parent. */
    private static void parentLimit(InterfaceDraft macvlan, Mtus mtus, Problems problems) {
        OptionalInt limit = mtus.parentMtu(macvlan.endpoint());
        if (limit.isPresent() && macvlan.mtu.value() > limit.getAsInt()) {
            String parent = macvlan.parentNode.text() + ":" + macvlan.parent.text();
            problems.add(macvlan.mtu.source(), "mtu " + macvlan.mtu.value() + " of macvlan " + Word.quote(macvlan.name)
                    + " is above the MTU of its parent " + Word.quote(parent) + " (" + limit.getAsInt()
                    + "); a macvlan's MTU cannot exceed its parent's");
        }
    }

    /**
     * A vxlan's MTU may not exceed its underlay's less the overhead (vxlan_change_mtu: EINVAL), nor
     * 1500 less it without an underlay (the kernel would take more: the path is netlab's guess),
     * and the default is that limit, so an underlay too small for the smallest MTU cannot carry one.
     */
    private static void vxlanLimit(InterfaceDraft vxlan, Mtus mtus, Problems problems) {
        if (vxlan.vxlan.machine()) {
            return; // the machine's path is not the file's to know: its mtu is taken as written
        }
        java.util.OptionalInt limit = mtus.vxlanLimit(vxlan.endpoint());
        if (limit.isEmpty()) {
            return;
        }
        String over = (vxlan.underlay == null ? "1500 (no 'local', so no underlay)"
                : "the MTU of its underlay " + Word.quote(vxlan.underlay) + " ("
                        + (limit.getAsInt() + overhead(vxlan)) + ")")
                + " less the " + overhead(vxlan) + " bytes VXLAN adds over "
                + (vxlan.vxlan.remote().value() instanceof java.net.Inet4Address ? "IPv4" : "IPv6");
        if (vxlan.mtu != null && vxlan.mtu.value() > limit.getAsInt()) {
            problems.add(vxlan.mtu.source(), "mtu " + vxlan.mtu.value() + " of vxlan " + Word.quote(vxlan.name)
                    + " is above " + limit.getAsInt() + ", " + over + (vxlan.underlay == null
                            ? "; without 'local' netlab takes the path to be 1500 bytes" : "; the kernel refuses more (EINVAL)"));
        } else if (vxlan.mtu == null && limit.getAsInt() < StatementParser.MTU_MIN) {
            problems.add(vxlan.source, "vxlan " + Word.quote(vxlan.name) + " would have MTU " + limit.getAsInt() + ", "
                    + over + ": below the smallest MTU " + StatementParser.MTU_MIN);
        }
    }

    private static int overhead(InterfaceDraft vxlan) {
        return NetInterface.Vxlan.overhead(vxlan.vxlan.remote().value());
    }

    /** {@code 'eth0', whose MTU is 1000 (...): the kernel turns IPv6 off below MTU 1280}. */
    private static String why(InterfaceDraft i, Mtus mtus) {
        String from = i.mtu != null ? ""
                : i.kind == InterfaceDraft.Kind.BRIDGE ? " (the smallest of its ports')"
                : i.kind == InterfaceDraft.Kind.VXLAN ? " (its underlay's less the overhead)" : " (its parent's)";
        return Word.quote(i.name) + ", whose MTU is " + mtus.mtu(i.endpoint()).getAsInt() + from
                + ": the kernel turns IPv6 off below MTU " + Mtus.IPV6_MIN_MTU;
    }
}
