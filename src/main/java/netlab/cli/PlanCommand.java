package netlab.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import netlab.executor.step.Steps;
import netlab.plan.Planner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "plan", description = "Print what up would do, one ip/nft-like line per step; change nothing.")
final class PlanCommand implements Runnable {
    @Mixin
    HelpOption help;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "The topology file (.topo).")
    Path file;

    @Override
    public void run() {
        PrintWriter out = spec.commandLine().getOut();
        out.print(Steps.script(Planner.plan(Labs.read(file))));
        // print() does not flush picocli's autoflush writer, and System.exit would drop the plan.
        out.flush();
    }
}
