package netlab.graph;

import java.util.List;
import netlab.topology.Cidr;
import netlab.topology.Lab;
import netlab.topology.NatRule;
import netlab.topology.NetInterface;

/** The facts of a topology file: what {@code up} would make. */
final class PlannedFacts implements LabFacts {
    private final Lab lab;

    PlannedFacts(Lab lab) {
        this.lab = lab;
    }

    @Override
    public List<String> addresses(String node, String interfaceName) {
        return lab.node(node).flatMap(n -> n.netInterface(interfaceName)).map(NetInterface::addresses)
                .orElse(List.of()).stream().map(Cidr::toString).toList();
    }

    @Override
    public List<String> nat(String node) {
        return lab.node(node).map(n -> n.nat().stream().map(PlannedFacts::text).toList()).orElse(List.of());
    }

    @Override
    public List<String> others(String node) {
        return List.of();
    }

    /** A rule in the language's words: {@code masquerade src 192.168.0.0/24 dst != 192.168.0.0/24}. */
    static String text(NatRule rule) {
        StringBuilder text = new StringBuilder(rule.snatTo().map(to -> "snat " + to.getHostAddress()).orElse("masquerade"));
        rule.src().ifPresent(src -> text.append(" src ").append(src));
        rule.dst().ifPresent(dst -> text.append(" dst ").append(rule.dstNegated() ? "!" : "").append(dst));
        rule.out().ifPresent(out -> text.append(" out ").append(out));
        return text.toString();
    }
}
