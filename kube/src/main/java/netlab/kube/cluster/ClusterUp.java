package netlab.kube.cluster;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.net.HttpURLConnection;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import netlab.error.LabStateException;
import netlab.kube.KubeNames;
import netlab.kube.LabObjects;
import netlab.kube.LabParts;
import netlab.kube.LabSettings;

/**
 * {@code netlab k8s up}: claims the lab's VNI blocks, then creates its objects. Whatever fails
 * after the first change undoes every change this run made (its objects newest first, then its
 * claims) and nothing else: an object that was there before is never touched.
 */
public final class ClusterUp {
    private final KubernetesClient client;

    public ClusterUp(KubernetesClient client) {
        this.client = client;
    }

    /** Creates lab {@code lab} in {@code namespace}, its agents running {@code image}; returns its objects. */
    public LabObjects up(LabParts lab, String namespace, String image) {
        KubeNames names = KubeNames.of(lab.lab());
        LabOnCluster existing = LabOnCluster.find(client, names, namespace);
        if (!existing.isEmpty()) {
            throw new LabStateException(existing.labNames().equals(Set.of(names.lab()))
                    ? "lab " + names.lab() + " is already on the cluster, in namespace " + namespace
                            + " (netlab k8s down " + names.lab() + " --namespace " + namespace + " takes it down)"
                    : "the names of lab " + names.lab() + " (" + names.base() + ") are held in namespace " + namespace
                            + " by lab " + String.join(", ", existing.labNames()) + " (docs/kubernetes.md, Names)");
        }
        VniClaims claims = new VniClaims(client);
        VniClaims.Claim claim = null;
        List<HasMetadata> created = new ArrayList<>();
        try {
            claim = claims.claim(names, namespace, lab.vniCount());
            LabObjects objects = LabObjects.of(lab, new LabSettings(namespace, image, claim.vniBase()));
            for (HasMetadata object : objects.all()) {
                create(object, names);
                created.add(object);
            }
            return objects;
        } catch (RuntimeException e) {
            undo(created, claim, claims, names, namespace, e);
            throw e;
        }
    }

    private void create(HasMetadata object, KubeNames names) {
        try {
            client.resource(object).create();
        } catch (KubernetesClientException e) {
            if (e.getCode() != HttpURLConnection.HTTP_CONFLICT) {
                throw e;
            }
            throw new LabStateException(object.getKind() + " " + object.getMetadata().getName() + " already exists in namespace "
                    + object.getMetadata().getNamespace() + ", and is not lab " + names.lab() + "'s");
        }
    }

    /**
     * Removes what this run made. What cannot be removed is named in the failure that is thrown
     * instead, with the way out: down finds it by the lab's label.
     */
    private void undo(List<HasMetadata> created, VniClaims.Claim claim, VniClaims claims, KubeNames names,
            String namespace, RuntimeException cause) {
        List<String> left = new ArrayList<>();
        for (HasMetadata object : created.reversed()) {
            try {
                client.resource(object).delete();
            } catch (RuntimeException e) {
                left.add(object.getKind() + " " + object.getMetadata().getName());
            }
        }
        if (claim != null) {
            for (String name : claim.names()) {
                try {
                    claims.delete(List.of(name));
                } catch (RuntimeException e) {
                    left.add("ConfigMap " + name + " (namespace " + VniClaims.NAMESPACE + ")");
                }
            }
        }
        if (!left.isEmpty()) {
            throw new LabStateException(cause.getMessage() + "; and these could not be removed: " + String.join(", ", left)
                    + " (netlab k8s down " + names.lab() + " --namespace " + namespace + " removes them)", cause);
        }
    }
}
