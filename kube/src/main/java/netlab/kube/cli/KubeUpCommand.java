package netlab.kube.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import netlab.kube.LabObjects;
import netlab.kube.LabParts;
import netlab.kube.cluster.ClusterStatus;
import netlab.kube.cluster.ClusterUp;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "up", description = "Create the lab's objects on the cluster of the current kubeconfig, "
        + "with VNI blocks of its own; a failure leaves nothing behind.")
final class KubeUpCommand implements Runnable {
    @ParentCommand
    KubeCommand parent;

    @Spec
    CommandSpec spec;

    @Mixin
    KubeHelp help;

    @Parameters(paramLabel = "FILE", description = "The topology file (.topo).")
    Path file;

    @Mixin
    SplitOptions options;

    @Option(names = "--wait", description = "Return once every part is up (its pod ready).")
    boolean await;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "600",
            description = "How long --wait waits (default: ${DEFAULT-VALUE}); the lab stays when it runs out.")
    int timeout;

    @Override
    public void run() {
        LabParts lab = options.split(parent.splitter, file, spec);
        PrintWriter out = spec.commandLine().getOut();
        Cluster.call(parent.clients, client -> {
            String ns = options.namespace.of(client);
            LabObjects objects = new ClusterUp(client).up(lab, ns, options.image());
            objects.all().forEach(object -> out.println(object.getKind() + " " + object.getMetadata().getName() + " created"));
            out.println("lab " + lab.lab() + " is on the cluster, in namespace " + ns + ": " + lab.parts() + " parts");
            out.flush();
            if (await) {
                new ClusterStatus(client).waitUntilReady(lab.lab(), ns, Duration.ofSeconds(timeout));
                out.println("lab " + lab.lab() + ": every part is up");
            }
            return null;
        });
        out.flush();
    }
}
