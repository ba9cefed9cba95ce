package netlab.kube;

import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;

/**
 * The Service that gives each agent's pod its DNS name ({@code POD.SERVICE.NS.svc.cluster.local}).
 * Headless: nothing is balanced, the names are the point. Not-ready pods are published too: an
 * agent needs its peers' addresses before any part is up, to bring its own up.
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
