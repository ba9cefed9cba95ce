package netlab.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

/**
 * {@code netlab k8s}, whose code lives in the kube module (kube/, docs/kubernetes.md). The
 * application does not depend on that module: fabric8 and its Jackson would slow every verb's
 * start. The launcher puts the module on the class path for this verb alone, where
 * {@link #command()} finds its command; elsewhere (a build without the module, {@code netlab
 * help}, the man pages) this class stands in for it, with the verb's forms as its usage.
 */
@Command(name = "k8s",
        description = {"Run a lab split over K machines on Kubernetes: print its objects, create them on the cluster "
                + "of the current kubeconfig, take them down, or show where each part runs. "
                + "The verb lives in the kube module (docs/kubernetes.md)."},
        customSynopsis = {
            "netlab k8s FILE --hosts K [--namespace NS] [--image IMG] [--vni-base N]",
            "       netlab k8s up FILE --hosts K [--namespace NS] [--image IMG] [--wait]",
            "       netlab k8s down LAB [--namespace NS]",
            "       netlab k8s status LAB [--namespace NS]"})
final class KubeVerb implements Callable<Integer> {
    /** The kube module's picocli command for {@code netlab k8s}. */
    static final String COMMAND = "netlab.kube.cli.KubeCommand";

    @Mixin
    HelpOption help;

    @Spec
    CommandSpec spec;

    /** Whatever follows {@code k8s}: without the module, every form gets the same answer. */
    @Unmatched
    List<String> arguments;

    /** The kube module's command when it is on the class path, else this stand-in. */
    static Class<?> command() {
        try {
            return Class.forName(COMMAND, false, KubeVerb.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            return KubeVerb.class;
        }
    }

    /**
     * Exit 2, as for a verb netlab does not know: in this build it has no code. Not 70: nothing
     * failed, the module was not built or is not where the launcher looks.
     */
    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        err.println(Colour.err().red("netlab: k8s needs the kube module, which is not here "
                + "(kube/target/netlab-kube.jar and kube/target/lib/; make builds them)"));
        err.flush();
        return ExitCodes.USAGE;
    }
}
