package netlab.kube.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import netlab.kube.cluster.ClusterStatus;
import netlab.kube.cluster.ClusterStatus.PartStatus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "status", description = "Where each part of the lab runs: a line per part with its pod, node, "
        + "the node's address, the pod's phase, and whether the part is up.")
final class KubeStatusCommand implements Runnable {
    @ParentCommand
    KubeCommand parent;

    @Spec
    CommandSpec spec;

    @Mixin
    KubeHelp help;

    @Mixin
    LabArgument lab;

    @Override
    public void run() {
        List<PartStatus> parts = Cluster.call(parent.clients, client -> new ClusterStatus(client).of(lab.lab, lab.namespace.of(client)));
        PrintWriter out = spec.commandLine().getOut();
        out.print(table(parts));
        out.flush();
    }

    /** A header and a line per part, in columns as wide as their widest cell; "-" where the cluster has no answer. */
    static String table(List<PartStatus> parts) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("PART", "POD", "NODE", "HOST IP", "PHASE", "READY"));
        for (PartStatus part : parts) {
            rows.add(List.of(String.valueOf(part.part()), part.pod(), Objects.requireNonNullElse(part.node(), "-"),
                    Objects.requireNonNullElse(part.hostIp(), "-"), Objects.requireNonNullElse(part.phase(), "-"),
                    part.ready() ? "yes" : "no"));
        }
        int[] widths = new int[rows.getFirst().size()];
        for (List<String> row : rows) {
            for (int column = 0; column < widths.length; column++) {
                widths[column] = Math.max(widths[column], row.get(column).length());
            }
        }
        StringBuilder table = new StringBuilder();
        for (List<String> row : rows) {
            StringBuilder line = new StringBuilder();
            for (int column = 0; column < widths.length; column++) {
                line.append(String.format("%-" + (widths[column] + 2) + "s", row.get(column)));
            }
            table.append(line.toString().stripTrailing()).append('\n');
        }
        return table.toString();
    }
}
