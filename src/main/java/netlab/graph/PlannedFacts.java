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

    @Override
    public List<String> impairment(String node, String interfaceName) {
        return impairmentOf(lab, node, interfaceName);
    }

    /** The file's impair line for the interface, in the language's words (a running lab's too: no verb changes it yet). */
    static List<String> impairmentOf(Lab lab, String node, String interfaceName) {
        return lab.node(node).stream().flatMap(n -> n.impairments().stream())
                .filter(i -> i.interfaceName().equals(interfaceName)).map(i -> "impair " + i.text()).toList();
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
