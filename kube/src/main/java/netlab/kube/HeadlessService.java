package netlab.kube;

import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;

/**
 * The Service that gives each agent's pod its DNS name ({@code POD.SERVICE.NS.svc.cluster.local}).
 * Headless: nothing is balanced, the names are the point. Not-ready pods are published too: a pod
 * is ready once its part is up, and its peers' tunnels should point at it from the start rather
 * than at a placeholder until then.
 */
final class HeadlessService {
    private HeadlessService() {}

    static Service of(KubeNames names, String namespace) {
        return new ServiceBuilder().withMetadata(LabLabels.metadata(names, namespace, names.base()))
                .withNewSpec()
                .withClusterIP("None")
                .withPublishNotReadyAddresses(true)
                .withSelector(LabLabels.selector(names))
                .endSpec()
                .build();
    }
}
