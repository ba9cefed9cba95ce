package netlab.kube.cluster;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.List;
import netlab.error.InterruptedWaitException;
import netlab.kube.KubeNames;
import netlab.kube.LabLabels;

/** The pods of a lab, and the waits for them: until they are ready, until they are gone. */
final class LabPods {
    /** How often a wait looks again. */
    static final Duration POLL = Duration.ofSeconds(1);

    private LabPods() {}

    static List<Pod> of(KubernetesClient client, KubeNames lab, String namespace) {
        return client.pods().inNamespace(namespace).withLabel(LabLabels.LAB, lab.dns()).list().getItems();
    }

    static boolean ready(Pod pod) {
        return pod.getStatus() != null && pod.getStatus().getConditions() != null
                && pod.getStatus().getConditions().stream()
                        .anyMatch(condition -> "Ready".equals(condition.getType()) && "True".equals(condition.getStatus()));
    }

    /** Waits up to {@code limit} for the lab's pods to be gone; returns how many are left. */
    static int waitUntilGone(KubernetesClient client, KubeNames lab, String namespace, Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (true) {
            int left = of(client, lab, namespace).size();
            if (left == 0 || System.nanoTime() - deadline >= 0) {
                return left;
            }
            sleep("the pods of lab " + lab.lab() + " to end");
        }
    }

    /** Waits up to {@code limit} for {@code parts} ready pods; returns how many are ready. */
    static int waitUntilReady(KubernetesClient client, KubeNames lab, String namespace, int parts, Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (true) {
            int ready = (int) of(client, lab, namespace).stream().filter(LabPods::ready).count();
            if (ready >= parts || System.nanoTime() - deadline >= 0) {
                return ready;
            }
            sleep("the parts of lab " + lab.lab() + " to be ready");
        }
    }

    private static void sleep(String waitingFor) {
        try {
            Thread.sleep(POLL);
        } catch (InterruptedException e) {
            throw new InterruptedWaitException("waiting for " + waitingFor, e);
        }
    }
}
