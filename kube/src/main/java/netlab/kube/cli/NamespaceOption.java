package netlab.kube.cli;

import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/** {@code --namespace NS}: where the lab's objects are; else the kubeconfig's namespace, else default. */
final class NamespaceOption {
    /** A namespace's name is a DNS-1123 label: what the API server would refuse is a usage error here. */
    private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");

    @Option(names = "--namespace", paramLabel = "NS", converter = Label.class,
            description = "The namespace of the lab's objects (default: the current kubeconfig context's, else default).")
    String namespace;

    String of(KubernetesClient client) {
        if (namespace != null) {
            return namespace;
        }
        return client.getNamespace() != null ? client.getNamespace() : "default";
    }

    static final class Label implements ITypeConverter<String> {
        @Override
        public String convert(String value) {
            if (!DNS_LABEL.matcher(value).matches()) {
                throw new TypeConversionException("'" + value.replaceAll("\\p{Cntrl}", "?") + "' is not a namespace "
                        + "name: lower-case letters, digits and '-', a letter or digit at both ends, at most 63");
            }
            return value;
        }
    }
}
