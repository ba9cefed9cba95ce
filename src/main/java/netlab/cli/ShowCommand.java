package netlab.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import netlab.error.LabStateException;
import netlab.error.NetlabException;
import netlab.executor.LabInspector;
import netlab.executor.LabView;
import netlab.executor.PlanToCompare;
import netlab.plan.Planner;
import netlab.state.LabState;
import netlab.topology.Lab;
import netlab.topology.Node;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "show", description = "Show a lab's live state (or one node's), read back from the kernel.")
final class ShowCommand implements Runnable {
    @Mixin
    HelpOption help;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "LAB|FILE", description = "The lab's name (or its topology file).")
    String lab;

    @Parameters(index = "1", arity = "0..1", paramLabel = "NODE", description = "Show only this node (host for the host's part).")
    String node;

    @Option(names = "--json", description = "Print JSON for machines.")
    boolean json;

    @Override
    public void run() {
        String name = Labs.nameOf(lab);
        Placement.forwardIfHeld(spec.commandLine(), Labs.store(), name);
        // A broken lab (half made or half removed) is shown as far as it exists: what a student debugs.
        LabState state = Labs.requireUp(Labs.store(), name);
        if (node != null && !nodesOf(state).contains(node)) {
            throw new LabStateException("lab " + name + " has no node " + node + "; its nodes are "
                    + String.join(", ", nodesOf(state)));
        }
        Privileges.requireAdmin();
        NettyLogging.quiet();
        LabView view = LabInspector.inspect(state, shown -> node == null || shown.equals(node), planOf(state));
        spec.commandLine().getOut().print(json ? ShowJson.render(view) + "\n" : ShowText.render(view));
        spec.commandLine().getOut().flush();
    }

    /** The nodes show can name: the host (which every lab may touch) and the lab's namespaces. */
    private static List<String> nodesOf(LabState state) {
        List<String> nodes = new ArrayList<>(List.of(Node.HOST));
        state.namespaces().forEach(namespace -> nodes.add(namespace.name()));
        return nodes;
    }

    /**
     * The plan of the file the lab came from, as the file is now (the record keeps only what down
     * needs): what tells the lab's links, addresses and neighbours from those made by hand.
     */
    private static PlanToCompare planOf(LabState state) {
        Path file = Path.of(state.file());
        if (!Files.isRegularFile(file)) {
            return PlanToCompare.none(file + " is gone");
        }
        try {
            Lab read = Labs.read(file);
            if (Placement.inside()) {
                read = read.named(state.lab()); // a copy brought up with up --name has a name of its own
            } else if (!read.name().equals(state.lab())) {
                return PlanToCompare.none(file + " now describes lab " + read.name());
            }
            return PlanToCompare.of(Planner.plan(read));
        } catch (NetlabException e) {
            return PlanToCompare.none(file + " no longer reads: " + e.getMessage());
        }
    }
}
