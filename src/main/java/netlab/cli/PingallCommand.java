package netlab.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import netlab.check.Pingall;
import netlab.state.LabState;
import netlab.state.StateStore;
import netlab.topology.Lab;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "pingall", description = {
        "Every node of a lab that is up pings every address the file gives every other node, all at once.",
        "Exit status 0 when every pair answered within 1 s, 1 otherwise."})
final class PingallCommand implements Callable<Integer> {
    @Mixin
    HelpOption help;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "LAB|FILE", description = "The lab's name, or its topology file.")
    String target;

    @Option(names = "--json", description = "Print every pair as JSON (docs/checking.md).")
    boolean json;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        StateStore store = Labs.store();
        String name = Labs.nameOf(target);
        Placement.forwardIfHeld(spec.commandLine(), store, name);
        LabState state = Labs.requireUp(store, name);
        Lab lab = Labs.recordedLab(state);
        Privileges.requireAdmin();
        NettyLogging.quiet();
        Instant start = Instant.now();
        List<Pingall.Pair> pairs = Pingall.run(state, lab);
        Duration took = Duration.between(start, Instant.now());
        out.print(json ? PingallReport.json(lab.name(), pairs, took) : PingallReport.text(lab, pairs, took, Colour.out()));
        out.flush();
        return pairs.stream().allMatch(Pingall.Pair::answered) ? ExitCodes.OK : ExitCodes.EXPECTATION_FAILED;
    }
}
