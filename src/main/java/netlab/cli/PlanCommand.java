package netlab.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import netlab.executor.step.Steps;
import netlab.plan.Planner;
import netlab.topology.Expectation;
import netlab.topology.Lab;
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
        Lab lab = Labs.read(file);
        out.print(Steps.script(Planner.plan(lab)));
        out.print(expectations(lab.expectations()));
        // print() does not flush picocli's autoflush writer, and System.exit would drop the plan.
        out.flush();
    }

    /**
     * The lab's expectations after its steps, as shell comments (they change nothing, and the plan
     * stays a script that builds the lab), each with the place it was written, in one column:
     * {@code # expect ns1 reaches 10.0.0.2 ttl 64    (lan.topo:12:3)}.
     */
    static String expectations(List<Expectation> expectations) {
        int width = expectations.stream().mapToInt(e -> e.text().length()).max().orElse(0);
        StringBuilder text = new StringBuilder();
        for (Expectation e : expectations) {
            // A file name can hold a newline, which would end the comment and run the rest.
            String where = e.source().toString().replaceAll("\\p{Cntrl}", "?");
            text.append("# expect ").append(e.text()).append(" ".repeat(width - e.text().length() + 4))
                    .append('(').append(where).append(")\n");
        }
        return text.toString();
    }
}
