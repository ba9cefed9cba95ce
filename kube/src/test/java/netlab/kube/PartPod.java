package netlab.kube;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;

/**
 * A lab's pod as the StatefulSet controller, the scheduler and the kubelet would leave it: the
 * mock API server runs none of them, so tests make the pods by hand.
 */
public final class PartPod {
    private PartPod() {}

    /** Pod {@code name} in namespace labs, with lab {@code lab}'s label, on {@code node}, Ready {@code ready} ("True"/"False"). */
    public static Pod of(String name, String lab, String node, String hostIp, String phase, String ready) {
        return new PodBuilder()
                .withNewMetadata().withName(name).withNamespace("labs").addToLabels("netlab.dev/lab", lab).endMetadata()
                .withNewSpec().withNodeName(node).endSpec()
                .withNewStatus().withHostIP(hostIp).withPhase(phase)
                .addNewCondition().withType("Ready").withStatus(ready).endCondition().endStatus()
                .build();
    }
}
