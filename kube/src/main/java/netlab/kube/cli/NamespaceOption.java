package netlab.kube.cli;

import io.fabric8.kubernetes.client.KubernetesClient;
import picocli.CommandLine.Option;

/** {@code --namespace NS}: where the lab's objects are; else the kubeconfig's namespace, else default. */
final class NamespaceOption {
    @Option(names = "--namespace", paramLabel = "NS",
            description = "The namespace of the lab's objects (default: the current kubeconfig context's, else default).")
    String namespace;

    String of(KubernetesClient client) {
        if (namespace != null) {
            return namespace;
        }
        return client.getNamespace() != null ? client.getNamespace() : "default";
    }
}
