package netlab.kube.cli;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code LAB [--namespace NS]}: a lab on the cluster, by its netlab name. */
final class LabArgument {
    @Parameters(paramLabel = "LAB", description = "The lab's name.")
    String lab;

    @Mixin
    NamespaceOption namespace;
}
