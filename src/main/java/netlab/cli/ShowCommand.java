package netlab.cli;

import netlab.error.LabStateException;
import netlab.executor.LabInspector;
import netlab.executor.LabView;
import netlab.state.LabState;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "show", description = "Show a lab's live state, read back from the kernel.")
final class ShowCommand implements Runnable {
    @Mixin
    HelpOption help;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "LAB|FILE", description = "The lab's name (or its topology file).")
    String lab;

    @Option(names = "--json", description = "Print JSON for machines.")
    boolean json;

    @Override
    public void run() {
        String name = Labs.nameOf(lab);
        Placement.forwardIfHeld(spec.commandLine(), Labs.store(), name);
        LabState state = Labs.requireUp(Labs.store(), name);
        if (!state.isUp()) {
            // Half made or half removed: the kernel would not show the lab, only its remains.
            throw new LabStateException("lab " + name + " is broken (interrupted while brought up or down); "
                    + "remove it with: netlab down " + name);
        }
        Privileges.requireAdmin();
        NettyLogging.quiet();
        LabView view = LabInspector.inspect(state);
        spec.commandLine().getOut().print(json ? ShowJson.render(view) + "\n" : ShowText.render(view));
        spec.commandLine().getOut().flush();
    }
}
