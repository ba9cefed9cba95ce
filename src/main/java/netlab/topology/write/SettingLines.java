package netlab.topology.write;

import java.net.Inet6Address;
import netlab.topology.Cidr;
import netlab.topology.Impairment;
import netlab.topology.NatRule;
import netlab.topology.Neighbour;
import netlab.topology.Route;
import netlab.topology.SysctlSetting;

/** The statements that set something in a node: routes, neighbours, sysctls, NAT and impairments. */
final class SettingLines {
    private SettingLines() {}

    /** {@code route DEST [via GW] [dev IF] [onlink] [metric N] [src ADDR]}. */
    static String route(Route route) {
        StringBuilder line = new StringBuilder("route ").append(destination(route));
        route.via().ifPresent(via -> line.append(" via ").append(Words.address(via)));
        route.dev().ifPresent(dev -> line.append(" dev ").append(dev));
        if (route.onlink()) {
            line.append(" onlink");
        }
        route.metric().ifPresent(metric -> line.append(" metric ").append(metric));
        route.src().ifPresent(src -> line.append(" src ").append(Words.address(src)));
        return line.toString();
    }

    /**
     * {@code default} reads as 0.0.0.0/0, or ::/0 when the gateway is IPv6; so ::/0 without a
     * gateway is written out.
     */
    private static String destination(Route route) {
        Cidr destination = route.destination();
        boolean readsAsDefault = destination.isIpv4() || route.via().orElse(null) instanceof Inet6Address;
        return route.isDefault() && readsAsDefault ? "default" : Words.cidr(destination);
    }

    /** {@code neigh ADDR dev IF lladdr MAC|peer}. */
    static String neighbour(Neighbour neighbour) {
        return "neigh " + Words.address(neighbour.address()) + " dev " + neighbour.dev() + " lladdr "
                + neighbour.lladdr().orElse("peer");
    }

    static String sysctl(SysctlSetting sysctl) {
        return "sysctl " + sysctl.key() + "=" + sysctl.value();
    }

    /** {@code masquerade [src M] [dst [!]M] [out IF]} or {@code snat ADDR ...}. */
    static String nat(NatRule rule) {
        StringBuilder line = new StringBuilder(rule.snatTo().map(to -> "snat " + Words.address(to)).orElse("masquerade"));
        rule.src().ifPresent(src -> line.append(" src ").append(Words.cidr(src)));
        if (rule.dst().isPresent() && !impliedBySource(rule)) {
            line.append(" dst ").append(rule.dstNegated() ? "!" : "").append(Words.cidr(rule.dst().get()));
        }
        rule.out().ifPresent(out -> line.append(" out ").append(out));
        return line.toString();
    }

    /** {@code masquerade src NET} alone reads as destinations outside NET: no need to say {@code dst !NET}. */
    private static boolean impliedBySource(NatRule rule) {
        return rule.isMasquerade() && rule.dstNegated() && rule.src().isPresent()
                && rule.dst().get().equals(rule.src().get().network());
    }

    /**
     * {@code impair IF OPTIONS}, one line for each impaired interface: the two ends of a
     * {@code both} are each written in their own node's block, where they belong whatever
     * machine that block ends up on, and so keep their place among the node's impairments.
     */
    static String impairment(Impairment impairment) {
        return "impair " + impairment.interfaceName() + " " + impairment.text();
    }
}
