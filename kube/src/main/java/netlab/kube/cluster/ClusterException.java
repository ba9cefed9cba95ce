package netlab.kube.cluster;

import io.fabric8.kubernetes.client.KubernetesClientException;
import java.net.HttpURLConnection;
import netlab.error.FailureKind;
import netlab.error.NetlabException;

/**
 * The cluster refused a request or could not be reached. Its kinds mirror a local lab's: the API
 * server's 401 or 403 is a missing privilege (exit 5); any other refusal, or no answer, is the
 * system that makes the changes refusing one, as the kernel does for a local lab (exit 4).
 */
public final class ClusterException extends NetlabException {
    private static final long serialVersionUID = 1L;

    private final FailureKind kind;

    private ClusterException(String message, FailureKind kind, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    /** What {@code e}, from the cluster at {@code server}, means to the user, in a line. */
    public static ClusterException of(KubernetesClientException e, String server) {
        int code = e.getCode();
        if (code <= 0) {
            return new ClusterException("no answer from the cluster at " + server + " (" + why(e) + ")", FailureKind.KERNEL, e);
        }
        String reason = e.getStatus() != null && e.getStatus().getMessage() != null ? e.getStatus().getMessage() : e.getMessage();
        if (code == HttpURLConnection.HTTP_UNAUTHORIZED || code == HttpURLConnection.HTTP_FORBIDDEN) {
            return new ClusterException("the cluster refused: " + reason + " (HTTP " + code + "; docs/kubernetes.md, "
                    + "Permissions, lists what netlab k8s needs)", FailureKind.NOT_PERMITTED, e);
        }
        return new ClusterException("the cluster refused: " + reason + " (HTTP " + code + ")", FailureKind.KERNEL, e);
    }

    /** The first cause that says more than "I/O failed": a refused connection, an unknown host, a TLS problem. */
    private static String why(Throwable e) {
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause.getClass() != java.io.IOException.class && !(cause instanceof KubernetesClientException)) {
                return cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
            }
        }
        return e.getMessage();
    }

    @Override
    public FailureKind kind() {
        return kind;
    }
}
