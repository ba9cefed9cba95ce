package netlab.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "show", description = "Show a lab's live state, read back from the kernel.")
final class ShowCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "LAB", description = "The lab's name (or its topology file).")
    String lab;

    @Option(names = "--json", description = "Print JSON for machines.")
    boolean json;

    @Override
    public void run() {
        var state = Labs.requireUp(Labs.store(), Labs.nameOf(lab));
        spec.commandLine().getOut().println("lab " + state.lab() + ": " + state.namespaces().size() + " nodes");
    }
}
