package netlab.kube.cli;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.function.Function;
import java.util.function.Supplier;
import netlab.kube.cluster.ClusterException;

/** Talks to the cluster for one verb: a client of its own, closed after, and the client's failures in netlab's terms. */
final class Cluster {
    private Cluster() {}

    static <T> T call(Supplier<KubernetesClient> clients, Function<KubernetesClient, T> work) {
        try (KubernetesClient client = clients.get()) {
            try {
                return work.apply(client);
            } catch (KubernetesClientException e) {
                throw ClusterException.of(e, client.getMasterUrl().toString());
            }
        }
    }
}
