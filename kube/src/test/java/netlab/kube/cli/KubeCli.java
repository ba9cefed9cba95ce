package netlab.kube.cli;

import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.function.Supplier;
import netlab.cli.NetlabCommand;
import netlab.kube.FakeLab;
import picocli.CommandLine;

/**
 * netlab's own command line, in-process with captured writers, whose k8s verb splits with
 * {@link FakeLab} (the lab named as the file, a VXLAN per pair of parts) and reaches the cluster
 * {@code clients} make. Failures go through the application's handler: exit codes are netlab's.
 */
final class KubeCli {
    record Run(int exitCode, String out, String err) {}

    private KubeCli() {}

    static final FileSplitter FAKE = (file, hosts) ->
            new FakeLab(file.getFileName().toString().replaceFirst("\\.topo$", ""), hosts, hosts * (hosts - 1) / 2);

    static Run run(Supplier<KubernetesClient> clients, String... args) {
        return run(FAKE, clients, args);
    }

    /** As {@link #run(Supplier, String...)}, splitting with {@code splitter}. */
    static Run run(FileSplitter splitter, Supplier<KubernetesClient> clients, String... args) {
        CommandLine root = NetlabCommand.commandLine(args);
        root.getCommandSpec().removeSubcommand("k8s");
        root.addSubcommand("k8s", new KubeCommand(splitter, clients));
        // The handlers reach a subcommand when they are set: again, for the one just added.
        root.setExecutionExceptionHandler(root.getExecutionExceptionHandler());
        root.setParameterExceptionHandler(root.getParameterExceptionHandler());
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        root.setOut(new PrintWriter(out, true));
        root.setErr(new PrintWriter(err, true));
        int exitCode = root.execute(args);
        root.getOut().flush();
        root.getErr().flush();
        return new Run(exitCode, out.toString(), err.toString());
    }
}
