package netlab.kube.cluster;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import netlab.error.LabStateException;
import netlab.kube.KubeNames;
import netlab.kube.LabLabels;

/** {@code netlab k8s status}, and {@code up --wait}: where each part of a lab runs, and whether it is up. */
public final class ClusterStatus {
    private final KubernetesClient client;

    public ClusterStatus(KubernetesClient client) {
        this.client = client;
    }

    /**
     * One part of a lab on the cluster; null where the cluster has no answer yet (a pod not made,
     * or not yet placed on a node).
     */
    public record PartStatus(int part, String pod, String node, String hostIp, String phase, boolean ready) {}

    /** Every part of lab {@code lab} in {@code namespace}, in the order of the parts. */
    public List<PartStatus> of(String lab, String namespace) {
        KubeNames names = KubeNames.of(lab);
        int parts = parts(names, namespace);
        Map<String, Pod> pods = LabPods.of(client, names, namespace).stream()
                .collect(Collectors.toMap(pod -> pod.getMetadata().getName(), Function.identity()));
        List<PartStatus> status = new ArrayList<>();
        for (int part = 0; part < parts; part++) {
            Pod pod = pods.get(names.pod(part));
            if (pod == null) {
                status.add(new PartStatus(part, names.pod(part), null, null, null, false));
            } else {
                var podStatus = pod.getStatus();
                status.add(new PartStatus(part, names.pod(part), pod.getSpec() == null ? null : pod.getSpec().getNodeName(),
                        podStatus == null ? null : podStatus.getHostIP(), podStatus == null ? null : podStatus.getPhase(),
                        LabPods.ready(pod)));
            }
        }
        return status;
    }

    /** Waits up to {@code limit} for every part of {@code lab} to be ready; a lab not ready by then is a failure. */
    public void waitUntilReady(String lab, String namespace, Duration limit) {
        KubeNames names = KubeNames.of(lab);
        int parts = parts(names, namespace);
        int ready = LabPods.waitUntilReady(client, names, namespace, parts, limit);
        if (ready < parts) {
            throw new LabStateException("lab " + lab + ": " + ready + " of " + parts + " parts ready after "
                    + limit.toSeconds() + " s (netlab k8s status " + lab + " --namespace " + namespace + " shows them)");
        }
    }

    /** How many parts the lab has: its StatefulSet's replicas. */
    private int parts(KubeNames names, String namespace) {
        StatefulSet statefulSet = client.apps().statefulSets().inNamespace(namespace).withName(names.base()).get();
        if (statefulSet == null || !names.lab().equals(statefulSet.getMetadata().getAnnotations().get(LabLabels.LAB_NAME))) {
            throw new LabStateException("lab " + names.lab() + " is not on the cluster, in namespace " + namespace);
        }
        return statefulSet.getSpec().getReplicas();
    }
}
