package netlab.graph;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import netlab.executor.LabView;
import netlab.topology.Lab;

/**
 * The facts of a running lab, as {@code netlab show} reads them from the kernel. Link-local
 * addresses are left out: the kernel or netlab gives every IPv6 link one, and they would crowd
 * every end of every line.
 */
final class KernelFacts implements LabFacts {
    private final Lab lab;
    private final Map<String, LabView.Node> nodes;

    KernelFacts(Lab lab, LabView view) {
        this.lab = lab;
        this.nodes = view.nodes().stream().collect(Collectors.toMap(LabView.Node::name, Function.identity()));
    }

    @Override
    public List<String> addresses(String node, String interfaceName) {
        Optional<LabView.Interface> found = kernelInterface(node, interfaceName);
        if (found.isEmpty()) {
            // The host's lo is not the lab's, so show does not read it.
            return interfaceName.equals("lo") ? List.of() : List.of("(missing)");
        }
        return shown(found.get());
    }

    @Override
    public List<String> impairment(String node, String interfaceName) {
        return PlannedFacts.impairmentOf(lab, node, interfaceName);
    }

    @Override
    public List<String> nat(String node) {
        LabView.Node found = nodes.get(node);
        if (found == null) {
            return List.of();
        }
        List<String> rules = new ArrayList<>();
        for (LabView.NatTable table : found.tables()) {
            for (LabView.Rule rule : table.rules()) {
                rules.add(rule.chain() + ": " + rule.text());
            }
        }
        return rules;
    }

    @Override
    public List<String> others(String node) {
        LabView.Node found = nodes.get(node);
        if (found == null) {
            return List.of();
        }
        List<String> lines = new ArrayList<>();
        for (LabView.Interface i : found.interfaces()) {
            boolean inFile = lab.node(node).flatMap(n -> n.netInterface(i.name())).isPresent();
            if (!inFile && !(i.name().equals("lo") && shown(i).isEmpty())) {
                lines.add((i.name() + " " + String.join(" ", shown(i))).strip());
            }
        }
        return lines;
    }

    private Optional<LabView.Interface> kernelInterface(String node, String interfaceName) {
        LabView.Node found = nodes.get(node);
        if (found == null) {
            return Optional.empty();
        }
        return found.interfaces().stream().filter(i -> i.name().equals(interfaceName)).findFirst();
    }

    /** Every address but link-local ones and the loopback's own (127.0.0.1/8, ::1/128), which every node has. */
    private static List<String> shown(LabView.Interface i) {
        return i.addresses().stream().filter(a -> !a.scope().equals("link")).map(LabView.Address::toString)
                .filter(a -> !a.equals("127.0.0.1/8") && !a.equals("::1/128")).toList();
    }
}
