package netlab.kube.cluster;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.ArrayList;
import java.util.List;

/** Everything of the kinds netlab makes, in every namespace: {@code Kind namespace/name@resourceVersion}, sorted. */
final class ClusterObjects {
    private ClusterObjects() {}

    static List<String> of(KubernetesClient client) {
        List<HasMetadata> all = new ArrayList<>();
        all.addAll(client.configMaps().inAnyNamespace().list().getItems());
        all.addAll(client.services().inAnyNamespace().list().getItems());
        all.addAll(client.apps().statefulSets().inAnyNamespace().list().getItems());
        all.addAll(client.pods().inAnyNamespace().list().getItems());
        return all.stream().map(object -> object.getKind() + " " + object.getMetadata().getNamespace() + "/"
                + object.getMetadata().getName() + "@" + object.getMetadata().getResourceVersion()).sorted().toList();
    }

    /** The same without resource versions: what exists, not which version of it. */
    static List<String> names(KubernetesClient client) {
        return of(client).stream().map(line -> line.substring(0, line.indexOf('@'))).toList();
    }
}
