package netlab.cli;

import java.io.PrintWriter;
import java.util.List;
import netlab.state.LabState;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "ls", description = "List the labs that are up (or broken).")
final class LsCommand implements Runnable {
    @Mixin
    HelpOption help;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        PrintWriter out = spec.commandLine().getOut();
        List<LabState> labs = Labs.store().list();
        if (labs.isEmpty()) {
            out.println("no lab is up");
            return;
        }
        out.printf("%-20s %-7s %5s  %-20s %s%n", "LAB", "STATUS", "NODES", "SINCE", "FILE");
        for (LabState lab : labs) {
            out.printf("%-20s %-7s %5d  %-20s %s%n", lab.lab(), lab.complete() ? "up" : "broken",
                    lab.namespaces().size(), lab.since().toString().substring(0, 19).replace('T', ' '), lab.file());
        }
        if (labs.stream().anyMatch(lab -> !lab.complete())) {
            out.println("a broken lab was interrupted while it was brought up or down; remove it with: netlab down LAB");
        }
    }
}
