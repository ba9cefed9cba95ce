package netlab.kube;

import netlab.error.FailureKind;
import netlab.error.NetlabException;

/**
 * A lab name that cannot become the names of its Kubernetes objects (docs/kubernetes.md, "Names").
 * Exit 3, as any other problem of the name a topology file gives its lab.
 */
public final class KubeNameException extends NetlabException {
    private static final long serialVersionUID = 1L;

    public KubeNameException(String message) {
        super(message, false);
    }

    @Override
    public FailureKind kind() {
        return FailureKind.TOPOLOGY_FILE;
    }
}
