package netlab.cli;

import java.io.PrintWriter;
import java.util.Optional;
import netlab.executor.held.HeldLabs;
import netlab.state.LabRecord;
import netlab.state.LabState;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * What the completion script asks while the user types: the names of labs, or of nodes, one a
 * line. Hidden: it is the script's, not the user's. It reads the state directory only and says
 * nothing when it cannot: a completion must never print an error into the user's command line.
 */
@Command(name = CompleteNamesCommand.NAME, hidden = true, description = "List lab or node names for shell completion.")
final class CompleteNamesCommand implements Runnable {
    static final String NAME = "__complete";

    /** What to list: labs, or the nodes of every lab (LAB:NODE for a lab in its own namespaces). */
    enum Names { labs, nodes }

    @Mixin
    HelpOption help;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "labs|nodes", description = "What to list.")
    Names names;

    @Override
    public void run() {
        PrintWriter out = spec.commandLine().getOut();
        try {
            for (LabRecord record : Labs.store().list()) {
                switch (record) {
                    case LabRecord.Readable(LabState lab) -> print(out, lab, "");
                    case LabRecord.Held held -> {
                        Optional<LabRecord> inside = HeldLabs.inside(held.held());
                        if (inside.isPresent() && inside.get() instanceof LabRecord.Readable(LabState lab)) {
                            print(out, lab, lab.lab() + ":");
                        }
                    }
                    case LabRecord.Unreadable lab -> {
                        if (names == Names.labs) {
                            out.println(lab.lab());
                        }
                    }
                }
            }
        } catch (RuntimeException e) {
            // No state directory, or one netlab may not read: no names to offer.
        }
    }

    private void print(PrintWriter out, LabState lab, String prefix) {
        if (names == Names.labs) {
            out.println(lab.lab());
        } else {
            lab.namespaces().forEach(node -> out.println(prefix + node.name()));
        }
    }
}
