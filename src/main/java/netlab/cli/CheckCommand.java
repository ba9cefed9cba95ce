package netlab.cli;

import java.nio.file.Path;
import netlab.topology.Lab;
import netlab.topology.NetInterface;
import netlab.topology.Printable;
import netlab.topology.warnings.LabWarnings;
import netlab.topology.warnings.Warning;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "check", description = "Check a topology file; change nothing.")
final class CheckCommand implements Runnable {
    @Mixin
    HelpOption help;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "The topology file (.topo).")
    Path file;

    @Override
    public void run() {
        Lab lab = Labs.read(file);
        long interfaces = lab.nodes().stream().flatMap(n -> n.interfaces().stream())
                .filter(i -> !(i instanceof NetInterface.Loopback)).count();
        int expectations = lab.expectations().size();
        // Said only when there are some: a lab without expect lines reads as it always has.
        String expecting = expectations == 0 ? ""
                : ", " + expectations + (expectations == 1 ? " expectation" : " expectations");
        // Warnings do not change the verdict or the exit status: the kernel would take the file.
        for (Warning warning : LabWarnings.of(lab)) {
            spec.commandLine().getErr().println(warning);
        }
        spec.commandLine().getErr().flush();
        int nodes = lab.namespaces().size();
        spec.commandLine().getOut().printf("%s: lab %s is valid (%d %s, %d %s%s)%n", Printable.line(file.toString()),
                Printable.line(lab.name()), nodes,
                nodes == 1 ? "node" : "nodes", interfaces, interfaces == 1 ? "interface" : "interfaces", expecting);
    }
}
