package netlab.kube.cli;

import picocli.CommandLine.Option;

/** {@code -h}/{@code --help} on the k8s verbs, as the application's verbs have it. */
final class KubeHelp {
    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
    boolean requested;
}
