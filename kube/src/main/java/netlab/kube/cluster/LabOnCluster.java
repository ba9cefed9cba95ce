package netlab.kube.cluster;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import netlab.kube.KubeNames;
import netlab.kube.LabLabels;

/**
 * What a cluster holds of a lab: its objects in its namespace, found by the lab's label, and its
 * VNI claims. Pods are not listed: they are the StatefulSet's, and go with it.
 *
 * @param statefulSets the lab's StatefulSets (one, or none)
 * @param others its Services and ConfigMaps
 * @param claims its VNI claims
 */
public record LabOnCluster(List<HasMetadata> statefulSets, List<HasMetadata> others, List<ConfigMap> claims) {
    public LabOnCluster {
        statefulSets = List.copyOf(statefulSets);
        others = List.copyOf(others);
        claims = List.copyOf(claims);
    }

    public static LabOnCluster find(KubernetesClient client, KubeNames lab, String namespace) {
        List<HasMetadata> others = new ArrayList<>();
        others.addAll(client.services().inNamespace(namespace).withLabel(LabLabels.LAB, lab.dns()).list().getItems());
        // In the claims' namespace, the lab's label is on its claims too.
        client.configMaps().inNamespace(namespace).withLabel(LabLabels.LAB, lab.dns()).list().getItems().stream()
                .filter(map -> !map.getMetadata().getLabels().containsKey(VniClaims.BLOCK))
                .forEach(others::add);
        return new LabOnCluster(
                List.copyOf(client.apps().statefulSets().inNamespace(namespace).withLabel(LabLabels.LAB, lab.dns()).list().getItems()),
                others, new VniClaims(client).owned(lab, namespace));
    }

    public boolean isEmpty() {
        return statefulSets.isEmpty() && others.isEmpty() && claims.isEmpty();
    }

    /** The netlab names of the labs these objects were made for (one, unless two names map alike). */
    public Set<String> labNames() {
        Set<String> names = new TreeSet<>();
        List<HasMetadata> all = new ArrayList<>(statefulSets);
        all.addAll(others);
        all.addAll(claims);
        for (HasMetadata object : all) {
            Map<String, String> annotations = object.getMetadata().getAnnotations();
            names.add(annotations == null ? "?" : annotations.getOrDefault(LabLabels.LAB_NAME, "?"));
        }
        return names;
    }
}
