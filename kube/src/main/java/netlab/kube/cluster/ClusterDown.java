package netlab.kube.cluster;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import netlab.error.LabStateException;
import netlab.kube.KubeNames;

/**
 * {@code netlab k8s down}: the StatefulSet first, so that each agent gets SIGTERM and takes its part
 * down while the rest is still there; then the Service and ConfigMaps; then, once the lab's pods
 * are gone, its VNI claims. A claim is released only when no pod of the lab can still hold its
 * VNIs, else another lab could get them and collide on a machine where this one lingers.
 */
public final class ClusterDown {
    private final KubernetesClient client;
    private final Duration podsGone;

    /** {@code podsGone}: how long to wait for the pods to end (their grace period is 60 s). */
    public ClusterDown(KubernetesClient client, Duration podsGone) {
        this.client = client;
        this.podsGone = podsGone;
    }

    public void down(String lab, String namespace) {
        KubeNames names = KubeNames.of(lab);
        LabOnCluster found = LabOnCluster.find(client, names, namespace);
        if (found.isEmpty()) {
            throw new LabStateException("lab " + lab + " is not on the cluster, in namespace " + namespace);
        }
        if (!found.labNames().equals(Set.of(lab))) {
            throw new LabStateException("the objects named " + names.base() + " in namespace " + namespace + " are lab "
                    + String.join(", ", found.labNames()) + "'s, not " + lab + "'s (docs/kubernetes.md, Names)");
        }
        delete(found.statefulSets());
        delete(found.others());
        int pods = LabPods.waitUntilGone(client, names, namespace, podsGone);
        if (pods > 0) {
            throw new LabStateException("lab " + lab + ": " + pods + " pod" + (pods == 1 ? " is" : "s are")
                    + " still ending after " + podsGone.toSeconds() + " s, so its VNI blocks stay claimed; "
                    + "netlab k8s down " + lab + " --namespace " + namespace + " again releases them once the pods are gone");
        }
        new VniClaims(client).delete(found.claims().stream().map(claim -> claim.getMetadata().getName()).toList());
    }

    private void delete(List<HasMetadata> objects) {
        for (HasMetadata object : objects) {
            client.resource(object).delete();
        }
    }
}
