package netlab.kernel;

import java.util.ArrayList;
import java.util.List;
import netlab.sys.Syscall;

/**
 * The cookies of open namespaces, read by one throwaway platform thread that joins each in turn:
 * a namespace's cookie can only be read from inside it, and one thread for all of a lab's
 * namespaces costs a setns each instead of a thread each.
 */
public final class NamespaceCookies {
    private NamespaceCookies() {}

    /** The cookie of each namespace, in order (0 where the kernel has no cookies). */
    public static List<Long> of(List<NetNamespace> namespaces) {
        if (namespaces.isEmpty()) {
            return List.of();
        }
        return InNamespace.onNewThread("netlab-netns-cookies", () -> {
            List<Long> cookies = new ArrayList<>(namespaces.size());
            for (NetNamespace namespace : namespaces) {
                Syscall.setns(namespace.fd(), Syscall.CLONE_NEWNET);
                cookies.add(Syscall.netnsCookie());
            }
            return cookies;
        });
    }
}
