package netlab.kube.cli;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.function.Supplier;
import netlab.kube.LabObjects;
import netlab.kube.LabParts;
import netlab.kube.LabSettings;
import netlab.kube.ObjectsYaml;
import netlab.kube.cluster.VniBlocks;
import netlab.partition.parts.VniBase;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code netlab k8s FILE --hosts K}: prints the objects that run the lab on Kubernetes, as YAML;
 * its subcommands drive a cluster. The application's {@code netlab.cli.KubeVerb} finds this class
 * by name when the launcher has put the kube module on the class path.
 */
@Command(name = "k8s",
        description = "Print the Kubernetes objects that run a lab split over K machines (multi-document YAML, "
                + "for kubectl apply -f), or drive a cluster with up, down and status (docs/kubernetes.md).",
        subcommands = {KubeUpCommand.class, KubeDownCommand.class, KubeStatusCommand.class, HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:ok", "2:usage error", "3:topology file error, or a lab name Kubernetes cannot take",
                "4:the cluster refused a request or did not answer", "5:the cluster refused: not permitted",
                "6:lab state problem (already on the cluster, not on it, not ready in time)",
                "70:netlab failed unexpectedly (a bug)", "130:interrupted"})
public final class KubeCommand implements Runnable {
    /**
     * fabric8 retries a request that got no answer, 10 times by default, doubling its wait from
     * 0.1 s: 20 s before a cluster that is down is reported. Three retries ride out a blip.
     */
    static final int RETRIES = 3;

    final FileSplitter splitter;
    final Supplier<KubernetesClient> clients;

    @Spec
    CommandSpec spec;

    @Mixin
    KubeHelp help;

    @Parameters(paramLabel = "FILE", arity = "0..1", description = "The topology file (.topo).")
    Path file;

    @Mixin
    SplitOptions options;

    @Option(names = "--vni-base", paramLabel = "N", defaultValue = "" + VniBlocks.SIZE * VniBlocks.FIRST,
            description = "The lab's first VNI; all its VNIs must fit in 1..16777215 (default: ${DEFAULT-VALUE}, "
                    + "the first block k8s up claims). "
                    + "Printing claims nothing: two labs applied by hand need bases of their own.")
    int vniBase;

    /** The command netlab runs: netlab's part renderer, and the cluster of the current kubeconfig. */
    public KubeCommand() {
        this(new PartitionSplitter(), () -> new KubernetesClientBuilder().withConfig(new ConfigBuilder(Config.autoConfigure(null))
                .withRequestRetryBackoffLimit(RETRIES).build()).build());
    }

    /** The command with another way to split a lab, and to reach a cluster (tests). */
    public KubeCommand(FileSplitter splitter, Supplier<KubernetesClient> clients) {
        this.splitter = splitter;
        this.clients = clients;
    }

    @Override
    public void run() {
        if (file == null) {
            throw new ParameterException(spec.commandLine(), "Missing FILE, or a verb: up, down, status");
        }
        LabParts lab = options.split(splitter, file, spec);
        try {
            VniBase.requireFits(vniBase, lab.vniCount());
        } catch (IllegalArgumentException e) {
            throw vniBaseRefused(e);
        }
        String ns = Cluster.call(clients, options.namespace::of);
        LabObjects objects;
        try {
            objects = LabObjects.of(lab, new LabSettings(ns, options.image(), vniBase));
        } catch (IllegalArgumentException e) {
            // The split can still run past 24 bits from a base that fits: it skips the VNIs the lab's own tunnels hold.
            throw vniBaseRefused(e);
        }
        PrintWriter out = spec.commandLine().getOut();
        out.print(ObjectsYaml.of(objects.all()));
        out.flush();
    }

    /** A base the split refuses: a usage error in partition --write's words, naming this option. */
    private ParameterException vniBaseRefused(IllegalArgumentException e) {
        return new ParameterException(spec.commandLine(), "--vni-base: " + e.getMessage());
    }
}
