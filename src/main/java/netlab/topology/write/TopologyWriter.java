package netlab.topology.write;

import java.util.ArrayList;
import java.util.List;
import netlab.topology.Expectation;
import netlab.topology.Lab;
import netlab.topology.Node;

/**
 * A resolved {@link Lab} back to topology-language text that reads into an equal lab (its
 * {@code Source} positions and file name aside): {@code lab NAME}, then a block for each node
 * in the lab's order, one statement per line, then the expectations. The text is what a person
 * would write: each value in its plainest spelling, defaults left out, a veth pair written once,
 * in its creator's block.
 */
public final class TopologyWriter {
    private static final String INDENT = "  ";

    private TopologyWriter() {}

    public static String write(Lab lab) {
        InterfaceLines interfaces = new InterfaceLines(new LabIndex(lab));
        StringBuilder text = new StringBuilder("lab ").append(lab.name()).append('\n');
        for (Node node : lab.nodes()) {
            text.append(node.isHost() ? "host" : "node " + node.name()).append('\n');
            for (String line : block(node, interfaces)) {
                text.append(INDENT).append(line).append('\n');
            }
        }
        if (!lab.expectations().isEmpty()) {
            text.append('\n');
        }
        for (Expectation expectation : lab.expectations()) {
            text.append(expect(expectation)).append('\n');
        }
        return text.toString();
    }

    /** The interfaces it makes and what they carry, then what is set in the node, each kind together. */
    private static List<String> block(Node node, InterfaceLines interfaces) {
        List<String> lines = new ArrayList<>(interfaces.made(node));
        lines.addAll(interfaces.addressed(node));
        lines.addAll(interfaces.mtus(node));
        lines.addAll(interfaces.macs(node));
        node.routes().forEach(route -> lines.add(SettingLines.route(route)));
        node.neighbours().forEach(neighbour -> lines.add(SettingLines.neighbour(neighbour)));
        node.sysctls().forEach(sysctl -> lines.add(SettingLines.sysctl(sysctl)));
        node.nat().forEach(rule -> lines.add(SettingLines.nat(rule)));
        node.impairments().forEach(impairment -> lines.add(SettingLines.impairment(impairment)));
        return lines;
    }

    /**
     * After the last block, each naming its node: the lab keeps them in file order across blocks,
     * which writing each in its sender's block would not keep.
     */
    private static String expect(Expectation expectation) {
        return "expect " + expectation.text();
    }
}
