package netlab.kube.cli;

import java.io.PrintWriter;
import java.time.Duration;
import netlab.kube.cluster.ClusterDown;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "down", description = "Delete the lab's objects (the StatefulSet first, so each agent takes "
        + "its part down), then release its VNI blocks once its pods are gone.")
final class KubeDownCommand implements Runnable {
    /** The agents' grace period (60 s) and some more for the API server and kubelets. */
    static final Duration PODS_GONE = Duration.ofSeconds(90);

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
        PrintWriter out = spec.commandLine().getOut();
        Cluster.call(parent.clients, client -> {
            String ns = lab.namespace.of(client);
            new ClusterDown(client, PODS_GONE).down(lab.lab, ns);
            out.println("lab " + lab.lab + " is off the cluster (namespace " + ns + "), its VNI blocks released");
            return null;
        });
        out.flush();
    }
}
